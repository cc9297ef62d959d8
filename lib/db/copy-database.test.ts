/**
 * The move from SQLite to PostgreSQL (`npm run db -- copy --to …`): a real, migrated SQLite file
 * with a bit of everything a Hallway holds, copied into a real PostgreSQL database, compared row
 * by row; then a Hallway on the copy signs its people in, finds their notes and carries on.
 */
import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import pg from "pg";
import type { PrismaClient } from "../generated/prisma/client";
import { requestsFromAnotherProcess } from "../test/auth-process";
import { probeCopiedHallway } from "../test/copied-hallway-probe";
import { postgresServer } from "../test/postgres";
import { tinyProgram } from "../test/programs";
import { withDatabase } from "./postgres-url";
import { applyMigrations } from "./schema-engine";

process.env.BETTER_AUTH_SECRET ??= "the key this install signs cookies with";
// The copy starts from SQLite, whichever engine the other tests run on.
const dir = mkdtempSync(path.join(tmpdir(), "hallway-copy-"));
const sourceUrl = `file:${path.join(dir, "source.db")}`;
await applyMigrations(sourceUrl);
process.env.DATABASE_URL = sourceUrl;

const server = await postgresServer();
const serverUrl = "url" in server ? server.url : "";
const skip = "skip" in server ? server.skip : false;

const { db } = await import("./client");
const { createPrismaClient } = await import("./engine");
const { Prisma } = await import("../generated/prisma/client");
const { copiedModels, copyDatabase } = await import("./copy-database");
const { auth } = await import("../auth/auth");
const { seedDemo } = await import("../../prisma/seed");
const { loadProgram } = await import("../program/load-program");
const { deleteNote, saveNote } = await import("../notes/notes");
const { setStar } = await import("../agenda/agenda");
const { renewCalendarToken } = await import("../calendar/calendar-token");
const { setOrganiser } = await import("../organisers/organisers");

const models = Object.keys(copiedModels) as (keyof typeof copiedModels)[];
const password = "the owner's long passphrase";
const privateWord = "zanzibarquokka";
const publicWord = "marzipanotter";

after(async () => {
  await db.$disconnect();
  rmSync(dir, { recursive: true, force: true });
});

const databases: string[] = [];
/** A new database on the test server, not migrated; dropped when the tests end. */
async function emptyDatabase(): Promise<string> {
  const name = `hallway_copy_${randomBytes(5).toString("hex")}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  databases.push(name);
  return withDatabase(serverUrl, name);
}
after(async () => {
  if (!databases.length) return;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  for (const name of databases) await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await admin.end();
});

async function query<Row>(url: string, sql: string): Promise<Row[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql)).rows as Row[];
  } finally {
    await client.end();
  }
}

type Delegate = { findMany(args: { orderBy: Record<string, "asc">[] }): Promise<unknown[]> };
/** Every row of every model, by primary key. */
async function everyRow(client: PrismaClient) {
  const rows: Record<string, unknown[]> = {};
  for (const model of models) {
    const delegate = (client as unknown as Record<string, Delegate>)[model[0]!.toLowerCase() + model.slice(1)]!;
    rows[model] = await delegate.findMany({ orderBy: copiedModels[model].map((field) => ({ [field]: "asc" as const })) });
  }
  return rows;
}

async function withClient<T>(url: string, work: (client: PrismaClient) => Promise<T>): Promise<T> {
  const client = createPrismaClient(url);
  try {
    return await work(client);
  } finally {
    await client.$disconnect();
  }
}

let owner: { id: string; email: string; cookie: string };
let other: { id: string };
let privateSession: { id: number; slug: string };
let publicSession: { id: number; slug: string };
let conferenceId: number;

/** A bit of everything: the demo, a second conference, accounts with passwords and sessions, notes, versions, stars, tokens. */
async function fillSource() {
  await seedDemo({ db, log: () => {} });
  await loadProgram(db, tinyProgram());
  const cafe = { conferenceId: (await db.conference.findUniqueOrThrow({ where: { slug: tinyProgram().conference.slug }, select: { id: true } })).id };
  const conference = await db.conference.findUniqueOrThrow({ where: { slug: "dockercon-eu-2017" }, select: { id: true } });
  conferenceId = conference.id;
  const sessions = await db.session.findMany({ where: { conferenceId }, select: { id: true, slug: true }, orderBy: { id: "asc" }, take: 3 });
  [privateSession, publicSession] = sessions as [typeof privateSession, typeof publicSession];
  const deletedOn = sessions[2]!;

  const signedUp = await auth.api.signUpEmail({ body: { name: "Owner", email: "owner@example.invalid", password }, returnHeaders: true });
  const cookie = signedUp.headers.getSetCookie().map((line) => line.split(";")[0]!).join("; ");
  owner = { id: signedUp.response.user.id, email: "owner@example.invalid", cookie };
  other = { id: (await auth.api.signUpEmail({ body: { name: "Other", email: "other@example.invalid", password } })).user.id };
  await db.user.update({ where: { id: owner.id }, data: { timeZone: "America/New_York" } });
  await setOrganiser(db, owner.email, true);

  const first = await saveNote(owner.id, privateSession.id, { body: `A private ${privateWord}.`, visibility: "private", baseVersion: null });
  assert.ok(first.ok);
  assert.ok((await saveNote(owner.id, privateSession.id, { body: `A private ${privateWord}, edited.`, visibility: "private", baseVersion: first.note.version })).ok);
  assert.ok((await saveNote(owner.id, publicSession.id, { body: `A public ${publicWord}.`, visibility: "public", baseVersion: null })).ok);
  assert.ok((await saveNote(owner.id, deletedOn.id, { body: "Soon gone.", visibility: "private", baseVersion: null })).ok);
  assert.ok((await deleteNote(owner.id, deletedOn.id)).ok);

  await setStar(owner.id, privateSession.id, true);
  await db.star.update({ where: { userId_sessionId: { userId: owner.id, sessionId: privateSession.id } }, data: { seenChangesAt: new Date("2026-11-30T10:00:00.123Z") } });
  await renewCalendarToken(owner.id, conferenceId);
  await db.apiToken.create({ data: { id: "api-token-1", userId: owner.id, name: "CI", tokenHash: "hash-of-the-token", lastUsedAt: new Date() } });
  await db.verification.create({ data: { id: "verification-1", identifier: owner.email, value: "a code", expiresAt: new Date(Date.now() + 3_600_000) } });
  await db.programImport.create({
    data: {
      conferenceId: cafe.conferenceId, sourceKind: "cli", sourceName: "cafe.json", userId: owner.id, changed: 1,
      changes: { create: [{ conferenceId: cafe.conferenceId, sessionId: (await db.session.findFirstOrThrow({ where: { conferenceId: cafe.conferenceId } })).id, kind: "changed", fields: JSON.stringify({ title: ["Old", "New"] }) }] },
    },
  });
  await db.programSource.create({ data: { conferenceId: cafe.conferenceId, url: "https://example.invalid/schedule.json", lastStatus: "unchanged", nextCheckAt: new Date() } });
  await db.signInFailure.create({ data: { key: "account:guessed@example.invalid" } });
  await db.rateLimit.create({ data: { id: "rate-1", key: "203.0.113.1|/sign-up/email", count: 2, lastRequest: BigInt(Date.now()) } });
}

describe("copying a Hallway to PostgreSQL", { skip }, () => {
  let target: string;
  let source: Record<string, unknown[]>;

  before(async () => {
    await fillSource();
    source = await everyRow(db);
    target = await emptyDatabase();
  });

  it("knows every model of the schema (Prisma's DMMF), so none is left behind", () => {
    assert.deepEqual([...models].sort(), Object.values(Prisma.ModelName).sort());
  });

  it("has a bit of every model to copy (the comparison below is not of empty tables)", () => {
    for (const model of models) assert.ok(source[model]!.length > 0, `${model} is empty in the source`);
  });

  it("migrates an empty database and copies every row of every model as it was, ids and all", async () => {
    const lines: string[] = [];
    const result = await copyDatabase({ from: sourceUrl, to: target, log: (line) => lines.push(line) });
    assert.ok(result.ok, result.ok ? "" : result.message);
    assert.ok(result.migrated.length > 0, "the target was migrated");
    assert.deepEqual(result.counts.map((c) => [c.model, c.rows]), models.map((m) => [m, source[m]!.length]));
    assert.ok(lines.some((line) => /^Session\s+\d+\s+[\d.]+ s$/.test(line)), "counts are printed per table");
    const copied = await withClient(target, everyRow);
    for (const model of models) assert.deepEqual(copied[model], source[model], `${model} differs`);
  });

  it("fills the search tables, one row per session and per note", async () => {
    const [counts] = await query<{ sessions: number; notes: number }>(
      target,
      `SELECT (SELECT count(*)::int FROM session_search) AS sessions, (SELECT count(*)::int FROM note_search) AS notes`,
    );
    assert.deepEqual(counts, { sessions: source.Session!.length, notes: source.Note!.length });
  });

  it("keeps people signed in and lets them sign in with their password, on a Hallway started on the copy", async () => {
    const statuses = await requestsFromAnotherProcess(
      [
        { path: "/sign-in/email", body: { email: owner.email, password }, address: "192.0.2.10" },
        { path: "/sign-in/email", body: { email: owner.email, password: "not the password" }, address: "192.0.2.10" },
        { path: "/list-sessions", cookie: owner.cookie, address: "192.0.2.10" },
        { path: "/list-sessions", address: "192.0.2.10" },
      ],
      { DATABASE_URL: target },
    );
    assert.deepEqual(statuses, [200, 401, 200, 401]);
  });

  it("finds sessions and public notes for everyone, a private note for its owner only, and gives a new note a fresh id", async () => {
    const answer = await probeCopiedHallway(target, {
      conferenceId,
      texts: [publicWord, privateWord, "LinuxKit"],
      ownNotesText: privateWord,
      viewers: [owner.id, other.id],
      newNote: { userId: other.id, sessionId: privateSession.id },
    });
    assert.deepEqual(answer.sessions[publicWord], [publicSession.slug]);
    assert.deepEqual(answer.sessions[privateWord], []);
    assert.ok(answer.sessions.LinuxKit!.includes("linuxkit-deep-dive"), `LinuxKit found ${answer.sessions.LinuxKit}`);
    assert.deepEqual(answer.ownNotes, { [owner.id]: [privateSession.slug], [other.id]: [] });
    const highest = Math.max(...(source.Note as { id: number }[]).map((note) => note.id));
    assert.ok(answer.newNoteId !== null && answer.newNoteId > highest, `new note ${answer.newNoteId}, copied up to ${highest}`);
  });

  it("refuses a target that holds data, changing nothing, and replaces it with --replace", async () => {
    const before = await withClient(target, everyRow);
    const refused = await copyDatabase({ from: sourceUrl, to: target });
    assert.equal(refused.ok, false);
    assert.ok(!refused.ok && refused.exitCode === 1 && /already holds data \(Conference 2, .*Note \d+/.test(refused.message), !refused.ok ? refused.message : "");
    assert.deepEqual(await withClient(target, everyRow), before);

    const replaced = await copyDatabase({ from: sourceUrl, to: target, replace: true });
    assert.ok(replaced.ok, replaced.ok ? "" : replaced.message);
    const copied = await withClient(target, everyRow);
    for (const model of models) assert.deepEqual(copied[model], source[model], `${model} differs after --replace`);
  });

  it("leaves the target as it was when the copy fails part way", async () => {
    const url = await emptyDatabase();
    await applyMigrations(url);
    await query(url, `CREATE FUNCTION refuse_change() RETURNS TRIGGER LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'no change records here'; END; $$`);
    await query(url, `CREATE TRIGGER refuse_change BEFORE INSERT ON "SessionChange" FOR EACH STATEMENT EXECUTE FUNCTION refuse_change()`);
    await assert.rejects(copyDatabase({ from: sourceUrl, to: url }), /no change records here/);
    const [left] = await query<{ conferences: number; notes: number; searched: number }>(
      url,
      `SELECT (SELECT count(*)::int FROM "Conference") AS conferences, (SELECT count(*)::int FROM "Note") AS notes, (SELECT count(*)::int FROM session_search) AS searched`,
    );
    assert.deepEqual(left, { conferences: 0, notes: 0, searched: 0 });
  });

  it("refuses, with exit codes, a target that is not PostgreSQL, a source behind this Hallway, and a target ahead of it", async () => {
    const notPostgres = await copyDatabase({ from: sourceUrl, to: `file:${path.join(dir, "other.db")}` });
    assert.ok(!notPostgres.ok && notPostgres.exitCode === 2, "a SQLite target is bad usage");
    const same = await copyDatabase({ from: target, to: target });
    assert.ok(!same.ok && same.exitCode === 2, "the same database is bad usage");

    const behindUrl = `file:${path.join(dir, "behind.db")}`;
    await applyMigrations(behindUrl);
    await withClient(behindUrl, (client) => client.$executeRawUnsafe(`DELETE FROM _prisma_migrations WHERE migration_name = (SELECT max(migration_name) FROM _prisma_migrations)`));
    const behind = await copyDatabase({ from: behindUrl, to: await emptyDatabase() });
    assert.ok(!behind.ok && behind.exitCode === 3 && /is behind this copy of Hallway/.test(behind.message), !behind.ok ? behind.message : "");

    const ahead = await emptyDatabase();
    await applyMigrations(ahead);
    await query(ahead, `INSERT INTO _prisma_migrations (id, checksum, migration_name, finished_at, applied_steps_count) VALUES ('x', 'x', '29991231000000_from_the_future', now(), 1)`);
    const refused = await copyDatabase({ from: sourceUrl, to: ahead });
    assert.ok(!refused.ok && refused.exitCode === 3 && /29991231000000_from_the_future/.test(refused.message), !refused.ok ? refused.message : "");

    const missing = await copyDatabase({ from: sourceUrl, to: withDatabase(serverUrl, "hallway_copy_no_such_database") });
    assert.ok(!missing.ok && missing.exitCode === 1 && /Cannot reach/.test(missing.message), !missing.ok ? missing.message : "");
  });
});
