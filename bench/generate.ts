/**
 * Builds the benchmark database, on SQLite or PostgreSQL (whichever the URL names): the demo
 * conference plus a large synthetic one, identical on every run and on both engines (seeded
 * PRNG). The program goes through `loadProgram` like any import; users and notes are
 * bulk-inserted (better-sqlite3, or multi-row INSERTs through pg, bench/postgres.ts) because
 * fifty thousand Prisma round trips would dominate the run, and the search triggers index
 * them either way.
 *
 * lib/db/client.ts reads DATABASE_URL when first imported: set it before importing this module.
 */
import Database from "better-sqlite3";
import { spawnSync } from "node:child_process";
import { mkdirSync, rmSync } from "node:fs";
import path from "node:path";
import { db } from "../lib/db/client";
import { isPostgresUrl } from "../lib/db/postgres-url";
import { sqliteFilePath } from "../lib/db/url";
import { loadProgram } from "../lib/program/load-program";
import { searchEngine } from "../lib/search/engine";
import type { ProgramInput } from "../lib/program/program-schema";
import { seedDemo } from "../prisma/seed";
import { pick, seededRandom, type Random } from "../lib/test/random";
import { insertUsersAndNotesPostgres, recreatePostgresDatabase, type BenchNote, type BenchUser } from "./postgres";
import * as words from "./words";

export const bigConference = {
  slug: "benchconf-2026",
  days: ["2026-06-08", "2026-06-09", "2026-06-10", "2026-06-11", "2026-06-12"],
  roomCount: 40,
  sessionsPerRoomPerDay: 50,
  speakerCount: 3_000,
  userCount: 5_000,
  notesPerUser: 10,
};

export function slugify(text: string): string {
  return text.normalize("NFKD").replace(/\p{M}/gu, "").toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "").slice(0, 100);
}

function fill(random: Random, template: string): string {
  return template
    .replaceAll("{tech2}", pick(random, words.techs))
    .replaceAll("{tech}", pick(random, words.techs))
    .replaceAll("{noun}", pick(random, words.nouns))
    .replaceAll("{verbing}", pick(random, words.verbs).toLowerCase())
    .replaceAll("{context}", pick(random, words.contexts))
    .replaceAll("{company}", pick(random, words.companies))
    .replaceAll("{n}", String(10 + Math.floor(random() * 490)));
}

const titleTemplates = [
  "{Verb} {tech} {noun} {context}",
  "What we learned {verbing} {noun} at {company}",
  "{tech} {noun}: lessons from {company}",
  "A practical guide to {tech} {noun}",
  "From {tech} to {tech2}: a migration story",
  "{tech} internals: how {noun} really work",
];

function title(random: Random): string {
  return fill(random, pick(random, titleTemplates).replace("{Verb}", pick(random, words.verbs)));
}

/** 40 to 80 words of whole sentences, cut at 80. */
function abstract(random: Random): string {
  const target = 40 + Math.floor(random() * 41);
  const out: string[] = [];
  while (out.length < target) out.push(...fill(random, pick(random, words.abstractSentences)).split(" "));
  const text = out.slice(0, 80).join(" ");
  return text.endsWith(".") ? text : `${text}.`;
}

function minutesToTime(minutes: number) {
  return `${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`;
}

function syntheticProgram(random: Random): ProgramInput {
  const c = bigConference;
  const speakerNames = words.firstNames.flatMap((first) => words.lastNames.map((last) => `${first} ${last}`));
  const speakers = Array.from({ length: c.speakerCount }, (_, i) => {
    // A stride through the name grid gives distinct, well-mixed names without a shuffle.
    const name = speakerNames[(i * 7919) % speakerNames.length]!;
    return { slug: `${slugify(name)}-${i}`, name, affiliation: pick(random, words.companies), bio: fill(random, "Works on {tech} {noun} at {company}.") };
  });
  const rooms = Array.from({ length: c.roomCount }, (_, i) => ({ slug: `room-${101 + i}`, name: `Room ${101 + i}` }));
  const usedSlugs = new Map<string, number>();
  const sessions: ProgramInput["sessions"] = [];
  for (const day of c.days) {
    for (const room of rooms) {
      let cursor = 8 * 60;
      for (let i = 0; i < c.sessionsPerRoomPerDay; i++) {
        const roll = random();
        const kind = room.slug === "room-101" && i === 0 ? "keynote" : roll < 0.3 ? "lightning" : roll < 0.85 ? "talk" : roll < 0.93 ? "panel" : "workshop";
        const minutes = { keynote: 30, lightning: 10, talk: 15, panel: 20, workshop: 30 }[kind];
        const end = Math.min(cursor + minutes, 23 * 60 + 59);
        const sessionTitle = title(random);
        const base = slugify(sessionTitle);
        const seen = (usedSlugs.get(base) ?? 0) + 1;
        usedSlugs.set(base, seen);
        const speakerCount = kind === "panel" ? 3 + Math.floor(random() * 2) : random() < 0.75 ? 1 : 2;
        const chosen = new Set<string>();
        while (chosen.size < speakerCount) chosen.add(pick(random, speakers).slug);
        sessions.push({
          guid: `bench-${day}-${room.slug}-${i}`,
          slug: seen === 1 ? base : `${base}-${seen}`,
          title: sessionTitle,
          kind,
          abstract: abstract(random),
          day,
          start: `${day}T${minutesToTime(cursor)}`,
          end: `${day}T${minutesToTime(end)}`,
          track: pick(random, words.tracks)[0],
          room: room.slug,
          speakers: [...chosen],
        });
        cursor = end;
      }
    }
  }
  return {
    conference: {
      slug: c.slug, name: "BenchConf 2026", tagline: "A synthetic conference for the benchmark.", venue: "Messe", city: "Berlin",
      timeZone: "Europe/Berlin", startDate: c.days[0]!, endDate: c.days.at(-1)!,
    },
    days: c.days.map((date, i) => ({ date, label: `Day ${i + 1}` })),
    tracks: words.tracks.map(([slug, name, color]) => ({ slug, name, color })),
    rooms,
    speakers,
    sessions,
  };
}

/** The bench's users, each with public notes on `notesPerUser` distinct sessions of the big conference. */
function usersAndNotes(sessionIds: number[], random: Random): { users: BenchUser[]; notes: BenchNote[] } {
  const users: BenchUser[] = [];
  const notes: BenchNote[] = [];
  const start = Date.parse(`${bigConference.days[0]}T06:00:00Z`);
  for (let u = 0; u < bigConference.userCount; u++) {
    const id = `bench-user-${u}`;
    users.push({ id, name: `${pick(random, words.firstNames)} ${pick(random, words.lastNames)}`, email: `${id}@example.com`, at: new Date(start + u * 1000) });
    const sessions = new Set<number>();
    while (sessions.size < bigConference.notesPerUser) sessions.add(pick(random, sessionIds));
    for (const sessionId of sessions) {
      const sentences = Array.from({ length: 1 + Math.floor(random() * 3) }, () => fill(random, pick(random, words.noteSentences)));
      notes.push({ userId: id, sessionId, body: sentences.join(" "), at: new Date(start + Math.floor(random() * 5 * 86_400_000)) });
    }
  }
  return { users, notes };
}

/** Prisma's SQLite adapter stores DateTime as ISO 8601 text with an explicit offset; match it. */
const asStored = (date: Date) => date.toISOString().replace("Z", "+00:00");

function insertUsersAndNotesSqlite(file: string, users: BenchUser[], notes: BenchNote[]) {
  const sqlite = new Database(file);
  try {
    const insertUser = sqlite.prepare(`INSERT INTO "User" ("id", "name", "email", "emailVerified", "createdAt", "updatedAt") VALUES (?, ?, ?, 1, ?, ?)`);
    const insertNote = sqlite.prepare(
      `INSERT INTO "Note" ("userId", "sessionId", "body", "visibility", "version", "createdAt", "updatedAt") VALUES (?, ?, ?, 'public', 1, ?, ?)`,
    );
    sqlite.transaction(() => {
      for (const user of users) insertUser.run(user.id, user.name, user.email, asStored(user.at), asStored(user.at));
      for (const note of notes) insertNote.run(note.userId, note.sessionId, note.body, asStored(note.at), asStored(note.at));
    })();
    // Leave a compact file for the server: no WAL to replay on its first read.
    sqlite.pragma("wal_checkpoint(TRUNCATE)");
  } finally {
    sqlite.close();
  }
}

async function insertUsersAndNotes(url: string, conferenceSlug: string, random: Random) {
  const sessionIds = (await db.session.findMany({ where: { conference: { slug: conferenceSlug } }, orderBy: { id: "asc" }, select: { id: true } })).map((s) => s.id);
  const { users, notes } = usersAndNotes(sessionIds, random);
  if (isPostgresUrl(url)) await insertUsersAndNotesPostgres(url, users, notes);
  else insertUsersAndNotesSqlite(sqliteFilePath(url), users, notes);
}

/** Deletes and rebuilds the database at `url` (which must be DATABASE_URL); returns row counts and stage times. */
export async function generateBenchDatabase(url: string) {
  if (process.env.DATABASE_URL !== url) throw new Error("Set DATABASE_URL to the benchmark database before importing bench/generate.ts");
  if (isPostgresUrl(url)) {
    await recreatePostgresDatabase(url);
  } else {
    const file = sqliteFilePath(url);
    mkdirSync(path.dirname(file), { recursive: true });
    for (const suffix of ["", "-wal", "-shm", "-journal"]) rmSync(file + suffix, { force: true });
  }
  const seconds: Record<string, number> = {};
  const cpuSeconds: Record<string, number> = {};
  const stage = async (name: string, work: () => unknown) => {
    const [started, cpu] = [performance.now(), process.cpuUsage()];
    await work();
    seconds[name] = (performance.now() - started) / 1000;
    const used = process.cpuUsage(cpu);
    cpuSeconds[name] = (used.user + used.system) / 1e6;
  };
  await stage("migrate", () => migrateBenchDatabase(url));
  await stage("demo", () => seedDemo({ db }));
  const random = seededRandom(2026);
  await stage("program", () => loadProgram(db, syntheticProgram(random)));
  await stage("notes", () => insertUsersAndNotes(url, bigConference.slug, random));
  // What `npm start` does at every start (scripts/db.ts setup) after notes have been written.
  await stage("optimize", () => searchEngine().optimizeIndex(db));
  const count = async (table: string) =>
    Number((await db.$queryRawUnsafe<{ n: bigint | number }[]>(`SELECT count(*) AS n FROM "${table}"`))[0]!.n);
  const counts = {
    conferences: await count("Conference"), days: await count("Day"), rooms: await count("Room"), tracks: await count("Track"),
    sessions: await count("Session"), speakers: await count("Speaker"), users: await count("User"), notes: await count("Note"),
  };
  return { counts, seconds, cpuSeconds };
}

/** Applies the pending migrations in a process of its own (bench/migrate.ts says why), as the server does at start. */
export function migrateBenchDatabase(url: string) {
  const migrate = spawnSync(
    process.execPath,
    ["--experimental-wasm-modules", "--no-warnings=ExperimentalWarning", "--import", "tsx", path.join(import.meta.dirname, "migrate.ts"), url],
    { stdio: "inherit" },
  );
  if (migrate.status !== 0) throw new Error(`bench/migrate.ts failed with exit code ${migrate.status}`);
}
