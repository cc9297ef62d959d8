import assert from "node:assert/strict";
import { before, describe, it } from "node:test";
import { setTimeout as sleep } from "node:timers/promises";
import { setupTestDatabase } from "../test/database";
import { createTestUser } from "../test/users";
import { clashesMadeByMoves, slotBefore, unseenMoves, type RecordedChange } from "./moves";

await setupTestDatabase();
const { db } = await import("../db/client");
const { applyProgram } = await import("../program/load-program");
const { setStar } = await import("./agenda");
const { listMovedStars, markMovesSeen, newestMoveAt } = await import("./moved-stars");

const at = (iso: string) => new Date(iso);
const change = (id: number, createdAt: string, kind: RecordedChange["kind"], fields: RecordedChange["fields"] = {}): RecordedChange => ({ id, kind, fields, createdAt: at(createdAt) });

describe("unseenMoves", () => {
  const star = { createdAt: at("2026-11-01T09:00:00Z"), seenChangesAt: null };
  const moved = change(2, "2026-11-02T09:00:00Z", "changed", { startsAt: ["2026-12-02T10:00:00.000Z", "2026-12-02T14:00:00.000Z"] });

  it("flags a move recorded after the star, not one from before it", () => {
    const earlier = change(1, "2026-10-30T09:00:00Z", "changed", { room: ["A", "B"] });
    assert.deepEqual(unseenMoves(star, [moved, earlier]), [moved]);
  });

  it("ignores a change that moves nothing (a new title or abstract)", () => {
    assert.deepEqual(unseenMoves(star, [change(3, "2026-11-02T09:00:00Z", "changed", { title: ["Old", "New"] })]), []);
  });

  it("clears once seen, and flags a later move again", () => {
    const seen = { ...star, seenChangesAt: at("2026-11-03T09:00:00Z") };
    assert.deepEqual(unseenMoves(seen, [moved]), []);
    const later = change(4, "2026-11-04T09:00:00Z", "changed", { room: ["Room B", "Auditorium"] });
    assert.deepEqual(unseenMoves(seen, [moved, later]), [later]);
  });

  it("flags a cancellation and a restore, oldest first", () => {
    const cancelled = change(5, "2026-11-02T09:00:00Z", "cancelled");
    const restored = change(6, "2026-11-02T10:00:00Z", "restored");
    assert.deepEqual(unseenMoves(star, [restored, cancelled]), [cancelled, restored]);
  });
});

describe("clashesMadeByMoves", () => {
  const a = { id: 1, startsAt: at("2026-12-02T14:00:00Z"), endsAt: at("2026-12-02T14:45:00Z"), cancelled: false };
  const b = { id: 2, startsAt: at("2026-12-02T14:00:00Z"), endsAt: at("2026-12-02T14:45:00Z"), cancelled: false };
  const moveOfA = change(7, "2026-11-02T09:00:00Z", "changed", {
    startsAt: ["2026-12-02T10:00:00.000Z", "2026-12-02T14:00:00.000Z"],
    endsAt: ["2026-12-02T10:45:00.000Z", "2026-12-02T14:45:00.000Z"],
  });

  it("says which clash a move made", () => {
    assert.deepEqual(slotBefore(a, [moveOfA]).startsAt, at("2026-12-02T10:00:00Z"));
    const made = clashesMadeByMoves([a, b], new Map([[1, [moveOfA]]]));
    assert.deepEqual(made.get(1), [2]);
    assert.deepEqual(made.get(2), [1]);
  });

  it("does not call an old clash new, nor one without a move", () => {
    const roomOnly = change(8, "2026-11-02T09:00:00Z", "changed", { room: ["A", "B"] });
    assert.equal(clashesMadeByMoves([a, b], new Map([[1, [roomOnly]]])).size, 0);
    assert.equal(clashesMadeByMoves([a, b], new Map()).size, 0);
  });

  it("counts a restore as making the clash it brings back", () => {
    assert.deepEqual(clashesMadeByMoves([a, b], new Map([[2, [change(9, "2026-11-02T09:00:00Z", "restored")]]])).get(1), [2]);
  });
});

describe("listMovedStars and markMovesSeen", () => {
  const ada = "user-ada-moves";
  const bob = "user-bob-moves";
  const record = { record: { source: { kind: "cli" as const, name: "test" } } };
  const program = (talk: { start: string; end: string; room: string; status?: "cancelled" }) => ({
    conference: { slug: "moves-conf", name: "Moves Conf", timeZone: "Europe/Oslo", startDate: "2026-12-02", endDate: "2026-12-02" },
    days: [{ date: "2026-12-02", label: "" }],
    tracks: [],
    speakers: [],
    rooms: [{ slug: "room-a", name: "Room A" }, { slug: "room-b", name: "Room B" }],
    sessions: [
      { guid: "moves-talk", slug: "talk", title: "The talk", day: "2026-12-02", ...talk },
      { guid: "moves-other", slug: "other", title: "The other", day: "2026-12-02", start: "2026-12-02T14:00", end: "2026-12-02T14:45", room: "room-b" },
    ],
  });
  const original = { start: "2026-12-02T10:00", end: "2026-12-02T10:45", room: "room-a" };
  let conferenceId = 0;
  const sessionId = async (slug: string) => (await db.session.findFirstOrThrow({ where: { slug, conferenceId }, select: { id: true } })).id;
  const movedSlugs = async (userId: string) => (await listMovedStars(userId, conferenceId)).map((star) => star.slug);

  before(async () => {
    await applyProgram(db, program(original), record);
    conferenceId = (await db.conference.findUniqueOrThrow({ where: { slug: "moves-conf" }, select: { id: true } })).id;
    await createTestUser(db, { id: ada, name: "Ada" });
    await createTestUser(db, { id: bob, name: "Bob" });
  });

  it("flags my moved star, clears it once seen, flags a later move and a cancellation, and never shows Bob mine", async () => {
    await setStar(ada, await sessionId("talk"), true);
    await setStar(ada, await sessionId("other"), true);
    await setStar(bob, await sessionId("other"), true);
    assert.deepEqual(await movedSlugs(ada), [], "nothing moved since the star");
    await sleep(5);

    await applyProgram(db, program({ ...original, start: "2026-12-02T14:00", end: "2026-12-02T14:45" }), record);
    const [moved] = await listMovedStars(ada, conferenceId);
    assert.equal(moved?.slug, "talk");
    assert.deepEqual(moved?.moves[0]?.fields.startsAt, ["2026-12-02T09:00:00.000Z", "2026-12-02T13:00:00.000Z"]);
    assert.deepEqual(await movedSlugs(bob), [], "Bob starred only what did not move");

    // Bob marking his seen leaves mine.
    await markMovesSeen(bob, conferenceId);
    assert.deepEqual(await movedSlugs(ada), ["talk"]);

    await markMovesSeen(ada, conferenceId);
    assert.deepEqual(await movedSlugs(ada), []);
    await sleep(5);

    await applyProgram(db, program({ ...original, start: "2026-12-02T14:00", end: "2026-12-02T14:45", room: "room-b" }), record);
    assert.deepEqual(await movedSlugs(ada), ["talk"], "a later move flags again");
    await markMovesSeen(ada, conferenceId);
    await sleep(5);

    await applyProgram(db, program({ ...original, start: "2026-12-02T14:00", end: "2026-12-02T14:45", room: "room-b", status: "cancelled" }), record);
    assert.deepEqual((await listMovedStars(ada, conferenceId))[0]?.moves.map((move) => move.kind), ["cancelled"]);
    await markMovesSeen(ada, conferenceId);
    await sleep(5);

    await applyProgram(db, program({ ...original, start: "2026-12-02T14:00", end: "2026-12-02T14:45", room: "room-b" }), record);
    assert.deepEqual((await listMovedStars(ada, conferenceId))[0]?.moves.map((move) => move.kind), ["restored"]);
    assert.deepEqual(await movedSlugs(bob), []);
  });

  it("keeps a move recorded after the page was shown flagged when the shown ones are marked seen", async () => {
    await markMovesSeen(ada, conferenceId);
    await sleep(5);
    await applyProgram(db, program({ ...original, room: "room-b" }), record);
    const shown = newestMoveAt(await listMovedStars(ada, conferenceId));
    assert.ok(shown, "the move is shown");
    await sleep(5);
    // Between showing the agenda and pressing "Mark as seen", the talk moves again.
    await applyProgram(db, program(original), record);
    await markMovesSeen(ada, conferenceId, shown);
    const [still] = await listMovedStars(ada, conferenceId);
    assert.equal(still?.moves.length, 1, "only the move recorded after the page was shown is left");
    assert.deepEqual(still?.moves[0]?.fields.room, ["Room B", "Room A"]);
    // A time from the future marks no later than now.
    await markMovesSeen(ada, conferenceId, new Date(Date.now() + 60_000));
    assert.deepEqual(await movedSlugs(ada), []);
  });
});
