import assert from "node:assert/strict";
import { before, describe, it } from "node:test";
import { z } from "zod";
import { dockerconEu2017 } from "../../prisma/seed/dockercon-eu-2017";
import { setupTestDatabase } from "../test/database";
import { databaseSnapshot } from "../test/snapshot";
import { tinyProgram } from "../test/programs";
import { programSchema } from "./program-schema";

await setupTestDatabase();
const { db } = await import("../db/client");
const { seedDemo } = await import("../../prisma/seed");
const { loadProgram } = await import("./load-program");

const demoSlug = dockerconEu2017.conference.slug;
const demo = () => structuredClone(dockerconEu2017);

const demoSession = (slug: string) =>
  db.session.findFirstOrThrow({ where: { conference: { slug: demoSlug }, slug }, include: { notes: true } });

/** The paths ("sessions.3.track") of everything programSchema finds wrong. */
function issuePaths(input: unknown): string[] {
  const result = programSchema.safeParse(input);
  assert.equal(result.success, false, "the program was accepted");
  return result.error!.issues.map((issue) => issue.path.join("."));
}

before(async () => {
  await seedDemo({ db, log: () => {} });
});

describe("loadProgram", () => {
  it("changes nothing when the same program is loaded again", async () => {
    const before = await databaseSnapshot(db);
    assert.equal(before.notes.length, 9);
    const summary = await loadProgram(db, dockerconEu2017);
    assert.deepEqual(summary, { conference: demoSlug, added: [], changed: [], cancelled: [], unchanged: 10 });
    assert.deepEqual(await databaseSnapshot(db), before);
  });

  it("converts local times with the conference's time zone", async () => {
    const general = await demoSession("general-session-day-1");
    assert.equal(general.startsAt.toISOString(), "2017-10-17T07:00:00.000Z");
    const workshop = await demoSession("introduction-to-docker-for-enterprise-operations");
    assert.deepEqual([workshop.startsAt.toISOString(), workshop.endsAt.toISOString()], ["2017-10-16T07:00:00.000Z", "2017-10-16T15:00:00.000Z"]);

    // The same zone in winter is UTC+1, not a fixed offset.
    const winter = tinyProgram();
    Object.assign(winter.conference, { slug: "winter-conf", timeZone: "Europe/Copenhagen", startDate: "2018-01-10", endDate: "2018-01-10" });
    winter.days = [{ date: "2018-01-10", label: "" }];
    Object.assign(winter.sessions[0]!, { day: "2018-01-10", start: "2018-01-10T09:00", end: "2018-01-10T09:45" });
    await loadProgram(db, winter);
    const [session] = await db.session.findMany({ where: { conference: { slug: "winter-conf" } } });
    assert.equal(session?.startsAt.toISOString(), "2018-01-10T08:00:00.000Z");

    // Moving the conference to another zone moves every session.
    winter.conference.timeZone = "America/New_York";
    const summary = await loadProgram(db, winter);
    assert.deepEqual(summary.changed, ["espresso-and-kubernetes"]);
    const [moved] = await db.session.findMany({ where: { conference: { slug: "winter-conf" } } });
    assert.equal(moved?.startsAt.toISOString(), "2018-01-10T14:00:00.000Z");
  });

  it("reports a changed title, and keeps the session's identity and notes", async () => {
    const old = await demoSession("linuxkit-deep-dive");
    assert.equal(old.notes.length, 1);
    const program = demo();
    program.sessions.find((s) => s.slug === "linuxkit-deep-dive")!.title = "LinuxKit: The Deep Dive";
    const summary = await loadProgram(db, program);
    assert.deepEqual(summary, { conference: demoSlug, added: [], changed: ["linuxkit-deep-dive"], cancelled: [], unchanged: 9 });
    const updated = await demoSession("linuxkit-deep-dive");
    assert.equal(updated.id, old.id);
    assert.equal(updated.title, "LinuxKit: The Deep Dive");
    assert.deepEqual(updated.notes, old.notes);
  });

  it("reports a new speaker order as a change, and bills them in the new order", async () => {
    const program = demo();
    const session = program.sessions.find((s) => s.slug === "linuxkit-deep-dive")!;
    session.title = "LinuxKit: The Deep Dive";
    session.speakers = ["justin-cormack", "rolf-neugebauer"];
    const summary = await loadProgram(db, program);
    assert.deepEqual(summary.changed, ["linuxkit-deep-dive"]);
    const links = await db.sessionSpeaker.findMany({
      where: { session: { conference: { slug: demoSlug }, slug: "linuxkit-deep-dive" } },
      orderBy: { position: "asc" },
      select: { speaker: { select: { slug: true } } },
    });
    assert.deepEqual(links.map((l) => l.speaker.slug), ["justin-cormack", "rolf-neugebauer"]);
    await loadProgram(db, dockerconEu2017);
  });

  it("cancels a session that leaves the program, keeping it and its notes", async () => {
    const old = await demoSession("my-journey-to-go");
    assert.equal(old.notes.length, 1);
    const program = demo();
    program.sessions = program.sessions.filter((s) => s.slug !== "my-journey-to-go");

    const summary = await loadProgram(db, program);
    assert.deepEqual(summary, { conference: demoSlug, added: [], changed: [], cancelled: ["my-journey-to-go"], unchanged: 9 });
    const cancelled = await demoSession("my-journey-to-go");
    assert.equal(cancelled.id, old.id);
    assert.equal(cancelled.status, "cancelled");
    assert.deepEqual(cancelled.notes, old.notes);

    // Cancelled once is reported once.
    const again = await loadProgram(db, program);
    assert.deepEqual([again.cancelled, again.unchanged], [[], 9]);

    // Back in the program, it is scheduled again.
    const back = await loadProgram(db, dockerconEu2017);
    assert.deepEqual(back.changed, ["my-journey-to-go"]);
    assert.equal((await demoSession("my-journey-to-go")).status, "scheduled");
  });

  it("adds new sessions, and removes tracks and speakers the program no longer names", async () => {
    const program = demo();
    program.sessions.push({ ...program.sessions[0]!, guid: "new-guid", slug: "a-new-workshop", title: "A New Workshop" });
    program.tracks = program.tracks.filter((t) => t.slug !== "ecosystem");
    program.speakers.push({ slug: "ada-example", name: "Ada Example", affiliation: "", bio: "" });
    const summary = await loadProgram(db, program);
    assert.deepEqual([summary.added, summary.changed, summary.unchanged], [["a-new-workshop"], [], 10]);
    assert.equal(await db.track.count({ where: { conference: { slug: demoSlug }, slug: "ecosystem" } }), 0);
    assert.equal(await db.speaker.count({ where: { conference: { slug: demoSlug }, slug: "ada-example" } }), 1);

    const back = await loadProgram(db, dockerconEu2017);
    assert.deepEqual(back.cancelled, ["a-new-workshop"]);
    assert.equal(await db.track.count({ where: { conference: { slug: demoSlug }, slug: "ecosystem" } }), 1);
    assert.equal(await db.speaker.count({ where: { conference: { slug: demoSlug }, slug: "ada-example" } }), 0);
  });

  it("lets a new session take a slug an existing session gives up in the same load", async () => {
    const program = demo();
    const linuxkit = program.sessions.find((s) => s.slug === "linuxkit-deep-dive")!;
    linuxkit.slug = "linuxkit-deep-dive-2017";
    program.sessions.unshift({ ...linuxkit, guid: "linuxkit-2018", slug: "linuxkit-deep-dive", title: "LinuxKit Deep Dive 2018" });
    const summary = await loadProgram(db, program);
    assert.deepEqual([summary.added, summary.changed], [["linuxkit-deep-dive"], ["linuxkit-deep-dive-2017"]]);
  });
});

describe("invalid programs", () => {
  const cases: [string, (p: ReturnType<typeof demo>) => void, string][] = [
    ["an unknown track", (p) => void (p.sessions[3]!.track = "kubernetes"), "sessions.3.track"],
    ["an unknown room", (p) => void (p.sessions[3]!.room = "basement"), "sessions.3.room"],
    ["an unknown speaker", (p) => void p.sessions[3]!.speakers.push("linus-torvalds"), "sessions.3.speakers.2"],
    ["a day the conference does not have", (p) => void (p.sessions[3]!.day = "2017-10-20"), "sessions.3.day"],
    ["a session that ends before it starts", (p) => void (p.sessions[3]!.end = "2017-10-17T13:59"), "sessions.3.end"],
    ["a local time that is not one", (p) => void (p.sessions[3]!.start = "17 Oct 2017 14:00"), "sessions.3.start"],
    ["a duplicate session slug", (p) => void (p.sessions[4]!.slug = p.sessions[3]!.slug), "sessions.4"],
    ["a duplicate session guid", (p) => void (p.sessions[4]!.guid = p.sessions[3]!.guid), "sessions.4"],
    ["a duplicate track slug", (p) => void (p.tracks[1]!.slug = p.tracks[0]!.slug), "tracks.1"],
    ["a bad colour", (p) => void (p.tracks[0]!.color = "blue"), "tracks.0.color"],
    ["a bad time zone", (p) => void (p.conference.timeZone = "Europe/Atlantis"), "conference.timeZone"],
    ["a slug with capitals", (p) => void (p.sessions[0]!.slug = "Intro"), "sessions.0.slug"],
  ];

  for (const [what, breakIt, path] of cases) {
    it(`rejects ${what}, naming where it is, and leaves the database as it was`, async () => {
      const program = demo();
      program.sessions[3]!.title = "Should Never Be Written";
      breakIt(program);
      assert.ok(issuePaths(program).includes(path), `expected an issue at ${path}, got ${issuePaths(program).join(", ")}`);
      const before = await databaseSnapshot(db);
      await assert.rejects(loadProgram(db, program), z.ZodError);
      assert.deepEqual(await databaseSnapshot(db), before);
    });
  }

  it("accepts the demo program as it is", () => {
    assert.equal(programSchema.safeParse(dockerconEu2017).success, true);
  });

  it("writes nothing when the load fails part-way through", async () => {
    const program = demo();
    program.sessions.find((s) => s.slug === "linuxkit-deep-dive")!.title = "Half-Written Title";
    program.speakers.find((s) => s.slug === "bret-fisher")!.name = "Brett Fisher";
    program.sessions.push({ ...program.sessions[0]!, guid: "last-straw", slug: "the-last-straw", title: "The Last Straw" });
    const before = await databaseSnapshot(db);
    // The client has one connection, so a temporary trigger on it fails the load's last insert.
    await db.$executeRawUnsafe(
      `CREATE TEMP TRIGGER "fail_the_load" BEFORE INSERT ON main."Session" WHEN NEW."slug" = 'the-last-straw'
       BEGIN SELECT RAISE(ABORT, 'simulated failure'); END`,
    );
    try {
      await assert.rejects(loadProgram(db, program));
    } finally {
      await db.$executeRawUnsafe(`DROP TRIGGER temp."fail_the_load"`);
    }
    assert.deepEqual(await databaseSnapshot(db), before);
    // Without the trigger the same program loads: the failure was the one simulated.
    assert.deepEqual((await loadProgram(db, program)).added, ["the-last-straw"]);
  });
});
