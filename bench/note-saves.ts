/**
 * Concurrent signed-in note saves against the production server: each of N
 * users keeps rewriting their own notes on a few sessions through the notes
 * API for a fixed time; then every acknowledged save is checked against the
 * database. A save that failed (5xx, a busy or locked database) or an
 * acknowledged one the database does not hold is counted, never hidden.
 */
import { signUpOverHttp, testPassword } from "../lib/test/sign-up";
import autocannon from "autocannon";
import Database from "better-sqlite3";
import { isPostgresUrl } from "../lib/db/postgres-url";
import { readNotesPostgres } from "./postgres";
import { Agent, globalAgent } from "node:http";
import { send } from "./open-loop";

type Result = {
  /** Server CPU per save, sign-ups left out; null when not asked for. */
  serverCpuMsPerSave: number | null;
  users: number;
  seconds: number;
  saves: number;
  savesPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  failed: number;
  failures: string[];
  lost: number;
  checked: number;
};

/** The demo conference's sessions every bench saver writes notes on. */
export const noteConference = "dockercon-eu-2017";
export const noteSessions = ["linuxkit-deep-dive", "general-session-day-1", "looking-under-the-hood-containerd", "my-journey-to-go", "taking-docker-to-production-what-you-need-to-know-and-decide"];

/**
 * A bench user: their cookie, the version of each note they last saved, and what the server acknowledged;
 * `cutOff`, a save still unanswered when the run stopped, which the database may or may not hold.
 */
export type Saver = { email: string; cookie: string; versions: Map<string, number>; acknowledged: Map<string, string>; cutOff?: { slug: string; body: string } };

/**
 * Signs `users` savers up. Their clients open their own connections: autocannon at its start, the
 * open loop before its clock starts (bench/signed-in.ts).
 */
export async function signUpSavers(origin: string, name: string, users: number): Promise<Saver[]> {
  const savers: Saver[] = [];
  for (let i = 0; i < users; i++) {
    const email = `${name.toLowerCase()}-${Date.now()}-${i}@bench.invalid`;
    const cookie = await signUpOverHttp(origin, { name: `${name} ${i}`, email, password: testPassword });
    savers.push({ email, cookie, versions: new Map(), acknowledged: new Map() });
  }
  return savers;
}

/**
 * One save through the notes API with the version the saver last saw, on `agent`'s keep-alive
 * connections (the open loop's client, bench/open-loop.ts); null when it was stored, else why not.
 */
export async function putNote(origin: string, saver: Saver, slug: string, body: string, visibility: "public" | "private", agent: Agent = globalAgent): Promise<string | null> {
  try {
    const answer = await send(agent, new URL(notePath(slug), origin), {
      method: "PUT",
      headers: { "content-type": "application/json", origin, cookie: saver.cookie, "if-match": `"${saver.versions.get(slug) ?? 0}"` },
      body: JSON.stringify({ body, visibility }),
      readBody: true,
    });
    if (answer.status !== 200) return `${answer.status} ${answer.body.slice(0, 160)}`;
    saver.versions.set(slug, (JSON.parse(answer.body) as { version: number }).version);
    saver.acknowledged.set(slug, body);
    return null;
  } catch (error) {
    return String(error);
  }
}

/** The notes API's address of one demo session's note. */
export const notePath = (slug: string) => `/api/conferences/${noteConference}/sessions/${slug}/note`;

/**
 * Every acknowledged save must be what the database holds now (each saver is the only writer of
 * their notes). `database` is the SQLite file or the PostgreSQL URL the server writes to.
 */
export async function countLostSaves(database: string, savers: Saver[]): Promise<{ lost: number; checked: number }> {
  const wanted = savers.flatMap((saver) => [...saver.acknowledged].map(([slug, body]) => ({ saver, slug, body })));
  const keys = wanted.map((w) => ({ email: w.saver.email, slug: w.slug, conference: noteConference }));
  const rows = isPostgresUrl(database) ? await readNotesPostgres(database, keys) : readNotesSqlite(database, keys);
  const lost = wanted.filter((w, i) => {
    const row = rows[i];
    const version = w.saver.versions.get(w.slug);
    if (row && row.body === w.body && row.version === version) return false;
    // The save cut off by the end of the run, stored after the last one acknowledged: not lost.
    const cutOff = w.saver.cutOff;
    return !(row && cutOff?.slug === w.slug && row.body === cutOff.body && row.version === (version ?? 0) + 1);
  }).length;
  return { lost, checked: wanted.length };
}

function readNotesSqlite(databaseFile: string, wanted: { email: string; slug: string; conference: string }[]) {
  const sqlite = new Database(databaseFile, { readonly: true });
  try {
    const read = sqlite.prepare(
      `SELECT n.body, n.version FROM "Note" n JOIN "User" u ON u.id = n."userId" JOIN "Session" s ON s.id = n."sessionId"
       JOIN "Conference" c ON c.id = s."conferenceId" WHERE u.email = ? AND s.slug = ? AND c.slug = ?`,
    );
    return wanted.map((w) => read.get(w.email, w.slug, w.conference) as { body: string; version: number } | undefined);
  } finally {
    sqlite.close();
  }
}

/** The note saver `n` writes next, and the text of it: a few sessions in turn, bodies of varying length, a quarter public. */
export function nextNote(label: string, n: number) {
  const slug = noteSessions[n % noteSessions.length]!;
  return { slug, body: `Note ${n} by ${label} on ${slug}: ${"words ".repeat(20 + (n % 30))}`, visibility: n % 4 === 0 ? ("public" as const) : ("private" as const) };
}

/**
 * The closed loop: `users` writers, one keep-alive connection each, each sending its next save
 * as soon as the last is answered, with the version that answer gave. It runs on autocannon,
 * the load generator the signed-in floor it is compared with runs on: a save costs autocannon
 * about a tenth of what it costs `fetch`, whose share of two shared cores would otherwise be
 * counted against the server (docs/decisions/0017-signed-in-speed.md).
 *
 * `cpuMs`, the server's CPU time so far: per save, counted from after the sign-ups (each a password
 * hash) to the last answer. `savingStarts` is called once the savers are signed up, so that a caller
 * measuring other processes can leave the sign-ups out of its figures too.
 */
export async function measureNoteSaves(
  origin: string,
  database: string,
  users = 50,
  seconds = 30,
  options: { cpuMs?: () => number; savingStarts?: () => void } = {},
): Promise<Result> {
  const { cpuMs } = options;
  const savers = await signUpSavers(origin, "Saver", users);
  options.savingStarts?.();
  const cpuBefore = cpuMs?.();
  const failures: string[] = [];
  let failed = 0;
  let saved = 0;
  let writers = 0;

  const run = autocannon({
    url: origin,
    connections: users,
    duration: seconds,
    timeout: 10,
    // Each connection is one writer: its own account, its own count, the save it has in flight.
    setupClient: (client) => {
      const u = writers++;
      const saver = savers[u % savers.length]!;
      let n = 0;
      let inFlight = nextNote(`saver ${u}`, n);
      client.setRequests([
        {
          method: "PUT",
          setupRequest: (request) => {
            inFlight = nextNote(`saver ${u}`, n++);
            saver.cutOff = inFlight;
            return {
              ...request,
              path: notePath(inFlight.slug),
              headers: { "content-type": "application/json", origin, cookie: saver.cookie, "if-match": `"${saver.versions.get(inFlight.slug) ?? 0}"` },
              body: JSON.stringify({ body: inFlight.body, visibility: inFlight.visibility }),
            };
          },
          onResponse: (status, body) => {
            saver.cutOff = undefined;
            if (status !== 200) {
              failed += 1;
              if (failures.length < 5) failures.push(`${status} ${body.slice(0, 160)}`);
              return;
            }
            saved += 1;
            saver.versions.set(inFlight.slug, (JSON.parse(body) as { version: number }).version);
            saver.acknowledged.set(inFlight.slug, inFlight.body);
          },
        },
      ]);
    },
  });
  const result = await run;
  // A save that timed out or lost its connection was never answered: failed, whatever the database holds.
  failed += result.errors + result.timeouts;
  if (result.errors + result.timeouts > 0 && failures.length < 5) failures.push(`${result.errors} errors, ${result.timeouts} timeouts`);

  const total = saved + failed;
  const serverCpuMsPerSave = cpuBefore === undefined ? null : (cpuMs!() - cpuBefore) / Math.max(1, total);
  const { lost, checked } = await countLostSaves(database, savers);
  return {
    serverCpuMsPerSave,
    users,
    seconds,
    saves: saved,
    savesPerSecond: saved / seconds,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    failed,
    failures,
    lost,
    checked,
  };
}

