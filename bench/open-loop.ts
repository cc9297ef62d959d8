/**
 * One request at a fixed arrival rate (an open loop), over a keep-alive pool of a
 * fixed number of connections. A request is due every 1/rate seconds whatever the
 * server is doing, and its latency runs from when it was due, not from when a free
 * connection took it: a slow server cannot hide its queue by slowing the client
 * (no coordinated omission). Latency targets are for this; a closed loop (N clients
 * without pause) measures capacity.
 */
import { Agent, request } from "node:http";
import { percentile } from "./search-latency";

export type OpenLoopFigures = {
  path: string;
  connections: number;
  seconds: number;
  /** Requests per second offered, and how many the server finished per second. */
  offeredPerSecond: number;
  achievedPerSecond: number;
  requests: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
  non2xx: number;
  errors: number;
  serverCpuMsPerRequest: number | null;
};

/**
 * One request on `agent`'s keep-alive connections, the open loop's client: node:http costs the
 * bench, on the cores it shares with the server, a fraction of what fetch does. Resolves with the
 * status, and the body's text when `readBody` (otherwise the body is drained unread).
 */
export function send(
  agent: Agent,
  url: URL,
  options: { method?: string; headers: Record<string, string>; body?: string; readBody?: boolean },
): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const sent = request(url, { agent, method: options.method ?? "GET", headers: options.headers, timeout: 10_000 }, (response) => {
      const status = response.statusCode ?? 0;
      if (!options.readBody) {
        response.resume().on("end", () => resolve({ status, body: "" })).on("error", reject);
        return;
      }
      let body = "";
      response.setEncoding("utf8").on("data", (chunk: string) => (body += chunk)).on("end", () => resolve({ status, body })).on("error", reject);
    });
    sent.on("timeout", () => sent.destroy(new Error("timed out")));
    sent.on("error", reject).end(options.body);
  });
}

const get = (agent: Agent, url: URL, headers: Record<string, string>) => send(agent, url, { headers }).then((answer) => answer.status);

/**
 * Calls `send(n, due)` for n = 0, 1, … at `rate` a second for `seconds`, on time whatever the
 * earlier sends are doing: a timer that catches up sends every one whose time has come at once.
 * Resolves when every send has. `due` is when the send was due, for latency counted from it.
 */
export async function offerAtRate(rate: number, seconds: number, send: (n: number, due: number) => Promise<void>): Promise<void> {
  const started = performance.now();
  const total = Math.round(rate * seconds);
  const inFlight: Promise<void>[] = [];
  let offered = 0;
  while (offered < total) {
    const now = performance.now();
    while (offered < total && started + (offered * 1000) / rate <= now) {
      inFlight.push(send(offered, started + (offered * 1000) / rate));
      offered += 1;
    }
    await new Promise((resolve) => setTimeout(resolve, 1));
  }
  await Promise.all(inFlight);
}

export async function measureOpenLoop(
  origin: string,
  path: string,
  options: { rate: number; seconds: number; connections: number; headers?: Record<string, string>; cpuMs?: () => number },
): Promise<OpenLoopFigures> {
  const url = new URL(path, origin);
  const headers = { "accept-encoding": "gzip", ...options.headers };
  const agent = new Agent({ keepAlive: true, maxSockets: options.connections });
  try {
    // Every connection opened before the clock starts, so that set-up is not measured as latency.
    await Promise.all(Array.from({ length: options.connections }, () => get(agent, url, headers).catch(() => 0)));
    const latencies: number[] = [];
    let non2xx = 0;
    let errors = 0;
    const cpuBefore = options.cpuMs?.();
    const started = performance.now();
    await offerAtRate(options.rate, options.seconds, (_n, due) =>
      get(agent, url, headers).then(
        (status) => {
          latencies.push(performance.now() - due);
          if (status < 200 || status >= 300) non2xx += 1;
        },
        () => void (errors += 1),
      ),
    );
    const elapsedSeconds = (performance.now() - started) / 1000;
    const cpuAfter = options.cpuMs?.();
    latencies.sort((a, b) => a - b);
    return {
      path,
      connections: options.connections,
      seconds: options.seconds,
      offeredPerSecond: options.rate,
      achievedPerSecond: latencies.length / elapsedSeconds,
      requests: latencies.length,
      p50Ms: percentile(latencies, 50),
      p99Ms: percentile(latencies, 99),
      maxMs: latencies.at(-1) ?? NaN,
      non2xx,
      errors,
      serverCpuMsPerRequest: cpuBefore !== undefined && cpuAfter !== undefined && latencies.length ? (cpuAfter - cpuBefore) / latencies.length : null,
    };
  } finally {
    agent.destroy();
  }
}
