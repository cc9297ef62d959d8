import assert from "node:assert/strict";
import { before, describe, it } from "node:test";
import { setupTestDatabase } from "../test/database";
import { createTestUser } from "../test/users";
import { tinyProgram } from "../test/programs";
import { formatDateSpan, formatLongDate } from "../time";
import { noteFormSchema, noteInputSchema, noteMaxLength } from "../validation/note";

await setupTestDatabase();
const { db } = await import("../db/client");
const { seedDemo, demoAttendeeId } = await import("../../prisma/seed");
const { loadProgram } = await import("../program/load-program");
const { getConference } = await import("../schedule/conference");
const { changesPublicView, deleteNote, exportMarkdown, getMyNote, getNoteTarget, listMyNotes, saveNote } = await import("./notes");
const { findSession } = await import("../schedule/sessions");
const findSessionId = async (conference: string, slug: string) => (await findSession(conference, slug, { id: true }))?.id ?? null;

const conf = "dockercon-eu-2017";
const ada = "user-ada";
const bob = "user-bob";
let conferenceId: number;
const sessionIds = new Map<string, number>();

/** A fresh session id for a test, so tests don't see each other's notes. */
const sessionId = (slug: string) => sessionIds.get(slug)!;

const row = (userId: string, slug: string) =>
  db.note.findUnique({ where: { userId_sessionId: { userId, sessionId: sessionId(slug) } } });

before(async () => {
  await seedDemo({ db, log: () => {} });
  await loadProgram(db, tinyProgram());
  await createTestUser(db, { id: ada, name: "Ada" });
  await createTestUser(db, { id: bob, name: "Bob" });
  conferenceId = (await getConference(conf))!.id;
  for (const s of await db.session.findMany({ select: { id: true, slug: true } })) sessionIds.set(s.slug, s.id);
});

describe("saveNote", () => {
  it("creates a note at version 1 when the person believes there is none", async () => {
    const saved = await saveNote(ada, sessionId("linuxkit-deep-dive"), { body: "LinuxKit **rocks**", visibility: "private", baseVersion: null });
    assert.ok(saved.ok);
    assert.deepEqual([saved.note.body, saved.note.visibility, saved.note.version, saved.previousVisibility], ["LinuxKit **rocks**", "private", 1, null]);
    assert.deepEqual(await getMyNote(ada, sessionId("linuxkit-deep-dive")), saved.note);
  });

  it("updates when the version matches, and bumps it", async () => {
    const id = sessionId("my-journey-to-go");
    const first = await saveNote(ada, id, { body: "one", visibility: "private", baseVersion: 0 });
    assert.ok(first.ok);
    const second = await saveNote(ada, id, { body: "two", visibility: "public", baseVersion: first.note.version });
    assert.ok(second.ok);
    assert.deepEqual([second.note.body, second.note.visibility, second.note.version, second.previousVisibility], ["two", "public", 2, "private"]);
    assert.ok(second.note.updatedAt >= first.note.updatedAt);
    const stored = await row(ada, "my-journey-to-go");
    assert.deepEqual([stored?.body, stored?.visibility, stored?.version], ["two", "public", 2]);
  });

  it("refuses a stale version, changes nothing, and returns what is stored", async () => {
    const id = sessionId("play-with-docker-inside-out");
    const first = await saveNote(ada, id, { body: "from the laptop", visibility: "private", baseVersion: null });
    assert.ok(first.ok);
    const phone = await saveNote(ada, id, { body: "from the phone", visibility: "private", baseVersion: 1 });
    assert.ok(phone.ok);
    const laptop = await saveNote(ada, id, { body: "laptop again, unaware", visibility: "public", baseVersion: 1 });
    assert.deepEqual(laptop, { ok: false, reason: "conflict", current: phone.note });
    const stored = await row(ada, "play-with-docker-inside-out");
    assert.deepEqual([stored?.body, stored?.visibility, stored?.version], ["from the phone", "private", 2]);
  });

  it("refuses to create a note that already exists", async () => {
    const id = sessionId("looking-under-the-hood-containerd");
    const first = await saveNote(ada, id, { body: "first tab", visibility: "private", baseVersion: null });
    assert.ok(first.ok);
    const second = await saveNote(ada, id, { body: "second tab", visibility: "public", baseVersion: 0 });
    assert.deepEqual(second, { ok: false, reason: "conflict", current: first.note });
    assert.equal((await row(ada, "looking-under-the-hood-containerd"))?.body, "first tab");
  });

  it("treats an update of a note that no longer exists as a conflict with nothing stored", async () => {
    const result = await saveNote(ada, sessionId("general-session-day-2"), { body: "edited a deleted note", visibility: "private", baseVersion: 4 });
    assert.deepEqual(result, { ok: false, reason: "conflict", current: null });
    assert.equal(await row(ada, "general-session-day-2"), null);
  });
});

describe("deleteNote", () => {
  it("deletes at the matching version, refuses a stale one, and says when there is nothing", async () => {
    const id = sessionId("general-session-day-1");
    const saved = await saveNote(ada, id, { body: "keynote", visibility: "public", baseVersion: null });
    assert.ok(saved.ok);
    assert.deepEqual(await deleteNote(ada, id, 7), { ok: false, reason: "conflict", current: saved.note });
    assert.ok(await row(ada, "general-session-day-1"));
    assert.deepEqual(await deleteNote(ada, id, 1), { ok: true, deleted: saved.note });
    assert.equal(await row(ada, "general-session-day-1"), null);
    assert.deepEqual(await deleteNote(ada, id), { ok: false, reason: "not-found" });
  });

  it("deletes whatever version is stored when none is given", async () => {
    const id = sessionId("general-session-day-1");
    await saveNote(ada, id, { body: "again", visibility: "private", baseVersion: null });
    assert.equal((await deleteNote(ada, id)).ok, true);
    assert.equal(await row(ada, "general-session-day-1"), null);
  });
});

describe("a note written again after a delete", () => {
  it("continues from the deleted note's version, so a tab holding that version cannot save over it", async () => {
    const id = sessionId("general-session-day-1");
    const first = await saveNote(ada, id, { body: "first", visibility: "private", baseVersion: null });
    assert.ok(first.ok);
    const second = await saveNote(ada, id, { body: "second", visibility: "private", baseVersion: first.note.version });
    assert.ok(second.ok);
    // A second tab still shows "second" at its version when the note is deleted and written anew.
    const staleVersion = second.note.version;
    assert.equal((await deleteNote(ada, id, staleVersion)).ok, true);
    const again = await saveNote(ada, id, { body: "written anew", visibility: "private", baseVersion: null });
    assert.ok(again.ok);
    assert.equal(again.note.version, staleVersion + 1);

    assert.deepEqual(await saveNote(ada, id, { body: "from the stale tab", visibility: "public", baseVersion: staleVersion }), {
      ok: false, reason: "conflict", current: again.note,
    });
    assert.deepEqual(await deleteNote(ada, id, staleVersion), { ok: false, reason: "conflict", current: again.note });
    assert.equal((await row(ada, "general-session-day-1"))?.body, "written anew");

    // The floor is each person's own: Bob's first note on the session starts at 1.
    const bobs = await saveNote(bob, id, { body: "Bob's", visibility: "private", baseVersion: null });
    assert.ok(bobs.ok);
    assert.equal(bobs.note.version, 1);
    await deleteNote(ada, id);
    await deleteNote(bob, id);
  });
});

describe("saves and deletes at the same moment", () => {
  it("let one of several first saves create the note, and leave everyone else's writes alone", async () => {
    const mine = sessionId("general-session-day-2");
    const bobsSession = sessionId("my-journey-to-go");
    const bobs = await saveNote(bob, bobsSession, { body: "Bob, before", visibility: "private", baseVersion: null });
    assert.ok(bobs.ok);
    const results = await Promise.all([
      ...Array.from({ length: 5 }, (_, i) => saveNote(ada, mine, { body: `tab ${i}`, visibility: "private", baseVersion: null })),
      saveNote(bob, bobsSession, { body: "Bob, meanwhile", visibility: "private", baseVersion: bobs.note.version }),
    ]);
    const creates = results.slice(0, 5);
    const created = creates.filter((r) => r.ok);
    assert.equal(created.length, 1, "exactly one first save creates the note");
    const stored = await getMyNote(ada, mine);
    for (const refused of creates.filter((r) => !r.ok)) assert.deepEqual(refused, { ok: false, reason: "conflict", current: stored });
    assert.ok(results[5]!.ok, "Bob's save, in the middle of them, went through");
    assert.equal((await getMyNote(bob, bobsSession))?.body, "Bob, meanwhile");

    // Two deletes of the same note: one deletes it, the other finds nothing; Bob's note stays.
    const deletes = await Promise.all([deleteNote(ada, mine), deleteNote(ada, mine)]);
    assert.deepEqual(deletes.map((r) => r.ok).sort(), [false, true]);
    assert.ok(deletes.some((r) => !r.ok && r.reason === "not-found"));
    assert.equal(await getMyNote(ada, mine), null);
    assert.equal((await getMyNote(bob, bobsSession))?.body, "Bob, meanwhile");
    await deleteNote(bob, bobsSession);
  });

  it("keep no deleted version when the note goes with its author", async () => {
    const carol = "user-carol";
    await createTestUser(db, { id: carol, name: "Carol" });
    const id = sessionId("general-session-day-2");
    const saved = await saveNote(carol, id, { body: "Carol's", visibility: "public", baseVersion: null });
    assert.ok(saved.ok);
    await deleteNote(carol, id);
    await saveNote(carol, id, { body: "Carol's again", visibility: "private", baseVersion: null });
    assert.equal(await db.deletedNote.count({ where: { userId: carol } }), 1);
    // Deleting the account takes the note and its deleted version with it, without an error.
    await db.user.delete({ where: { id: carol } });
    assert.equal(await db.note.count({ where: { userId: carol } }), 0);
    assert.equal(await db.deletedNote.count({ where: { userId: carol } }), 0);
  });
});

describe("ownership", () => {
  it("never lets one person read, update or delete another's note", async () => {
    const id = sessionId("containerizing-hardware-accelerated-applications");
    const adas = await saveNote(ada, id, { body: "Ada's secret", visibility: "private", baseVersion: null });
    assert.ok(adas.ok);

    assert.equal(await getMyNote(bob, id), null);
    // Bob's version check runs against Bob's own (absent) note, so guessing Ada's version does nothing.
    assert.deepEqual(await saveNote(bob, id, { body: "overwritten", visibility: "public", baseVersion: 1 }), { ok: false, reason: "conflict", current: null });
    assert.deepEqual(await deleteNote(bob, id, 1), { ok: false, reason: "not-found" });
    assert.deepEqual(await deleteNote(bob, id), { ok: false, reason: "not-found" });

    const stored = await row(ada, "containerizing-hardware-accelerated-applications");
    assert.deepEqual([stored?.body, stored?.visibility, stored?.version], ["Ada's secret", "private", 1]);
    assert.equal(await db.note.count({ where: { userId: bob } }), 0);

    // Bob creating his own note on the same session leaves Ada's alone.
    const bobs = await saveNote(bob, id, { body: "Bob's own", visibility: "private", baseVersion: null });
    assert.ok(bobs.ok);
    assert.equal((await getMyNote(ada, id))?.body, "Ada's secret");
    assert.equal((await getMyNote(bob, id))?.body, "Bob's own");
  });

  it("lists only my notes, only on this conference", async () => {
    const cafe = sessionId("espresso-and-kubernetes");
    await saveNote(ada, cafe, { body: "another conference", visibility: "private", baseVersion: null });
    const mine = await listMyNotes(ada, conferenceId);
    assert.ok(mine.length > 0);
    assert.ok(mine.every((note) => !note.body.includes("Bob") && note.body !== "another conference"));
    assert.equal(mine.some((note) => note.session.slug === "espresso-and-kubernetes"), false);
    const bobs = await listMyNotes(bob, conferenceId);
    assert.deepEqual(bobs.map((note) => note.body), ["Bob's own"]);
    // The demo attendee's public notes are theirs, not Ada's.
    assert.ok((await listMyNotes(demoAttendeeId, conferenceId)).length > 0);
    assert.equal(mine.some((note) => note.body.startsWith("LinuxKit is a toolkit")), false);
  });
});

describe("listMyNotes and exportMarkdown", () => {
  const carol = "user-carol";

  before(async () => {
    await createTestUser(db, { id: carol, name: "Carol" });
    // Saved out of schedule order on purpose.
    const notes: [string, string][] = [
      ["my-journey-to-go", "Go is *fun*.\n\n- goroutines"],
      ["general-session-day-1", "Keynote thoughts."],
      ["linuxkit-deep-dive", "   "],
      ["introduction-to-docker-for-enterprise-operations", "Workshop day."],
    ];
    for (const [slug, body] of notes) await saveNote(carol, sessionId(slug), { body, visibility: "private", baseVersion: null });
  });

  it("lists my notes in schedule order with the session's time, room and speakers", async () => {
    const notes = await listMyNotes(carol, conferenceId);
    assert.deepEqual(notes.map((n) => n.session.slug), [
      "introduction-to-docker-for-enterprise-operations",
      "general-session-day-1",
      "linuxkit-deep-dive",
      "my-journey-to-go",
    ]);
    const linuxkit = notes[2]!;
    assert.equal(linuxkit.session.title, "LinuxKit Deep Dive");
    assert.deepEqual(linuxkit.session.speakers, ["Rolf Neugebauer", "Justin Cormack"]);
    assert.equal(linuxkit.session.day, "2017-10-17");
    assert.ok(linuxkit.session.room);
  });

  it("exports one Markdown wrap-up in schedule order, skipping empty notes", async () => {
    const conference = (await getConference(conf))!;
    const markdown = await exportMarkdown(carol, conference);
    const lines = markdown.split("\n");
    assert.equal(lines[0], "# DockerCon EU 2017");
    assert.equal(lines[2], `${formatDateSpan("2017-10-16", "2017-10-19")} · Bella Center, Copenhagen`);
    assert.deepEqual(lines.filter((l) => l.startsWith("## ")), [
      "## Introduction to Docker for Enterprise Operations",
      "## General Session Day 1",
      "## My Journey to Go",
    ]);
    assert.equal(markdown.includes("## LinuxKit Deep Dive"), false);

    const go = markdown.slice(markdown.indexOf("## My Journey to Go"));
    const [, meta, ...body] = go.split("\n\n");
    assert.equal(meta, `${formatLongDate("2017-10-18")} · 14:00–14:40 CEST · Community Theater · Ashley McNamara`);
    assert.equal(body.join("\n\n"), "Go is *fun*.\n\n- goroutines\n");
    assert.ok(markdown.indexOf("Workshop day.") < markdown.indexOf("Keynote thoughts."));
    assert.ok(markdown.indexOf("Keynote thoughts.") < markdown.indexOf("Go is *fun*."));
  });

  it("says so when there is nothing to export", async () => {
    const conference = (await getConference(conf))!;
    assert.match(await exportMarkdown("nobody", conference), /^# DockerCon EU 2017\n\n.+\n\n_No notes yet._\n$/);
  });
});

describe("getNoteTarget", () => {
  it("finds a session only under its own conference", async () => {
    const target = await getNoteTarget(conf, "linuxkit-deep-dive");
    assert.equal(target?.session.id, sessionId("linuxkit-deep-dive"));
    assert.equal(target?.conference.timeZone, "Europe/Copenhagen");
    assert.equal(await getNoteTarget("cafe-conf-2018", "linuxkit-deep-dive"), null);
    assert.equal(await getNoteTarget(conf, "no-such-session"), null);
  });
});

describe("findSession", () => {
  it("finds the same session as getNoteTarget, only under its own conference", async () => {
    assert.equal(await findSessionId(conf, "linuxkit-deep-dive"), sessionId("linuxkit-deep-dive"));
    assert.equal(await findSessionId("cafe-conf-2018", "linuxkit-deep-dive"), null);
    assert.equal(await findSessionId(conf, "no-such-session"), null);
    assert.equal(await findSessionId(conf, "LinuxKit-Deep-Dive"), null);
  });
});

describe("changesPublicView", () => {
  it("is true when the note is or was public", () => {
    assert.equal(changesPublicView(null, "private"), false);
    assert.equal(changesPublicView("private", "private"), false);
    assert.equal(changesPublicView("private", "public"), true);
    assert.equal(changesPublicView("public", "private"), true);
    assert.equal(changesPublicView("public", null), true);
  });
});

describe("note validation", () => {
  it("accepts 50,000 characters and refuses one more, with a clear message", () => {
    assert.equal(noteMaxLength, 50_000);
    assert.ok(noteInputSchema.safeParse({ body: "x".repeat(noteMaxLength) }).success);
    const tooLong = noteInputSchema.safeParse({ body: "x".repeat(noteMaxLength + 1) });
    assert.equal(tooLong.success, false);
    assert.equal(tooLong.error?.issues[0]?.message, "Notes can be at most 50,000 characters");
  });

  it("counts a submitted CRLF line break as one character", () => {
    const body = "line\r\n".repeat(noteMaxLength / 5);
    const parsed = noteFormSchema.safeParse({ body, visibility: "private", version: "0" });
    assert.ok(parsed.success);
    assert.equal(parsed.data.body, "line\n".repeat(noteMaxLength / 5));
  });

  it("defaults to private and refuses anything but private or public", () => {
    assert.equal(noteInputSchema.parse({ body: "x" }).visibility, "private");
    assert.equal(noteInputSchema.safeParse({ body: "x", visibility: "friends" }).success, false);
    assert.equal(noteInputSchema.safeParse({ body: "", visibility: "public" }).error?.issues[0]?.message, "A public note needs some text");
    assert.equal(noteInputSchema.safeParse(["x"]).success, false);
  });
});
