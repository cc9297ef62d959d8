/**
 * Serves the production build against the benchmark database on 127.0.0.1 and
 * loads it with autocannon, sampling the server's memory meanwhile.
 */
import { spawn, spawnSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { createServer } from "node:net";
import path from "node:path";
import autocannon from "autocannon";
import { serverArgs, serverEntry } from "../scripts/build-state";

const root = path.resolve(import.meta.dirname, "..");
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };

/** Reuses .next when it holds a build and its server, as `next start` would; builds only when there is none. */
export function ensureBuild(): { buildId: string; built: boolean } {
  const buildIdFile = path.join(root, ".next", "BUILD_ID");
  const built = !existsSync(buildIdFile) || !existsSync(serverEntry(".next"));
  if (built) {
    // `npm run build`: next build, then the service worker (scripts/build-sw.ts) and the server (scripts/build-server.ts).
    const result = spawnSync("npm", ["run", "--silent", "build"], { cwd: root, env, stdio: "inherit" });
    if (result.status !== 0) throw new Error(`next build failed with exit code ${result.status}`);
  }
  return { buildId: readFileSync(buildIdFile, "utf8").trim(), built };
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The pids of a process and all its descendants, read from /proc. */
function processTree(rootPid: number): number[] {
  const children = new Map<number, number[]>();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      // The command name may hold spaces and parentheses: the fields start after its last ")".
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(entry)]);
    } catch {
      // The process ended between the listing and the read.
    }
  }
  const tree = [rootPid];
  for (let i = 0; i < tree.length && i < 1000; i++) tree.push(...(children.get(tree[i]!) ?? []));
  return tree;
}

// utime + stime, in clock ticks, of each process in the tree: CPU used whatever else runs on the machine.
const ticksPerSecond = Number(spawnSync("getconf", ["CLK_TCK"], { encoding: "utf8" }).stdout.trim()) || 100;

/**
 * CPU time (ms) a process and its descendants have used so far, those that ended included (their
 * time moves to the parent's cutime + cstime): PostgreSQL's backends end when a pool lets them go.
 */
export const treeCpuMs = (pid: number) => cpuMs(processTree(pid), true);

function cpuMs(pids: number[], withEndedChildren = false): number {
  let ticks = 0;
  for (const pid of pids) {
    const stat = readFileSafe(`/proc/${pid}/stat`);
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    ticks += (Number(fields[11]) || 0) + (Number(fields[12]) || 0);
    if (withEndedChildren) ticks += (Number(fields[13]) || 0) + (Number(fields[14]) || 0);
  }
  return (ticks * 1000) / ticksPerSecond;
}

function statusKb(pid: number, field: "VmRSS" | "VmHWM"): number {
  try {
    const match = new RegExp(`^${field}:\\s+(\\d+) kB`, "m").exec(readFileSync(`/proc/${pid}/status`, "utf8"));
    return match ? Number(match[1]) : 0;
  } catch {
    return 0;
  }
}

export type Server = Awaited<ReturnType<typeof startServer>>;

/**
 * Starts the production server on `databaseUrl` (SQLite or PostgreSQL), with `extraEnv` on top of
 * this process's (PostgreSQL needs BETTER_AUTH_SECRET); resolves once it answers, with its origin.
 */
export async function startServer(databaseUrl: string, extraEnv: Record<string, string> = {}) {
  // BENCH_PORT when a machine hands out ports; a free one otherwise.
  const port = Number(process.env.BENCH_PORT) || (await freePort());
  // Its own process group, so stopping it stops everything it started.
  // The production server `npm start` runs: Next.js behind its few-second cache of public pages.
  const child = spawn(process.execPath, serverArgs(".next"), {
    cwd: root,
    env: { ...env, ...extraEnv, DATABASE_URL: databaseUrl, NODE_ENV: "production", PORT: String(port), HOSTNAME: "127.0.0.1" },
    stdio: ["ignore", "ignore", "pipe"],
    detached: true,
  });
  // Under load a failing route logs a stack per request: keep a count and the first lines, not a flood.
  const errorLines: string[] = [];
  let errorLineCount = 0;
  child.stderr!.setEncoding("utf8").on("data", (chunk: string) => {
    for (const line of chunk.split("\n").filter(Boolean)) {
      errorLineCount += 1;
      if (errorLines.length < 12) errorLines.push(line);
    }
  });
  let exited = false;
  child.once("exit", () => (exited = true));
  const origin = `http://127.0.0.1:${port}`;

  // Peak of the whole tree's RSS, sampled every 200 ms; VmHWM also catches peaks between samples.
  let peakTreeRssKb = 0;
  let peakHwmKb = 0;
  // pid → latest command line: `next start` renames itself next-server, and may fork.
  const processNames = new Map<number, string>();
  const sample = () => {
    const pids = processTree(child.pid!);
    peakTreeRssKb = Math.max(peakTreeRssKb, pids.reduce((sum, pid) => sum + statusKb(pid, "VmRSS"), 0));
    peakHwmKb = Math.max(peakHwmKb, ...pids.map((pid) => statusKb(pid, "VmHWM")));
    for (const pid of pids) processNames.set(pid, readFileSafe(`/proc/${pid}/cmdline`).split("\0")[0]!.trim() || processNames.get(pid) || "?");
  };
  const sampler = setInterval(sample, 200);

  const stop = async () => {
    clearInterval(sampler);
    if (exited) return;
    process.kill(-child.pid!, "SIGTERM");
    for (let i = 0; i < 50 && !exited; i++) await sleep(100);
    if (!exited) process.kill(-child.pid!, "SIGKILL");
  };

  const deadline = Date.now() + 60_000;
  while (true) {
    if (exited) throw new Error("next start exited before it served a request");
    if (Date.now() > deadline) {
      await stop();
      throw new Error("next start did not answer within 60 s");
    }
    const ok = await fetch(`${origin}/`).then((r) => r.ok, () => false);
    if (ok) break;
    await sleep(250);
  }
  return {
    origin,
    stop,
    cpuMs: () => cpuMs(processTree(child.pid!)),
    errors: () => ({ lineCount: errorLineCount, firstLines: errorLines }),
    memory: () => ({ peakTreeRssMb: peakTreeRssKb / 1024, peakProcessHwmMb: peakHwmKb / 1024, processes: [...processNames].map(([pid, name]) => `${pid} ${name}`) }),
  };
}

function readFileSafe(file: string): string {
  try {
    return readFileSync(file, "utf8");
  } catch {
    return "";
  }
}

/** The first request renders (and, for cached pages, fills the page cache); the rest warm the JIT. A failure is a figure, not an abort. */
export async function warmUp(url: string, headers: Record<string, string> = {}, requests = 20) {
  const started = performance.now();
  const first = await fetch(url, { headers });
  await first.arrayBuffer();
  const firstMs = performance.now() - started;
  for (let i = 1; i < requests; i++) await (await fetch(url, { headers })).arrayBuffer();
  return { firstMs, firstStatus: first.status };
}

export async function loadTest(url: string, durationSeconds: number, headers: Record<string, string> = {}) {
  // As a browser asks: compressed. The micro-cache keeps the gzipped bytes of a public page.
  const result = await autocannon({ url, connections: 32, duration: durationSeconds, timeout: 10, headers: { "accept-encoding": "gzip", ...headers } });
  return {
    requestsPerSecond: result.requests.average,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
    requests: result.requests.total,
    bytesPerSecond: result.throughput.average,
  };
}
