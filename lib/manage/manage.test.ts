import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import path from "node:path";
import { before, describe, it } from "node:test";
import { setupTestDatabase } from "../test/database";

await setupTestDatabase();
const { db } = await import("../db/client");
const { NotOrganiserError } = await import("./organiser");
const { listManagedConferences } = await import("./overview");
const { applyPreviewedProgram, previewUploadedProgram } = await import("./program-preview");
const { followProgramUrl, unfollowProgramUrl } = await import("../follow/program-sources");

const root = path.resolve(import.meta.dirname, "../..");
const quirky = readFileSync(path.join(root, "lib/interop/fixtures/quirky-frab.json"), "utf8");
const moved = (() => {
  const doc = JSON.parse(quirky);
  const event = doc.schedule.conference.days[0].rooms["Saal 1"][1];
  event.start = "23:00";
  event.date = event.date.replace(/T\d\d:\d\d/, "T23:00");
  return JSON.stringify(doc);
})();

const viewer = (id: string) => ({ id, name: id, email: `${id}@example.org` });
const organiser = viewer("organiser-1");
const otherOrganiser = viewer("organiser-2");
const attendee = viewer("attendee-1");

describe("the organiser's data layer", () => {
  before(async () => {
    for (const v of [organiser, otherOrganiser, attendee]) {
      await db.user.create({ data: { ...v, organiser: v !== attendee } });
    }
  });

  it("refuses an attendee in every function, whatever the page did", async () => {
    const refused = (promise: Promise<unknown>) => assert.rejects(promise, NotOrganiserError);
    await refused(listManagedConferences(attendee));
    await refused(previewUploadedProgram(attendee, { text: quirky, sourceName: "quirky.json" }));
    await refused(applyPreviewedProgram(attendee, crypto.randomUUID()));
    await refused(followProgramUrl(attendee, "quirkcamp19", "https://example.org/schedule.json", 10));
    await refused(unfollowProgramUrl(attendee, "quirkcamp19"));
    assert.equal(await db.conference.count(), 0);
  });

  it("previews without writing, applies exactly the previewed file once, for its own organiser only", async () => {
    const first = await previewUploadedProgram(organiser, { text: quirky, sourceName: "quirky.json" });
    assert.ok(first.ok);
    assert.equal(first.preview.conference.isNew, true);
    assert.equal(first.preview.added.length, 6);
    assert.deepEqual(first.preview.counts, { added: 6, changed: 0, cancelled: 0, restored: 0 });
    assert.equal(await db.conference.count(), 0, "a preview writes nothing");

    assert.deepEqual(await applyPreviewedProgram(otherOrganiser, first.preview.pendingId), { ok: false, error: "This preview has expired or was already applied; preview the file again." });
    const applied = await applyPreviewedProgram(organiser, first.preview.pendingId);
    assert.deepEqual(applied, { ok: true, conference: "quirkcamp19", counts: { added: 6, changed: 0, cancelled: 0, restored: 0 } });
    assert.equal((await applyPreviewedProgram(organiser, first.preview.pendingId)).ok, false, "a preview applies once");

    const [conference] = await listManagedConferences(organiser);
    assert.equal(conference?.lastImport?.sourceKind, "http");
    assert.equal(conference?.lastImport?.sourceName, "quirky.json");
    assert.equal(conference?.lastImport?.by, organiser.name);
  });

  it("describes a move with its old and new time, and counts the people it touches", async () => {
    const conference = await db.conference.findUniqueOrThrow({ where: { slug: "quirkcamp19" } });
    const session = await db.session.findFirstOrThrow({ where: { conferenceId: conference.id, title: "Lightning Talks" } });
    await db.star.create({ data: { userId: attendee.id, sessionId: session.id } });
    await db.note.create({ data: { userId: attendee.id, sessionId: session.id, body: "bring a laptop" } });
    await db.star.create({ data: { userId: otherOrganiser.id, sessionId: session.id } });

    const result = await previewUploadedProgram(organiser, { text: moved, sourceName: "moved.json" });
    assert.ok(result.ok);
    const [change] = result.preview.changed;
    assert.equal(change?.title, "Lightning Talks");
    assert.equal(change?.peopleTouched, 2);
    const starts = change?.changes?.find((c) => c.field === "startsAt");
    assert.ok(starts, JSON.stringify(change));
    assert.match(starts.to, /23:00$/);
    assert.notEqual(starts.from, starts.to);
  });

  it("sets, changes and clears a followed URL", async () => {
    assert.equal(await followProgramUrl(organiser, "no-such-conference", "https://example.org/s.json", 10), false);
    assert.equal(await followProgramUrl(organiser, "quirkcamp19", "https://example.org/s.json", 10), true);
    const source = await db.programSource.findFirstOrThrow();
    assert.equal(source.intervalMinutes, 10);
    assert.ok(source.nextCheckAt && source.nextCheckAt.getTime() <= Date.now(), "a new URL is due at once");
    await db.programSource.update({ where: { id: source.id }, data: { etag: '"x"', lastStatus: "failed", lastError: "HTTP 500" } });
    await followProgramUrl(organiser, "quirkcamp19", "https://example.org/s.json", 30);
    assert.equal((await db.programSource.findFirstOrThrow()).etag, '"x"', "the same URL keeps its validators");
    await followProgramUrl(organiser, "quirkcamp19", "https://example.org/other.json", 30);
    const replaced = await db.programSource.findFirstOrThrow();
    assert.deepEqual([replaced.etag, replaced.lastStatus, replaced.lastError], [null, null, null]);
    await unfollowProgramUrl(organiser, "quirkcamp19");
    assert.equal(await db.programSource.count(), 0);
  });
});
