import assert from "node:assert/strict";
import { before, describe, it } from "node:test";
import type ICAL from "ical.js";
import { dockerconEu2017 } from "../../prisma/seed/dockercon-eu-2017";
import { setupTestDatabase } from "../test/database";
import { parseCalendar } from "../test/ical";
import { calendarForSessions, type CalendarSession } from "./ical";

await setupTestDatabase();
const { db } = await import("../db/client");
const { seedDemo } = await import("../../prisma/seed");
const { loadProgram } = await import("../program/load-program");
const { readCalendar } = await import("./read-calendar");

const demoSlug = dockerconEu2017.conference.slug;
const uidDomain = "hallway.example.org";
const baseUrl = "https://hallway.example.org/";

async function feedFor(slug: string) {
  const calendar = await readCalendar(db, slug);
  assert.ok(calendar, `${slug} is in the database`);
  return { ...calendar, text: calendarForSessions({ name: calendar.conference.name, uidDomain, baseUrl, ...calendar }) };
}

/** Every physical line, as bytes decoded one line at a time: a line that splits a character does not decode. */
function physicalLines(text: string): string[] {
  const bytes = Buffer.from(text, "utf8");
  const lines: string[] = [];
  let start = 0;
  for (let i = bytes.indexOf("\r\n"); i !== -1; i = bytes.indexOf("\r\n", start)) {
    const line = bytes.subarray(start, i);
    assert.ok(line.length <= 75, `a line of ${line.length} octets: ${line.toString()}`);
    lines.push(new TextDecoder("utf-8", { fatal: true }).decode(line));
    start = i + 2;
  }
  assert.equal(start, bytes.length, "the feed ends with CRLF");
  return lines;
}

const session = (overrides: Partial<CalendarSession>): CalendarSession => ({
  guid: "5b0e6a62-8f0c-4d2e-9a53-0d1c2b3a4f5e",
  slug: "a-session",
  title: "A session",
  abstract: "",
  startsAt: new Date("2017-10-17T07:00:00Z"),
  endsAt: new Date("2017-10-17T08:00:00Z"),
  updatedAt: new Date("2017-09-01T12:00:00Z"),
  status: "scheduled",
  track: null,
  room: null,
  speakers: [],
  ...overrides,
});
const conference = { slug: "test-conf", name: "Test Conf", timeZone: "Europe/Copenhagen", venue: "" };

before(async () => {
  await seedDemo({ db, log: () => {} });
});

describe("calendarForSessions", () => {
  it("gives the demo's sessions as an RFC 5545 feed that a calendar parser reads back", async () => {
    const { text, sessions } = await feedFor(demoSlug);
    assert.equal(text.replace(/\r\n/g, "").includes("\n"), false, "every line ends with CRLF");
    physicalLines(text);

    const { calendar, events: parsed } = parseCalendar(text);
    assert.equal(calendar.getFirstPropertyValue("prodid"), "-//Hallway//Hallway//EN");
    assert.equal(calendar.getFirstPropertyValue("version"), "2.0");
    assert.equal(calendar.getFirstPropertyValue("calscale"), "GREGORIAN");
    assert.equal(calendar.getFirstPropertyValue("method"), "PUBLISH");
    assert.equal(calendar.getFirstPropertyValue("x-wr-calname"), "DockerCon EU 2017");
    assert.equal(calendar.getFirstPropertyValue("x-wr-timezone"), "Europe/Copenhagen");

    const rows = await db.session.findMany({
      where: { conference: { slug: demoSlug } },
      select: {
        guid: true, slug: true, title: true, abstract: true, startsAt: true, endsAt: true, updatedAt: true,
        room: { select: { name: true } }, track: { select: { name: true } },
        speakers: { select: { speaker: { select: { name: true } } }, orderBy: { position: "asc" } },
      },
    });
    assert.equal(parsed.length, rows.length);
    assert.equal(sessions.length, rows.length);
    assert.deepEqual(new Set(parsed.map((p) => p.event.uid)), new Set(rows.map((r) => `${r.guid}@${uidDomain}`)));
    for (const row of rows) {
      const found = parsed.find((p) => p.event.uid === `${row.guid}@${uidDomain}`)!;
      assert.equal(found.event.summary, row.title);
      assert.equal(found.event.startDate.toJSDate().getTime(), row.startsAt.getTime());
      assert.equal(found.event.endDate.toJSDate().getTime(), row.endsAt.getTime());
      assert.equal(found.event.startDate.zone?.tzid, "UTC");
      assert.equal(found.event.location, `${row.room!.name}, Bella Center`);
      assert.ok(found.event.description.startsWith(row.abstract));
      assert.ok(found.event.description.endsWith(`Speakers: ${row.speakers.map((s) => s.speaker.name).join(", ")}`));
      assert.equal(found.vevent.getFirstPropertyValue("url"), `https://hallway.example.org/${demoSlug}/sessions/${row.slug}`);
      assert.equal(found.vevent.getFirstPropertyValue("categories"), row.track!.name);
      assert.equal(found.vevent.getFirstPropertyValue("status"), "CONFIRMED");
      assert.equal((found.vevent.getFirstPropertyValue("dtstamp") as ICAL.Time).toJSDate().getTime(), Math.floor(row.updatedAt.getTime() / 1000) * 1000);
    }
  });

  it("rings a VALARM the chosen minutes before each session that is on, and none when none is chosen", async () => {
    const calendar = await readCalendar(db, demoSlug);
    assert.ok(calendar);
    const cancelled = { ...calendar.sessions[0]!, status: "cancelled" };
    const sessions = [cancelled, ...calendar.sessions.slice(1, 4)];
    const feed = (reminderMinutes?: number) => parseCalendar(calendarForSessions({ name: "Mine", uidDomain, baseUrl, ...calendar, sessions, reminderMinutes })).events;
    for (const minutes of [5, 10, 30]) {
      const [off, ...on] = feed(minutes);
      assert.equal(off!.vevent.getAllSubcomponents("valarm").length, 0, "a cancelled session rings for nothing");
      for (const event of on) {
        const [alarm, ...more] = event.vevent.getAllSubcomponents("valarm");
        assert.ok(alarm && more.length === 0, "one alarm per session");
        assert.equal(alarm.getFirstPropertyValue("action"), "DISPLAY");
        assert.equal(alarm.getFirstPropertyValue("description"), event.summary);
        const trigger = alarm.getFirstPropertyValue("trigger") as ICAL.Duration;
        assert.equal(trigger.toSeconds(), -minutes * 60);
      }
    }
    for (const none of [undefined, 0]) assert.ok(feed(none).every((event) => event.vevent.getAllSubcomponents("valarm").length === 0));
  });

  it("writes the same bytes for the same sessions", async () => {
    assert.equal((await feedFor(demoSlug)).text, (await feedFor(demoSlug)).text);
  });

  it("marks a session that left the program as cancelled, under the same UID", async () => {
    const program = structuredClone(dockerconEu2017);
    program.conference.slug = "dockercon-feed-test";
    await loadProgram(db, program);
    const before = parseCalendar((await feedFor("dockercon-feed-test")).text).events;
    await loadProgram(db, { ...program, sessions: program.sessions.filter((s) => s.slug !== "linuxkit-deep-dive") });
    const after = parseCalendar((await feedFor("dockercon-feed-test")).text).events;
    const uid = `7d63e045-b1f3-422e-9eb5-5b198797962b@${uidDomain}`;
    assert.equal(before.find((e) => e.event.uid === uid)?.vevent.getFirstPropertyValue("status"), "CONFIRMED");
    assert.equal(after.find((e) => e.event.uid === uid)?.vevent.getFirstPropertyValue("status"), "CANCELLED");
    assert.equal(after.filter((e) => e.vevent.getFirstPropertyValue("status") === "CONFIRMED").length, 9);
  });

  it("folds long lines at 75 octets without splitting a character", () => {
    const title = "Ünïcödé 😀 containers, "
      .repeat(25)
      .slice(0, 500);
    assert.equal(title.length, 500);
    const text = calendarForSessions({ name: "Folding", sessions: [session({ title, abstract: `🚀${"é".repeat(300)}` })], conference, uidDomain, baseUrl });
    const lines = physicalLines(text);
    assert.ok(lines.filter((line) => line.startsWith(" ")).length > 10, "the title and abstract were folded");
    const [parsed] = parseCalendar(text).events;
    assert.equal(parsed!.event.summary, title);
    assert.equal(parsed!.event.description, `🚀${"é".repeat(300)}`);
  });

  it("escapes semicolons, commas, backslashes and newlines in text", () => {
    const title = "Semi; colon, comma \\ backslash\nnew line";
    const text = calendarForSessions({
      name: "A; B, C",
      sessions: [session({ title, abstract: "one\r\ntwo", room: { name: "Room 1, upstairs" }, track: { name: "Ops; Dev" } })],
      conference: { ...conference, venue: "Bella Center" },
      uidDomain,
      baseUrl,
    });
    assert.ok(text.includes("SUMMARY:Semi\\; colon\\, comma \\\\ backslash\\nnew line\r\n"));
    assert.ok(text.includes("X-WR-CALNAME:A\\; B\\, C\r\n"));
    // (ical.js reads X- properties as raw values, so X-WR-CALNAME is checked as written above.)
    const [parsed] = parseCalendar(text).events;
    assert.equal(parsed!.event.summary, title);
    assert.equal(parsed!.event.description, "one\ntwo");
    assert.equal(parsed!.event.location, "Room 1, upstairs, Bella Center");
    assert.equal(parsed!.vevent.getFirstPropertyValue("categories"), "Ops; Dev");
  });
});
