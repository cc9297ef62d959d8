/**
 * Signed in as fast as signed out (docs/decisions/0017-signed-in-speed.md): the same
 * requests with and without a session, side by side on one server in one run, and
 * each signed-in figure as a ratio of the signed-out floor, the cheapest dynamic
 * answer (`GET /api/me/time-zone`, a 401 without a session).
 */
import autocannon from "autocannon";
import { signUpOverHttp, testPassword } from "../lib/test/sign-up";
import { Agent } from "node:http";
import { measureOpenLoop, offerAtRate, send } from "./open-loop";
import { countLostSaves, nextNote, noteConference, notePath, noteSessions, putNote, signUpSavers } from "./note-saves";
import { percentile } from "./search-latency";

export type LoadFigures = {
  requestsPerSecond: number;
  /** Sequences (a page view: the page and what it fetches) per second. */
  sequencesPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  /** Latency of a whole sequence, first request sent to last answer read (as a browser waits). */
  sequenceP50Ms: number | null;
  sequenceP99Ms: number | null;
  non2xx: number;
  errors: number;
  requests: number;
  serverCpuMsPerRequest: number | null;
};

type Step = { path: string; method?: string; headers?: Record<string, string> };

export const demoConference = noteConference;
const demoSession = "linuxkit-deep-dive";
const myNotePath = notePath(demoSession);

/**
 * autocannon, each connection going through `steps` in order, again and again: one
 * step is a plain load; several are what a browser asks for one page view. The
 * sequence is timed from its first request's setup to its last answer.
 */
export async function loadSteps(
  origin: string,
  steps: Step[],
  options: { connections: number; seconds: number; headers?: Record<string, string>; cpuMs?: () => number },
): Promise<LoadFigures> {
  const sequences: number[] = [];
  const requests = steps.map((step, i) => ({
    method: step.method ?? "GET",
    path: step.path,
    headers: { "accept-encoding": "gzip", ...options.headers, ...step.headers },
    ...(steps.length > 1 && i === 0 ? { setupRequest: (request: object, context: { started?: number }) => ((context.started = performance.now()), request) } : {}),
    ...(steps.length > 1 && i === steps.length - 1
      ? { onResponse: (_status: number, _body: string, context: { started?: number }) => void (context.started !== undefined && sequences.push(performance.now() - context.started)) }
      : {}),
  }));
  const cpuBefore = options.cpuMs?.();
  const result = await autocannon({ url: origin, connections: options.connections, duration: options.seconds, timeout: 10, requests });
  const cpuAfter = options.cpuMs?.();
  sequences.sort((a, b) => a - b);
  const total = result.requests.total;
  return {
    requestsPerSecond: result.requests.average,
    sequencesPerSecond: result.requests.average / steps.length,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    sequenceP50Ms: steps.length > 1 ? percentile(sequences, 50) : null,
    sequenceP99Ms: steps.length > 1 ? percentile(sequences, 99) : null,
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
    requests: total,
    serverCpuMsPerRequest: cpuBefore !== undefined && cpuAfter !== undefined && total ? (cpuAfter - cpuBefore) / total : null,
  };
}

/** A new account, signed in: its cookies as a browser sends them (the session cookie and the signed-in hint). */
export function signUpReader(origin: string, label: string): Promise<string> {
  return signUpOverHttp(origin, { name: `Bench ${label}`, email: `${label}-${Date.now()}@bench.invalid`, password: testPassword });
}

async function must(response: Promise<Response>, what: string) {
  const answer = await response;
  if (!answer.ok) throw new Error(`${what}: ${answer.status} ${await answer.text()}`);
  return answer;
}

/** What the reader has, so every personal answer carries something: a note, two stars, a zone, private notes that search finds. */
async function furnish(origin: string, cookie: string, big: { conference: string; sessions: string[] }) {
  const write = (path: string, method: string, body?: unknown, ifMatch?: string) =>
    must(
      fetch(origin + path, {
        method,
        headers: { cookie, origin, "content-type": "application/json", ...(ifMatch ? { "if-match": ifMatch } : {}) },
        body: body === undefined ? undefined : JSON.stringify(body),
      }),
      `${method} ${path}`,
    );
  await write(myNotePath, "PUT", { body: "My own words on LinuxKit.", visibility: "private" }, '"0"');
  await write(`/api/conferences/${demoConference}/me/stars/${demoSession}`, "PUT");
  await write(`/api/conferences/${demoConference}/me/stars/general-session-day-1`, "PUT");
  await write("/api/me/time-zone", "PUT", { timeZone: "America/New_York" });
  for (const slug of big.sessions) {
    await write(`/api/conferences/${big.conference}/sessions/${slug}/note`, "PUT", { body: `Private: ask about kubernetes operators at ${slug}.`, visibility: "private" }, '"0"');
  }
}

export type SignedInFigures = Awaited<ReturnType<typeof measureSignedIn>>;

/**
 * Every row of the signed-in comparison but the closed-loop saves, which the caller
 * runs (bench/note-saves.ts) and compares with `floor` here.
 */
export async function measureSignedIn(
  origin: string,
  options: { seconds: number; bigConference: string; bigSessions: string[]; searchQuery: string; cpuMs: () => number; openLoopShare: number },
) {
  const { seconds, cpuMs } = options;
  const cookie = await signUpReader(origin, "signed-in");
  await furnish(origin, cookie, { conference: options.bigConference, sessions: options.bigSessions });
  const signedIn = { cookie };
  const warm = async (path: string, headers: Record<string, string> = {}) => {
    for (let i = 0; i < 20; i++) await (await fetch(origin + path, { headers })).arrayBuffer();
  };
  const at50 = (steps: Step[], headers?: Record<string, string>) => loadSteps(origin, steps, { connections: 50, seconds, headers, cpuMs });

  // The floor and the session check: the same trivial route, answered 401 and 200.
  await warm("/api/me/time-zone");
  await warm("/api/me/time-zone", signedIn);
  const trivialOut = await at50([{ path: "/api/me/time-zone" }]);
  const trivialIn = await at50([{ path: "/api/me/time-zone" }], signedIn);

  // Each personal request a page makes, signed in.
  const personal = [
    { name: "my time zone", path: "/api/me/time-zone" },
    { name: "my stars", path: `/api/conferences/${demoConference}/me/stars` },
    { name: "my note", path: myNotePath },
    { name: "who I am (header)", path: "/api/me" },
  ];
  const personalRows = [];
  for (const row of personal) {
    await warm(row.path, signedIn);
    const body = await (await fetch(origin + row.path, { headers: signedIn })).text();
    // The time zone is the trivial route itself, measured just above.
    personalRows.push({ ...row, answer: body.slice(0, 80), ...(row.path === "/api/me/time-zone" ? trivialIn : await at50([{ path: row.path }], signedIn)) });
  }

  // The latency target is for an open loop: the floor and each personal request at one fixed arrival
  // rate over 50 connections, a stated share of the floor's closed-loop capacity just measured, so that
  // the rate means the same on a busy machine and a quiet one (rounded down to tens).
  const openRate = Math.max(10, Math.floor((trivialOut.requestsPerSecond * options.openLoopShare) / 10) * 10);
  const openAt50 = (path: string, headers?: Record<string, string>) => measureOpenLoop(origin, path, { rate: openRate, seconds, connections: 50, headers, cpuMs });
  const openRows = [{ name: "the floor, signed out (401)", ...(await openAt50("/api/me/time-zone")) }];
  for (const row of personal) openRows.push({ name: `${row.name}, signed in`, ...(await openAt50(row.path, signedIn)) });

  // A page view as a browser makes it: the session page, then what its components fetch on
  // every view (the header's name, the stars, the note). The time zone is asked once per tab
  // every five minutes (components/time/zone-preference.ts), so not on every view.
  const page = `/${demoConference}/sessions/${demoSession}`;
  await warm(page);
  const pageOut = await at50([{ path: page }]);
  const perView = personal.filter((row) => row.path !== "/api/me/time-zone");
  const pageInSteps = [{ path: page }, ...perView.map((row) => ({ path: row.path }))];
  const pageIn = await at50(pageInSteps, signedIn);

  // Search on the big conference, 32 connections: the cached results page and, signed in, the personal answer after it.
  const searchPage = `/${options.bigConference}/search?q=${encodeURIComponent(options.searchQuery)}`;
  const ownMatches = `/api/conferences/${options.bigConference}/me/search?q=${encodeURIComponent(options.searchQuery)}`;
  await warm(searchPage);
  await warm(ownMatches, signedIn);
  const own = (await (await fetch(origin + ownMatches, { headers: signedIn })).json()) as { sessions: { slug: string }[] };
  const cachedPage = await (await fetch(origin + searchPage, { headers: signedIn })).text();
  const searchOut = await loadSteps(origin, [{ path: searchPage }], { connections: 32, seconds, cpuMs });
  const searchIn = await loadSteps(origin, [{ path: searchPage }, { path: ownMatches }], { connections: 32, seconds, headers: signedIn, cpuMs });

  return {
    trivial: { path: "/api/me/time-zone", signedOut: trivialOut, signedIn: trivialIn, ratio: trivialIn.requestsPerSecond / trivialOut.requestsPerSecond },
    personal: personalRows.map((row) => ({ ...row, ratio: row.requestsPerSecond / trivialOut.requestsPerSecond })),
    openLoopReads: { share: options.openLoopShare, rate: openRate, rows: openRows },
    pageViews: { page, personalRequests: perView.map((row) => row.path), signedOut: pageOut, signedIn: pageIn },
    search: {
      query: options.searchQuery,
      signedOut: searchOut,
      signedIn: searchIn,
      ownMatches: own.sessions.length,
      ownMatchesExpected: options.bigSessions.length,
      // The page is the public one: the reader's private words never in it.
      cachedPageCarriesPrivateWords: cachedPage.includes("ask about kubernetes operators"),
    },
    floorRequestsPerSecond: trivialIn.requestsPerSecond,
  };
}

/**
 * Note saves at a fixed arrival rate (open loop): a save is due every 1/rate seconds
 * whatever the server is doing, spread over `users` accounts and five demo sessions,
 * and its latency runs from when it was due, so a slow server cannot hide its queue
 * by slowing the client. A save due on a note whose previous save is still on its way
 * waits for it (it needs its version). Then every acknowledged note is compared with
 * the database, as in the closed loop.
 */
export async function measureOpenLoopSaves(origin: string, database: string, options: { rate: number; seconds: number; users: number; cpuMs?: () => number }) {
  const accounts = (await signUpSavers(origin, "Open", options.users)).map((saver) => ({ ...saver, last: new Map<string, Promise<void>>() }));
  // The open loop's client, as for the reads: one keep-alive connection per account, each opened before the clock starts.
  const agent = new Agent({ keepAlive: true, maxSockets: options.users });
  await Promise.all(accounts.map((account) => send(agent, new URL(notePath(noteSessions[0]!), origin), { headers: { cookie: account.cookie } })));
  // Server CPU from here: the sign-ups (each a password hash) left out.
  const cpuBefore = options.cpuMs?.();

  const latencies: number[] = [];
  const failures: string[] = [];
  let failed = 0;
  const total = Math.round(options.rate * options.seconds);
  const started = performance.now();
  await offerAtRate(options.rate, options.seconds, (n, due) => {
    const account = accounts[n % accounts.length]!;
    const slug = noteSessions[Math.floor(n / accounts.length) % noteSessions.length]!;
    const previous = account.last.get(slug);
    const body = `Open-loop note ${n} on ${slug}: ${"words ".repeat(20 + (n % 30))}`;
    const mine = (async () => {
      await previous;
      const failure = await putNote(origin, account, slug, body, n % 4 === 0 ? "public" : "private", agent);
      latencies.push(performance.now() - due);
      if (failure) {
        failed += 1;
        if (failures.length < 5) failures.push(failure);
      }
    })();
    account.last.set(slug, mine);
    return mine;
  });
  const elapsedSeconds = (performance.now() - started) / 1000;
  agent.destroy();
  const serverCpuMsPerSave = cpuBefore === undefined ? null : (options.cpuMs!() - cpuBefore) / Math.max(1, latencies.length);

  const { lost, checked } = await countLostSaves(database, accounts);
  latencies.sort((a, b) => a - b);
  return {
    serverCpuMsPerSave,
    rate: options.rate,
    seconds: options.seconds,
    users: options.users,
    offered: total,
    saves: latencies.length - failed,
    savesPerSecond: (latencies.length - failed) / elapsedSeconds,
    p50Ms: percentile(latencies, 50),
    p99Ms: percentile(latencies, 99),
    maxMs: latencies.at(-1) ?? NaN,
    failed,
    failures,
    lost,
    checked,
  };
}

/**
 * The most a save can reach in a Next.js route handler, whatever its SQL costs, as a share of the
 * signed-in floor measured beside it. `turns` times, for `sliceSeconds` each: the floor (the
 * trivial route signed in, as `measureSignedIn` loads it, `users` connections), then the closed
 * loop's PUTs (bench/note-saves.ts: the same paths, bodies and headers) each naming a visibility
 * that does not exist, so that the route reads, parses and validates the body and answers 400
 * before any statement. A save does all of that and then writes. The ratio is the median turn's:
 * this machine's speed swings from one minute to the next, and a slow spell then lands in one turn,
 * not in the figure. Every PUT must get that 400; anything else is counted as unexpected, and then
 * the figure is not a ceiling.
 */
export async function measureSaveCeiling(origin: string, options: { users?: number; turns?: number; sliceSeconds?: number; cpuMs?: () => number } = {}) {
  const { users = 50, turns = 5, sliceSeconds = 3, cpuMs } = options;
  const [saver] = await signUpSavers(origin, "Ceiling", 1);
  const cookie = saver!.cookie;
  let unexpected = 0;
  const refusedSaves = async () => {
    const cpuBefore = cpuMs?.();
    let connections = 0;
    const result = await autocannon({
      url: origin,
      connections: users,
      duration: sliceSeconds,
      timeout: 10,
      setupClient: (client) => {
        const u = connections++;
        let n = 0;
        client.setRequests([
          {
            method: "PUT",
            setupRequest: (request) => {
              const note = nextNote(`ceiling ${u}`, n++);
              return {
                ...request,
                path: notePath(note.slug),
                headers: { "content-type": "application/json", origin, cookie, "if-match": '"0"' },
                body: JSON.stringify({ body: note.body, visibility: "draft" }),
              };
            },
            onResponse: (status) => {
              if (status !== 400) unexpected += 1;
            },
          },
        ]);
      },
    });
    unexpected += result.errors + result.timeouts;
    const requests = result.requests.total;
    return { requestsPerSecond: result.requests.average, p99Ms: result.latency.p99, serverCpuMsPerRequest: cpuBefore === undefined ? null : (cpuMs!() - cpuBefore) / Math.max(1, requests) };
  };
  const rounds = [];
  for (let turn = 0; turn < turns; turn++) {
    const floor = await loadSteps(origin, [{ path: "/api/me/time-zone" }], { connections: users, seconds: sliceSeconds, headers: { cookie }, cpuMs });
    unexpected += floor.non2xx + floor.errors;
    const refused = await refusedSaves();
    rounds.push({ floor, refused, ratio: refused.requestsPerSecond / floor.requestsPerSecond });
  }
  const median = (values: number[]) => percentile([...values].sort((a, b) => a - b), 50);
  const cpuMedian = (values: (number | null)[]) => (values.includes(null) ? null : median(values as number[]));
  return {
    users,
    turns,
    sliceSeconds,
    ratio: median(rounds.map((r) => r.ratio)),
    ratios: rounds.map((r) => r.ratio),
    floorPerSecond: median(rounds.map((r) => r.floor.requestsPerSecond)),
    floorCpuMsPerRequest: cpuMedian(rounds.map((r) => r.floor.serverCpuMsPerRequest)),
    requestsPerSecond: median(rounds.map((r) => r.refused.requestsPerSecond)),
    p99Ms: Math.max(...rounds.map((r) => r.refused.p99Ms)),
    serverCpuMsPerRequest: cpuMedian(rounds.map((r) => r.refused.serverCpuMsPerRequest)),
    unexpected,
  };
}
