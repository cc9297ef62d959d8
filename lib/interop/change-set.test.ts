import assert from "node:assert/strict";
import { before, describe, it } from "node:test";
import type { Program, ProgramInput } from "../program/program-schema";
import { programSchema } from "../program/program-schema";
import { setupTestDatabase } from "../test/database";
import { createTestUser } from "../test/users";
import { databaseSnapshot } from "../test/snapshot";

await setupTestDatabase();
const { db } = await import("../db/client");
const { countPeopleTouched, importProgram } = await import("./import-program");

const slug = "live-conf";

function liveProgram(): Program {
  const input: ProgramInput = {
    conference: { slug, name: "Live Conf", timeZone: "Europe/Copenhagen", startDate: "2026-10-13", endDate: "2026-10-14" },
    days: [{ date: "2026-10-13" }, { date: "2026-10-14" }],
    tracks: [{ slug: "ops", name: "Ops", color: "#112233" }, { slug: "dev", name: "Dev", color: "#445566" }],
    rooms: [{ slug: "room-b", name: "Room B" }, { slug: "auditorium-15", name: "Auditorium 15" }],
    speakers: [{ slug: "ada", name: "Ada Lovelace" }, { slug: "grace", name: "Grace Hopper" }],
    sessions: [
      { guid: "g-keynote", slug: "keynote", title: "Keynote", day: "2026-10-13", start: "2026-10-13T09:00", end: "2026-10-13T10:00", room: "auditorium-15", track: "ops", speakers: ["ada"] },
      { guid: "g-rust", slug: "rust-in-prod", title: "Rust in Production", day: "2026-10-13", start: "2026-10-13T11:00", end: "2026-10-13T11:45", room: "room-b", track: "dev", speakers: ["grace"] },
      { guid: "g-lunch", slug: "lunch-talk", title: "Lunch Talk", day: "2026-10-14", start: "2026-10-14T12:00", end: "2026-10-14T12:30", room: "room-b", track: null, speakers: [] },
    ],
  };
  return programSchema.parse(input);
}

const session = (s: string) => db.session.findFirstOrThrow({ where: { conference: { slug }, slug: s }, select: { id: true, status: true, startsAt: true, roomId: true } });
const revision = async () => (await db.conference.findUniqueOrThrow({ where: { slug }, select: { programRevision: true } })).programRevision;
const cli = { kind: "cli", name: "schedule.json" } as const;

before(async () => {
  const first = await importProgram(db, liveProgram(), { source: cli });
  assert.deepEqual(first.changeSet.added, ["keynote", "rust-in-prod", "lunch-talk"]);
  const firstImport = await db.programImport.findFirstOrThrow({ include: { changes: true } });
  assert.deepEqual([firstImport.added, firstImport.changes.length], [3, 0], "a new conference's sessions are not each news");
  const rust = await session("rust-in-prod");
  await createTestUser(db, { id: "u1" });
  await createTestUser(db, { id: "u2" });
  await db.note.create({ data: { userId: "u1", sessionId: rust.id, body: "Ask about unsafe." } });
  await db.star.createMany({ data: [{ userId: "u1", sessionId: rust.id }, { userId: "u2", sessionId: rust.id }] });
});

describe("an import's change set", () => {
  it("is empty, records nothing and keeps the revision when nothing changed", async () => {
    const before = await databaseSnapshot(db);
    const [imports, rev] = [await db.programImport.count(), await revision()];
    const again = await importProgram(db, liveProgram(), { source: cli });
    assert.deepEqual(again.changeSet, { added: [], changed: [], cancelled: [], restored: [] });
    assert.equal(again.applied, false);
    assert.deepEqual([await db.programImport.count(), await revision()], [imports, rev]);
    assert.deepEqual(await databaseSnapshot(db), before);
  });

  it("gives old and new values for a move, a rename, new speakers and another track, and records them", async () => {
    const program = liveProgram();
    const rust = program.sessions[1]!;
    Object.assign(rust, { start: "2026-10-13T14:00", end: "2026-10-13T14:45", room: "auditorium-15", title: "Rust at Scale", speakers: ["grace", "ada"], track: "ops" });
    const rev = await revision();
    const result = await importProgram(db, program, { source: { kind: "http", name: "upload" }, userId: "u1" });
    assert.deepEqual(result.changeSet, {
      added: [],
      changed: [
        {
          slug: "rust-in-prod",
          fields: {
            startsAt: ["2026-10-13T09:00:00.000Z", "2026-10-13T12:00:00.000Z"],
            endsAt: ["2026-10-13T09:45:00.000Z", "2026-10-13T12:45:00.000Z"],
            room: ["Room B", "Auditorium 15"],
            title: ["Rust in Production", "Rust at Scale"],
            speakers: [["Grace Hopper"], ["Grace Hopper", "Ada Lovelace"]],
            track: ["Dev", "Ops"],
          },
        },
      ],
      cancelled: [],
      restored: [],
    });
    assert.equal(result.applied, true);
    assert.equal(await revision(), rev + 1);
    const recorded = await db.programImport.findUniqueOrThrow({ where: { id: result.importId! }, include: { changes: true } });
    assert.deepEqual(
      [recorded.sourceKind, recorded.sourceName, recorded.userId, recorded.added, recorded.changed, recorded.cancelled, recorded.restored],
      ["http", "upload", "u1", 0, 1, 0, 0],
    );
    assert.equal(recorded.changes.length, 1);
    assert.equal(recorded.changes[0]!.kind, "changed");
    assert.deepEqual(JSON.parse(recorded.changes[0]!.fields), result.changeSet.changed[0]!.fields);
    assert.equal(recorded.changes[0]!.sessionId, (await session("rust-in-prod")).id, "the session keeps its slug and its row");
  });

  it("applies nothing in a dry run, and answers what applying would", async () => {
    const program = liveProgram();
    program.sessions[0]!.start = "2026-10-13T09:30";
    program.sessions = program.sessions.filter((s) => s.guid !== "g-lunch");
    program.sessions.push({ ...program.sessions[0]!, guid: "g-new", slug: "new-talk", title: "New Talk" });
    const before = await databaseSnapshot(db);
    const [imports, changes, rev] = [await db.programImport.count(), await db.sessionChange.count(), await revision()];
    const dry = await importProgram(db, program, { dryRun: true, source: cli });
    assert.deepEqual([dry.changeSet.added, dry.changeSet.changed.map((c) => c.slug), dry.changeSet.cancelled], [["new-talk"], ["keynote", "rust-in-prod"], ["lunch-talk"]]);
    assert.equal(dry.applied, false);
    assert.deepEqual(await databaseSnapshot(db), before);
    assert.deepEqual([await db.programImport.count(), await db.sessionChange.count(), await revision()], [imports, changes, rev]);

    const applied = await importProgram(db, program, { source: cli });
    assert.deepEqual(applied.changeSet, dry.changeSet, "the dry run said exactly what applying did");
    const kinds = await db.sessionChange.findMany({ where: { importId: applied.importId! }, select: { kind: true, session: { select: { slug: true } } }, orderBy: { id: "asc" } });
    assert.deepEqual(kinds.map((k) => `${k.kind} ${k.session.slug}`).sort(), ["added new-talk", "cancelled lunch-talk", "changed keynote", "changed rust-in-prod"]);
  });

  it("counts how many people's notes and stars each change touches", async () => {
    const conference = await db.conference.findUniqueOrThrow({ where: { slug } });
    assert.deepEqual(await countPeopleTouched(db, conference.id, ["rust-in-prod", "keynote", "no-such-session"]), { "rust-in-prod": 2, keynote: 0, "no-such-session": 0 });
  });

  it("cancels and restores a session, keeping its notes and stars through both", async () => {
    const rust = await session("rust-in-prod");
    const without = liveProgram();
    without.sessions = without.sessions.filter((s) => s.guid !== "g-rust");
    const cancelled = await importProgram(db, without, { source: cli });
    // The talk the dry-run test added left the program too.
    assert.deepEqual(cancelled.changeSet.cancelled, ["rust-in-prod", "new-talk"]);
    assert.equal((await session("rust-in-prod")).status, "cancelled");

    const restored = await importProgram(db, liveProgram(), { source: cli });
    assert.deepEqual(restored.changeSet.restored, ["rust-in-prod"]);
    assert.deepEqual(restored.changeSet.added, [], "a session that comes back is restored, not added again");
    const back = await session("rust-in-prod");
    assert.deepEqual([back.id, back.status], [rust.id, "scheduled"]);
    assert.deepEqual((await db.note.findMany({ where: { sessionId: rust.id } })).map((n) => n.body), ["Ask about unsafe."]);
    assert.equal(await db.star.count({ where: { sessionId: rust.id } }), 2);

    const kinds = await db.sessionChange.findMany({ where: { sessionId: rust.id }, orderBy: { id: "asc" }, select: { kind: true } });
    assert.deepEqual(kinds.map((k) => k.kind).slice(-2), ["cancelled", "restored"]);
  });

  it("creates nothing for a dry run of a new conference", async () => {
    const program = liveProgram();
    program.conference.slug = "brand-new-conf";
    const dry = await importProgram(db, program, { dryRun: true, source: cli });
    assert.equal(dry.conference.id, null);
    assert.equal(dry.changeSet.added.length, 3);
    assert.equal(await db.conference.count({ where: { slug: "brand-new-conf" } }), 0);
  });
});
