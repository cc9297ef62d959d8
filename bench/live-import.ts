/**
 * A live program (docs/decisions/0014-live-program.md): the generated 1,000-event
 * program pushed into the running server while public pages are under load, then
 * pushed again with 50 sessions moved, then the import CLI run beside the server.
 * One continuous load on a few pages of the big conference and the demo; every
 * answer is kept with its time, so each window (quiet, during an import) gets its own
 * p99 from the same run. After a move, the moved sessions' pages, their API answers
 * and their days' schedule pages are polled until each shows the new time and room.
 */
import { spawn } from "node:child_process";
import { writeFileSync } from "node:fs";
import path from "node:path";
import autocannon from "autocannon";
import { generateFrabFixture } from "../lib/interop/fixtures/generate";
import { signUpOverHttp, testPassword } from "../lib/test/sign-up";
import { percentile } from "./search-latency";

const root = path.resolve(import.meta.dirname, "..");
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

type FrabEvent = { guid: string; id: number; date: string; start: string; room: string };
type FrabDay = { date: string; rooms: Record<string, FrabEvent[]> };
type Where = { startsAt: string; room: string };
/** A moved session: where it was and where it went, by guid (slugs come from the database after the first import). */
export type Move = { guid: string; day: string; before: Where; after: Where };

/** 50 of the 1,000 events (every 20th) half an hour later, each in the next hall. */
export function moveSessions(text: string): { text: string; moves: Move[] } {
  const document = JSON.parse(text) as { schedule: { conference: { days: FrabDay[] } } };
  const moves: Move[] = [];
  for (const day of document.schedule.conference.days) {
    const halls = Object.keys(day.rooms);
    const leaving: { event: FrabEvent; from: string; to: string }[] = [];
    for (const [hall, events] of Object.entries(day.rooms)) {
      for (const event of events) if (event.id % 20 === 7) leaving.push({ event, from: hall, to: halls[(halls.indexOf(hall) + 1) % halls.length]! });
    }
    for (const { event, from, to } of leaving) {
      const before = { startsAt: new Date(event.date).toISOString(), room: from };
      // Every generated event starts on the hour: "…T10:00:00+02:00" becomes "…T10:30:00+02:00".
      event.date = event.date.replace(/:00:00([+-])/, ":30:00$1");
      event.start = event.start.replace(/:00$/, ":30");
      event.room = to;
      day.rooms[from] = day.rooms[from]!.filter((e) => e !== event);
      day.rooms[to]!.push(event);
      moves.push({ guid: event.guid, day: day.date, before, after: { startsAt: new Date(event.date).toISOString(), room: to } });
    }
  }
  return { text: JSON.stringify(document), moves };
}

type Answer = { end: number; latency: number; status: number };
type Page = { name: string; path: string };

/** One autocannon per page, running until stopped, every answer kept with when it came. */
function startLoad(origin: string, pages: Page[], connections: number) {
  const runs = pages.map((page) => {
    const answers: Answer[] = [];
    const errors: number[] = [];
    const instance = autocannon({ url: origin + page.path, connections, duration: 900, timeout: 10, headers: { "accept-encoding": "gzip" } });
    instance.on("response", (_client, status, _bytes, latency) => answers.push({ end: performance.now(), latency, status }));
    instance.on("reqError", () => errors.push(performance.now()));
    return { page, answers, errors, instance };
  });
  return {
    runs,
    async stop() {
      for (const run of runs) run.instance.stop();
      await Promise.all(runs.map((run) => run.instance));
    },
  };
}

export type WindowFigures = { requests: number; requestsPerSecond: number; p50Ms: number; p99Ms: number; maxMs: number; non2xx: number; errors: number };

/** The answers of requests that were under way at some moment in [from, to]. */
function window(answers: Answer[], errors: number[], from: number, to: number): WindowFigures {
  const inside = answers.filter((a) => a.end >= from && a.end - a.latency <= to);
  const latencies = inside.map((a) => a.latency).sort((a, b) => a - b);
  return {
    requests: inside.length,
    requestsPerSecond: inside.length / Math.max(0.001, (to - from) / 1000),
    p50Ms: percentile(latencies, 50),
    p99Ms: percentile(latencies, 99),
    maxMs: latencies.at(-1) ?? NaN,
    non2xx: inside.filter((a) => a.status < 200 || a.status > 299).length,
    errors: errors.filter((at) => at >= from && at <= to).length,
  };
}

export type Target = { kind: "session page" | "session API" | "day timetable"; path: string; shows: (body: string) => boolean };

/** What a page or answer must show for each moved session to count as seen. */
export function targetsFor(conference: string, moves: (Move & { slug: string })[], side: "before" | "after"): Target[] {
  const attribute = (html: string, re: RegExp) => re.exec(html)?.[1];
  const targets: Target[] = [];
  for (const move of moves) {
    const want = move[side];
    targets.push({
      kind: "session page",
      path: `/${conference}/sessions/${move.slug}`,
      // The "When" and "Where" of the session itself, not of the cards beside it.
      shows: (html) =>
        attribute(html, /<dt[^>]*>When<\/dt>[\s\S]*?<time[^>]*?datetime="([^"]+)"/i) === want.startsAt &&
        attribute(html, /<dt[^>]*>Where<\/dt>\s*<dd[^>]*>([^<]*)<\/dd>/i) === want.room,
    });
    targets.push({
      kind: "session API",
      path: `/api/conferences/${conference}/sessions/${move.slug}`,
      shows: (body) => {
        const json = JSON.parse(body) as { startsAt?: string; room?: { name: string } | null };
        return new Date(json.startsAt ?? 0).toISOString() === want.startsAt && json.room?.name === want.room;
      },
    });
  }
  for (const day of [...new Set(moves.map((m) => m.day))]) {
    const onDay = moves.filter((m) => m.day === day);
    targets.push({
      kind: "day timetable",
      // The day's first timetable page (a day of 30 rooms comes in pages, as the list does).
      path: `/${conference}/schedule?day=${day}&view=grid`,
      // Each moved session's cell on it: its time, and its room in the cell's screen-reader text (", Hall 2: ").
      // A move may take a cell to another page, so only the cells on this one count; there must be some.
      shows: (html) => {
        const cells = html.split("<li");
        const present = onDay.flatMap((move) => {
          const cell = cells.find((c) => c.includes(`data-slug="${move.slug}"`))?.replaceAll("<!-- -->", "");
          return cell === undefined ? [] : [attribute(cell, /<time[^>]*?datetime="([^"]+)"/i) === move[side].startsAt && cell.includes(`>, ${move[side].room}: `)];
        });
        return present.length > 0 && present.every(Boolean);
      },
    });
  }
  return targets;
}

async function showing(origin: string, target: Target): Promise<boolean> {
  try {
    const response = await fetch(origin + target.path, { headers: { "accept-encoding": "gzip" } });
    const body = await response.text();
    return response.ok && target.shows(body);
  } catch {
    return false;
  }
}

/** How many of the targets show their side now (a check that the detectors can tell old from new). */
export async function countShowing(origin: string, targets: Target[]): Promise<number> {
  let count = 0;
  for (let i = 0; i < targets.length; i += 8) {
    count += (await Promise.all(targets.slice(i, i + 8).map((t) => showing(origin, t)))).filter(Boolean).length;
  }
  return count;
}

export type Freshness = { targets: number; seen: number; firstMs: number | null; maxMs: number | null; p50Ms: number | null; byKind: Record<string, { count: number; seen: number; maxMs: number | null }> };

/**
 * Every target watched at once, as by a reader reloading it: asked again 250 ms after
 * each answer that still shows the old program, and timed from `since` to the answer
 * that shows the new one. Gives up after `limitMs`.
 */
export async function pollUntilSeen(origin: string, targets: Target[], since: number, limitMs = 30_000): Promise<Freshness> {
  const seenAfter = new Map<Target, number>();
  await Promise.all(targets.map(async (t) => {
    while (performance.now() - since < limitMs) {
      if (await showing(origin, t)) return void seenAfter.set(t, performance.now() - since);
      await sleep(250);
    }
  }));
  const times = [...seenAfter.values()].sort((a, b) => a - b);
  const byKind: Freshness["byKind"] = {};
  for (const t of targets) {
    const row = (byKind[t.kind] ??= { count: 0, seen: 0, maxMs: null });
    row.count += 1;
    const at = seenAfter.get(t);
    if (at === undefined) continue;
    row.seen += 1;
    row.maxMs = Math.max(row.maxMs ?? 0, at);
  }
  return {
    targets: targets.length,
    seen: times.length,
    // The first page seen fresh says how soon the caches let go; the rest is rendering them all again.
    firstMs: times[0] ?? null,
    maxMs: times.length === targets.length ? (times.at(-1) ?? null) : null,
    p50Ms: times.length ? percentile(times, 50) : null,
    byKind,
  };
}

type ChangeSetAnswer = { added: string[]; changed: { slug: string }[]; cancelled: string[]; restored: string[] };

async function putProgram(origin: string, conference: string, token: string, body: string) {
  const started = performance.now();
  const response = await fetch(`${origin}/api/conferences/${conference}/program`, {
    method: "PUT",
    headers: { authorization: `Bearer ${token}`, "content-type": "application/json", "content-disposition": 'attachment; filename="bench-live.json"' },
    body,
  });
  const text = await response.text();
  const answered = performance.now();
  if (response.status !== 200) throw new Error(`PUT /api/conferences/${conference}/program: ${response.status} ${text.slice(0, 300)}`);
  const changeSet = JSON.parse(text) as ChangeSetAnswer;
  return { started, answered, ms: answered - started, added: changeSet.added.length, changed: changeSet.changed.length, cancelled: changeSet.cancelled.length };
}

/** `npm run import -- <file> --conference-slug <slug>`, as an organiser runs it beside the server: asynchronous, so the load goes on. */
export function runImportCli(file: string, conference: string, databaseUrl: string) {
  return new Promise<{ started: number; ended: number; ms: number; exitCode: number | null; summary: string; stderr: string }>((resolve, reject) => {
    const started = performance.now();
    const child = spawn("npm", ["run", "--silent", "import", "--", file, "--conference-slug", conference], {
      cwd: root,
      env: { ...process.env, DATABASE_URL: databaseUrl, NODE_OPTIONS: "" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
    child.once("error", reject);
    child.once("close", (exitCode) => {
      const ended = performance.now();
      resolve({ started, ended, ms: ended - started, exitCode, summary: stdout.split("\n")[0] ?? "", stderr: stderr.trim().split("\n").slice(0, 3).join(" | ") });
    });
  });
}

export type LiveFigures = Awaited<ReturnType<typeof measureLiveImport>>;

export async function measureLiveImport(
  server: { origin: string; cpuMs: () => number },
  options: { databaseUrl: string; seconds: number; pages: Page[]; connectionsPerPage: number; log: (message: string) => void },
) {
  const { origin } = server;
  const { db } = await import("../lib/db/client");
  const { setOrganiser } = await import("../lib/organisers/organisers");
  const { createApiToken } = await import("../lib/organisers/api-tokens");

  // An organiser with an API token, made as `npm run db -- organiser add` and /manage make them.
  const email = `organiser-${Date.now()}@bench.invalid`;
  await signUpOverHttp(origin, { name: "Bench Organiser", email, password: testPassword });
  const organiser = await setOrganiser(db, email, true);
  if (!organiser.ok) throw new Error(organiser.error);
  const created = await createApiToken(organiser.organiser, "bench");
  if (!created) throw new Error("createApiToken refused the new organiser");
  const token = created.token;

  // The files, made before the load starts (generating them is CPU the load would feel).
  const original = generateFrabFixture({ events: 1000, speakers: 400, rooms: 30, seed: 2017 });
  const moved = moveSessions(original);
  const dataDir = path.join(root, "bench", "data");
  const originalFile = path.join(dataDir, "live-program.json");
  writeFileSync(originalFile, original);
  const stamp = Date.now().toString(36);
  const conference = `live-${stamp}`;
  const cliConference = `live-${stamp}-cli`;

  for (const page of options.pages) for (let i = 0; i < 20; i++) await (await fetch(origin + page.path, { headers: { "accept-encoding": "gzip" } })).arrayBuffer();
  options.log(`Live program: load on ${options.pages.length} pages (${options.connectionsPerPage} connections each); quiet for ${options.seconds} s …`);
  const load = startLoad(origin, options.pages, options.connectionsPerPage);
  const loadStarted = performance.now();
  const windows: { name: string; from: number; to: number; importing: boolean; serverCpuMs?: number }[] = [];
  try {
    await sleep(1000);
    const quietFrom = performance.now();
    await sleep(options.seconds * 1000);
    windows.push({ name: "quiet (no import)", from: quietFrom, to: performance.now(), importing: false });

    options.log(`Live program: PUT ${conference} (1,000 events, ${(original.length / 1024).toFixed(0)} KB) under load …`);
    let cpu = server.cpuMs();
    const first = await putProgram(origin, conference, token, original);
    windows.push({ name: "HTTP import, new conference", from: first.started, to: first.answered, importing: true, serverCpuMs: server.cpuMs() - cpu });

    const slugs = new Map((await db.session.findMany({ where: { conference: { slug: conference } }, select: { guid: true, slug: true } })).map((s) => [s.guid, s.slug]));
    const moves = moved.moves.map((m) => ({ ...m, slug: slugs.get(m.guid)! }));
    // Every page about a moved session, read once so the caches hold the old program; each must show it.
    const before = targetsFor(conference, moves, "before");
    const beforeShowing = await countShowing(origin, before);
    await countShowing(origin, before);
    await sleep(2000);

    options.log("Live program: PUT again with 50 sessions moved, then polling their pages …");
    cpu = server.cpuMs();
    const again = await putProgram(origin, conference, token, moved.text);
    const againCpu = server.cpuMs() - cpu;
    const after = targetsFor(conference, moves, "after");
    cpu = server.cpuMs();
    const seen = await pollUntilSeen(origin, after, again.answered);
    windows.push({ name: "HTTP re-import, 50 moved", from: again.started, to: again.answered, importing: true, serverCpuMs: againCpu });
    windows.push({ name: "polling until every page shows the move", from: again.answered, to: again.answered + (seen.maxMs ?? 30_000), importing: false, serverCpuMs: server.cpuMs() - cpu });
    await sleep(2000);

    // What starting Node, tsx and the CLI's modules costs under this load, without importing anything.
    const cliStartup = await runImportCli("--help", cliConference, options.databaseUrl);
    options.log(`Live program: npm run import -- live-program.json --conference-slug ${cliConference} under load …`);
    const cliNew = await runImportCli(originalFile, cliConference, options.databaseUrl);
    windows.push({ name: "CLI import, new conference", from: cliNew.started, to: cliNew.ended, importing: true });
    await sleep(2000);

    options.log(`Live program: npm run import -- live-program.json --conference-slug ${conference} (the 50 moved back), then polling …`);
    const cliBack = await runImportCli(originalFile, conference, options.databaseUrl);
    // The CLI is another process: the server learns of it from the database's revision alone.
    const seenBack = await pollUntilSeen(origin, before, cliBack.ended);
    windows.push({ name: "CLI import, 50 moved back", from: cliBack.started, to: cliBack.ended, importing: true });
    await sleep(1000);
    const quietAfterFrom = performance.now();
    await sleep(Math.min(5, options.seconds) * 1000);
    windows.push({ name: "quiet again, after the imports", from: quietAfterFrom, to: performance.now(), importing: false });

    const loadEnded = performance.now();
    await load.stop();
    const pagesFigures = windows.map((w) => {
      const byPage = load.runs.map((run) => ({ name: run.page.name, path: run.page.path, ...window(run.answers, run.errors, w.from, w.to) }));
      const all = window(load.runs.flatMap((run) => run.answers), load.runs.flatMap((run) => run.errors), w.from, w.to);
      return { name: w.name, importing: w.importing, seconds: (w.to - w.from) / 1000, serverCpuMs: w.serverCpuMs ?? null, all, byPage };
    });
    return {
      conference,
      cliConference,
      bytes: Buffer.byteLength(original),
      loadSeconds: (loadEnded - loadStarted) / 1000,
      connectionsPerPage: options.connectionsPerPage,
      pages: options.pages,
      windows: pagesFigures,
      httpImport: { ms: first.ms, added: first.added, changed: first.changed, cancelled: first.cancelled },
      httpReimport: { ms: again.ms, added: again.added, changed: again.changed, cancelled: again.cancelled, moved: moves.length, beforeTargets: before.length, beforeShowing, seen },
      cliStartup: { ms: cliStartup.ms, exitCode: cliStartup.exitCode },
      cliImport: { ms: cliNew.ms, exitCode: cliNew.exitCode, summary: cliNew.summary, stderr: cliNew.stderr },
      cliMoveBack: { ms: cliBack.ms, exitCode: cliBack.exitCode, summary: cliBack.summary, stderr: cliBack.stderr, seen: seenBack },
    };
  } finally {
    await load.stop();
    await db.$disconnect();
  }
}
