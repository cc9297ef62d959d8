/**
 * What a re-import costs the pages it changes while they are under load: the bench's live
 * rows (bench/live-import.ts) load other conferences' pages, so they measure the import's own
 * cost; here the load is on the moved sessions' own pages, whose cached copies the import
 * supersedes (docs/decisions/0014-live-program.md, amended 2026-12-02). One server per
 * HALLWAY_PROGRAM_STALE_MS value, alternating, on the bench database of an earlier
 * `npm run bench` (it needs bench/data/bench.db and a build):
 *
 *   BENCH_PORT=3610 node --conditions=react-server --import tsx bench/program-storm.ts 0 1000 0 1000
 */
import path from "node:path";
import autocannon from "autocannon";
import { loadavg } from "node:os";

const root = path.resolve(import.meta.dirname, "..");
const databaseUrl = `file:${path.join(root, "bench", "data", "bench.db")}`;
process.env.DATABASE_URL = databaseUrl;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const staleValues = process.argv.slice(2).map(Number);

// Imported after DATABASE_URL is set: some of these reach the database client as they load.
const { generateFrabFixture } = await import("../lib/interop/fixtures/generate");
const { signUpOverHttp, testPassword } = await import("../lib/test/sign-up");
const { startServer } = await import("./http-load");
const { moveSessions } = await import("./live-import");
const { percentile } = await import("./search-latency");
const { db } = await import("../lib/db/client");
const { setOrganiser } = await import("../lib/organisers/organisers");
const { createApiToken } = await import("../lib/organisers/api-tokens");

const original = generateFrabFixture({ events: 1000, speakers: 400, rooms: 30, seed: 2017 });
const moved = moveSessions(original);

async function run(staleMs: number) {
  const server = await startServer(databaseUrl, { HALLWAY_PROGRAM_STALE_MS: String(staleMs) });
  try {
    const { origin } = server;
    const email = `organiser-${Date.now()}@bench.invalid`;
    await signUpOverHttp(origin, { name: "Bench Organiser", email, password: testPassword });
    const organiser = await setOrganiser(db, email, true);
    if (!organiser.ok) throw new Error(organiser.error);
    const token = (await createApiToken(organiser.organiser, "bench"))!.token;
    const conference = `storm-${Date.now().toString(36)}`;
    const put = async (body: string) => {
      const started = performance.now();
      const response = await fetch(`${origin}/api/conferences/${conference}/program`, { method: "PUT", headers: { authorization: `Bearer ${token}`, "content-type": "application/json" }, body });
      await response.text();
      if (response.status !== 200) throw new Error(`PUT: ${response.status}`);
      return { started, answered: performance.now() };
    };
    await put(original);
    const slugs = new Map((await db.session.findMany({ where: { conference: { slug: conference } }, select: { guid: true, slug: true } })).map((s) => [s.guid, s.slug]));
    // Twelve of the moved sessions' pages, their API answers and their first day's timetable: what readers of a changed program reload.
    const paths = [
      ...moved.moves.slice(0, 12).flatMap((m) => [`/${conference}/sessions/${slugs.get(m.guid)}`, `/api/conferences/${conference}/sessions/${slugs.get(m.guid)}`]),
      `/${conference}/schedule?day=${moved.moves[0]!.day}&view=grid`,
    ];
    for (const p of paths) await (await fetch(origin + p, { headers: { "accept-encoding": "gzip" } })).arrayBuffer();
    const answers: { end: number; latency: number }[] = [];
    // Three connections on each page: 75 in all, every page loaded, as a hall reloading its program.
    const loads = paths.map((p) => {
      const instance = autocannon({ url: origin + p, connections: 3, duration: 120, timeout: 10, headers: { "accept-encoding": "gzip" } });
      instance.on("response", (_c, _status, _bytes, latency) => answers.push({ end: performance.now(), latency }));
      return instance;
    });
    await sleep(4000);
    const quiet = [performance.now() - 3000, performance.now()] as const;
    const cpu = server.cpuMs();
    const first = await put(moved.text);
    await sleep(3000);
    const firstCpu = server.cpuMs() - cpu;
    const second = await put(original);
    await sleep(3000);
    for (const load of loads) load.stop();
    await Promise.all(loads);
    const windowOf = (from: number, to: number) => {
      const inside = answers.filter((a) => a.end >= from && a.end - a.latency <= to).map((a) => a.latency).sort((a, b) => a - b);
      return { requests: inside.length, p50: percentile(inside, 50), p99: percentile(inside, 99), max: inside.at(-1) ?? NaN };
    };
    return {
      staleMs,
      load: loadavg()[0]!.toFixed(1),
      quiet: windowOf(...quiet),
      moved: windowOf(first.started, first.answered + 3000),
      movedBack: windowOf(second.started, second.answered + 3000),
      importMs: [first.answered - first.started, second.answered - second.started].map((ms) => Math.round(ms)),
      serverCpuMsFirst: Math.round(firstCpu),
    };
  } finally {
    await server.stop();
  }
}

const rows = [];
for (const staleMs of staleValues) {
  const row = await run(staleMs);
  console.log(JSON.stringify(row));
  rows.push(row);
}
await db.$disconnect();
console.log("\nstale ms | load | quiet p50/p99 | re-import + 3 s p50/p99/max | moved back + 3 s p50/p99/max | PUT ms | server CPU, first move + 3 s");
for (const r of rows) {
  const f = (w: { p50: number; p99: number; max?: number }) => [w.p50, w.p99, w.max].filter((n) => n !== undefined).map((n) => `${Math.round(n!)}`).join("/");
  console.log(`${r.staleMs} | ${r.load} | ${f({ p50: r.quiet.p50, p99: r.quiet.p99 })} | ${f(r.moved)} | ${f(r.movedBack)} | ${r.importMs.join(", ")} | ${r.serverCpuMsFirst}`);
}
