import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { before, describe, it } from "node:test";
import { dockerconEu2017 } from "../../prisma/seed/dockercon-eu-2017";
import { setupTestDatabase } from "../test/database";
import { openEmptyDatabase } from "./fixtures/empty-database";
import { formatError } from "./fixtures/format-error";
import { scheduleJsonDocument } from "./fixtures/voc-schedule-schemas";

await setupTestDatabase();
const { db } = await import("../db/client");
const { seedDemo } = await import("../../prisma/seed");
const { loadProgram } = await import("../program/load-program");
const { readProgram } = await import("./read-program");
const { exportFrabJson, parseFrabJson } = await import("./frab-json");

const demoSlug = dockerconEu2017.conference.slug;
const baseUrl = "https://hallway.example.org";
const quirky = readFileSync(new URL("./fixtures/quirky-frab.json", import.meta.url), "utf8");

async function demoExport() {
  const program = await readProgram(db, demoSlug);
  assert.ok(program, "the demo conference is in the database");
  return exportFrabJson(program, { baseUrl });
}

const allEvents = (doc: ReturnType<typeof exportFrabJson>) =>
  doc.schedule.conference.days.flatMap((day) => Object.values(day.rooms).flat());


before(async () => {
  await seedDemo({ db, log: () => {} });
});

describe("exportFrabJson", () => {
  it("writes the demo as the c3voc schedule.json schema requires", async () => {
    const doc = await demoExport();
    const result = scheduleJsonDocument.safeParse(doc);
    assert.ok(result.success, JSON.stringify(result.error?.issues.slice(0, 5), null, 2));

    const { conference } = doc.schedule;
    assert.equal(conference.acronym, "dockercon_eu_2017");
    assert.equal(conference.time_zone_name, "Europe/Copenhagen");
    assert.deepEqual(conference.days.map((d) => [d.index, d.date]), [[1, "2017-10-16"], [2, "2017-10-17"], [3, "2017-10-18"], [4, "2017-10-19"]]);
    const keynote = allEvents(doc).find((e) => e.title === "General Session Day 1")!;
    assert.equal(keynote.guid, "dc1f8575-ce62-40dc-a36a-81e92d9ebbdd");
    assert.equal(keynote.date, "2017-10-17T09:00:00+02:00");
    assert.equal(keynote.start, "09:00");
    assert.equal(keynote.duration, "02:00");
    assert.equal(keynote.room, "Main Hall");
    assert.equal(keynote.track, "General Session");
    assert.equal(keynote.type, "keynote");
    assert.equal(keynote.url, `${baseUrl}/${demoSlug}/sessions/general-session-day-1`);
    assert.equal(keynote.persons.length, 10);
    assert.equal(keynote.persons[0]!.name, "Steve Singh");
    assert.ok(conference.days[1]!.rooms["Main Hall"]!.includes(keynote), "listed under its room on its day");
  });

  it("gives every event a positive integer id that stays the same on every export", async () => {
    const first = allEvents(await demoExport());
    const second = allEvents(await demoExport());
    assert.deepEqual(second.map((e) => e.id), first.map((e) => e.id));
    assert.ok(first.every((e) => Number.isInteger(e.id) && e.id >= 1 && e.id < 2 ** 31));
    assert.equal(new Set(first.map((e) => e.id)).size, first.length);
  });

  it("leaves cancelled sessions out, since the format has no status", async () => {
    const program = structuredClone(dockerconEu2017);
    program.conference.slug = "dockercon-cancel-test";
    await loadProgram(db, program);
    await loadProgram(db, { ...program, sessions: program.sessions.filter((s) => s.slug !== "my-journey-to-go") });
    const read = await readProgram(db, "dockercon-cancel-test");
    assert.equal(read?.sessions.find((s) => s.slug === "my-journey-to-go")?.status, "cancelled");
    const titles = allEvents(exportFrabJson(read!)).map((e) => e.title);
    assert.equal(titles.length, 9);
    assert.ok(!titles.includes("My Journey to Go"));
  });

  it("is checked by a validator that rejects what the schema rejects", async () => {
    const doc = await demoExport();
    const bothKindsOfPerson = structuredClone(doc);
    Object.assign(allEvents(bothKindsOfPerson)[0]!.persons[0]!, { id: 5 });
    assert.equal(scheduleJsonDocument.safeParse(bothKindsOfPerson).success, false);
    const noUrl = structuredClone(doc) as { schedule: { conference: { days: { rooms: Record<string, Record<string, unknown>[]> }[] } } };
    delete Object.values(noUrl.schedule.conference.days[0]!.rooms)[0]![0]!.url;
    assert.equal(scheduleJsonDocument.safeParse(noUrl).success, false);
    const hyphenated = structuredClone(doc);
    hyphenated.schedule.conference.acronym = demoSlug;
    assert.equal(scheduleJsonDocument.safeParse(hyphenated).success, false);
  });
});

describe("parseFrabJson", () => {
  it("survives the round trip through an empty database unchanged", async () => {
    const first = await demoExport();
    const empty = await openEmptyDatabase();
    const summary = await loadProgram(empty, parseFrabJson(JSON.stringify(first)));
    assert.equal(summary.added.length, 10);
    const again = await readProgram(empty, demoSlug);
    assert.deepEqual(exportFrabJson(again!, { baseUrl }), first);
  });

  it("reads a quirky hand-written schedule.json", async () => {
    const program = parseFrabJson(quirky);
    assert.equal(program.conference.slug, "quirkcamp19");
    assert.equal(program.conference.timeZone, "Europe/Berlin");
    const session = (title: string, n = 0) => program.sessions.filter((s) => s.title === title)[n]!;

    // HTML becomes Markdown: paragraphs, a line break, the link; the script goes with its content.
    assert.equal(
      session("Opening & Welcome").abstract,
      "Welcome to Quirk Camp!\\\nDoors open at 9 & close late.\n\nRead the [camp rules](https://example.org/rules?a=1&b=2) first.",
    );
    assert.ok(!program.sessions.some((s) => /alert|pwned|script/.test(s.abstract)));
    assert.equal(session("Lightning Talks", 1).abstract, "Round two. Generics like List<String> stay as written.");

    // Durations in three spellings.
    assert.deepEqual([session("Opening & Welcome").start, session("Opening & Welcome").end], ["2019-08-21T10:00", "2019-08-21T11:30"]);
    assert.equal(session("Lightning Talks").end, "2019-08-21T12:30");
    // 00:30 on the first day's schedule: it stays on that day, at 00:30 the next morning, for 1:30:00.
    assert.deepEqual(
      [session("Night Owl Session").day, session("Night Owl Session").start, session("Night Owl Session").end],
      ["2019-08-21", "2019-08-22T00:30", "2019-08-22T02:00"],
    );

    // Empty and null tracks are no track; tracks without colours get one from the palette.
    assert.equal(session("Opening & Welcome").track, null);
    assert.equal(session("Lightning Talks").track, null);
    assert.deepEqual(program.tracks.map((t) => t.slug), ["hardware", "ethics", "community"]);
    assert.equal(program.tracks[1]!.color, "#aabbcc");
    assert.match(program.tracks[0]!.color, /^#[0-9a-f]{6}$/);

    // Rooms known only from the days and events; slugs without the acronym, or made from titles, unique.
    assert.deepEqual(program.rooms.map((r) => r.name), ["Saal 1", "Workshop Tent", "Bar"]);
    assert.deepEqual(
      program.sessions.map((s) => s.slug),
      ["101-opening", "lightning-talks", "night-owl-session", "solder-your-badge", "lightning-talks-2", "106-closing"],
    );

    // One speaker per person, with or without ids, whichever name field they use.
    assert.deepEqual(program.speakers.map((s) => [s.slug, s.name]), [["rosa-quirk", "Rosa Quirk"], ["ada-example", "Ada Example"]]);
    assert.equal(program.speakers[1]!.bio, "Builds things\\\nand breaks them.");
    assert.deepEqual(session("Closing").speakers, ["ada-example", "rosa-quirk"]);
    assert.deepEqual([session("Lightning Talks").kind, session("Solder Your Badge").kind, session("Closing").kind], ["lightning", "workshop", "talk"]);
  });

  it("loads the quirky schedule with the right instants", async () => {
    await loadProgram(db, parseFrabJson(quirky));
    const night = await db.session.findFirstOrThrow({
      where: { conference: { slug: "quirkcamp19" }, title: "Night Owl Session" },
      select: { startsAt: true, endsAt: true, day: { select: { date: true } } },
    });
    assert.equal(night.startsAt.toISOString(), "2019-08-21T22:30:00.000Z");
    assert.equal(night.endsAt.toISOString(), "2019-08-22T00:00:00.000Z");
    assert.equal(night.day.date, "2019-08-21");
  });

  it("tells apart namesakes whose ids differ, and merges the same person seen by guid", () => {
    const doc = JSON.parse(quirky);
    const saal = doc.schedule.conference.days[0].rooms["Saal 1"];
    saal[0].persons = [{ id: 1, public_name: "Sam Same" }, { guid: "9f5bd1a2-3c4d-4e5f-8a6b-7c8d9e0f1a2b", name: "Kim" }];
    saal[1].persons = [{ id: 2, public_name: "Sam Same" }, { guid: "9f5bd1a2-3c4d-4e5f-8a6b-7c8d9e0f1a2b", name: "Kim Renamed" }];
    const program = parseFrabJson(JSON.stringify(doc));
    assert.deepEqual(program.sessions[0]!.speakers, ["sam-same", "kim"]);
    assert.deepEqual(program.sessions[1]!.speakers, ["sam-same-2", "kim"]);
  });

  it("falls back to a fixed zone from the events' offsets when the file names none", () => {
    const doc = JSON.parse(quirky);
    delete doc.schedule.conference.time_zone_name;
    const program = parseFrabJson(JSON.stringify(doc));
    assert.equal(program.conference.timeZone, "Etc/GMT-2");
    assert.equal(program.sessions[0]!.start, "2019-08-21T10:00");
  });

  it("says where and why a file is malformed", () => {
    const invalid = formatError(() => parseFrabJson('{\n  "schedule": {\n    "version": "1",,\n  }\n}'));
    assert.equal(invalid.where, "line 3, column 20");
    assert.match(invalid.reason, /^invalid JSON: /);

    const withoutTitle = JSON.parse(quirky);
    delete withoutTitle.schedule.conference.days[1].rooms["Saal 1"][0].title;
    const missing = formatError(() => parseFrabJson(JSON.stringify(withoutTitle)));
    assert.equal(missing.where, "schedule.conference.days[1].rooms.Saal 1[0].title");
    assert.equal(missing.reason, "is missing");

    const badDuration = JSON.parse(quirky);
    badDuration.schedule.conference.days[0].rooms["Saal 1"][2].duration = "abc";
    const duration = formatError(() => parseFrabJson(JSON.stringify(badDuration)));
    assert.equal(duration.message, 'schedule.conference.days[0].rooms.Saal 1[2].duration: "abc" is not a duration like 01:30');

    const badZone = JSON.parse(quirky);
    badZone.schedule.conference.time_zone_name = "Mars/Olympus_Mons";
    assert.equal(formatError(() => parseFrabJson(JSON.stringify(badZone))).where, "schedule.conference.time_zone_name");

    const longTitle = JSON.parse(quirky);
    longTitle.schedule.conference.days[0].rooms["Workshop Tent"][0].title = "x".repeat(301);
    assert.equal(formatError(() => parseFrabJson(JSON.stringify(longTitle))).where, "schedule.conference.days[0].rooms.Workshop Tent[0].title");

    const twice = JSON.parse(quirky);
    twice.schedule.conference.days[1].rooms["Bar"][0].guid = twice.schedule.conference.days[0].rooms["Saal 1"][0].guid;
    const duplicate = formatError(() => parseFrabJson(JSON.stringify(twice)));
    assert.equal(duplicate.message, 'schedule.conference.days[1].rooms.Bar[0]: "0b9c8f3e-1d2a-4c5b-8e7f-6a5b4c3d2e1f" appears twice');

    assert.equal(formatError(() => parseFrabJson('{"schedule": {"conference": {"acronym": "x", "title": "X", "days": []}}}')).reason, "has no days");
    assert.equal(formatError(() => parseFrabJson('{"schedule": ')).where, "line 1, end of file");
  });
});
