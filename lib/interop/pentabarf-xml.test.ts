import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { before, describe, it } from "node:test";
import { dockerconEu2017 } from "../../prisma/seed/dockercon-eu-2017";
import { setupTestDatabase } from "../test/database";
import { programSchema } from "../program/program-schema";
import { tinyProgram } from "../test/programs";
import { openEmptyDatabase } from "./fixtures/empty-database";
import { formatError } from "./fixtures/format-error";
import { scheduleXmlProblems } from "./fixtures/voc-schedule-schemas";

await setupTestDatabase();
const { db } = await import("../db/client");
const { seedDemo } = await import("../../prisma/seed");
const { loadProgram } = await import("../program/load-program");
const { readProgram } = await import("./read-program");
const { exportPentabarfXml, parsePentabarfXml } = await import("./pentabarf-xml");
const { exportFrabJson } = await import("./frab-json");
const { parseProgram } = await import("./detect");

const demoSlug = dockerconEu2017.conference.slug;
const baseUrl = "https://hallway.example.org";
const quirky = readFileSync(new URL("./fixtures/quirky-schedule.xml", import.meta.url), "utf8");

async function demoXml() {
  return exportPentabarfXml((await readProgram(db, demoSlug))!, { baseUrl });
}


before(async () => {
  await seedDemo({ db, log: () => {} });
});

describe("exportPentabarfXml", () => {
  it("writes the demo as schedule.xml.xsd requires", async () => {
    const xml = await demoXml();
    assert.deepEqual(scheduleXmlProblems(xml), []);
    assert.match(xml, /^<\?xml version="1\.0" encoding="UTF-8"\?>\n<schedule>/);
    assert.match(xml, /<time_zone_name>Europe\/Copenhagen<\/time_zone_name>/);
    assert.match(xml, /<day index="2" date="2017-10-17" start="2017-10-17T09:00:00\+02:00" end="[^"]+">/);
    assert.match(xml, /<event guid="dc1f8575-ce62-40dc-a36a-81e92d9ebbdd" id="\d+">\n\s+<date>2017-10-17T09:00:00\+02:00<\/date>\n\s+<start>09:00<\/start>\n\s+<duration>02:00<\/duration>/);
    assert.equal(await demoXml(), xml, "the same data gives the same bytes");
  });

  it("is checked by a validator that rejects what the schema rejects", async () => {
    const xml = await demoXml();
    assert.notDeepEqual(scheduleXmlProblems(xml.replace("<duration>02:00</duration>", "<duration>2 hours</duration>")), []);
    assert.notDeepEqual(scheduleXmlProblems(xml.replace(/<title>General Session Day 1<\/title>/, "")), []);
    assert.notDeepEqual(scheduleXmlProblems(xml.replace(/ id="\d+"/, ' id="0"')), []);
  });

  it("escapes what XML must escape, and reads it back the same", () => {
    const program = structuredClone(tinyProgram());
    const title = `Tags <b> & "quotes" 'too' ]]> done`;
    program.sessions[0]!.title = title;
    program.sessions[0]!.abstract = "Line one\nLine <two> & three\u0007";
    program.rooms[0]!.name = `Room "A" & <B>`;
    program.speakers[0]!.name = "Zoë <Café> & Co";
    const xml = exportPentabarfXml(programSchema.parse(program));
    assert.deepEqual(scheduleXmlProblems(xml), []);
    assert.match(xml, /<room name="Room &quot;A&quot; &amp; &lt;B&gt;"/);
    assert.ok(!xml.includes("\u0007"), "a character XML cannot hold is dropped");
    const back = parsePentabarfXml(xml);
    assert.equal(back.sessions[0]!.title, title);
    assert.equal(back.sessions[0]!.abstract, "Line one\nLine <two> & three");
    assert.equal(back.rooms[0]!.name, `Room "A" & <B>`);
    assert.equal(back.speakers[0]!.name, "Zoë <Café> & Co");
  });
});

describe("parsePentabarfXml", () => {
  it("survives the round trip through an empty database unchanged", async () => {
    const first = await demoXml();
    const empty = await openEmptyDatabase();
    await loadProgram(empty, parsePentabarfXml(first));
    assert.equal(exportPentabarfXml((await readProgram(empty, demoSlug))!, { baseUrl }), first);
  });

  it("reads a hand-written Pentabarf-style schedule.xml", () => {
    const program = parsePentabarfXml(quirky);
    assert.equal(program.conference.slug, "kkk-2009");
    assert.deepEqual([program.conference.venue, program.conference.city], ["Alte Mensa", "Kiel"]);
    assert.deepEqual(program.days.map((d) => d.date), ["2009-03-28", "2009-03-29"]);
    const [talk, night, closing] = program.sessions;
    assert.equal(talk!.title, "Schedulers <3 Caches");
    assert.equal(talk!.slug, "11-schedulers");
    assert.equal(talk!.abstract, "Why the scheduler & the cache disagree.\n\nCafé talk, 😀 included.");
    assert.equal(program.rooms[0]!.name, "Hörsaal A & B");
    assert.deepEqual(program.speakers.map((s) => s.name), ["Jörg Beispiel", "Mia Muster"]);
    // 01:30 without a date, on a day that starts at 10:00, is the night after; 45 minutes across the jump to summer time.
    assert.deepEqual([night!.day, night!.start, night!.end], ["2009-03-28", "2009-03-29T01:30", "2009-03-29T03:15"]);
    assert.equal(night!.track, null);
    assert.equal(closing!.day, "2009-03-29");
  });

  it("names the line of what is wrong", () => {
    const broken = formatError(() => parsePentabarfXml(quirky.replace("</title>\n        <subtitle/>", "</titel>\n        <subtitle/>")));
    assert.equal(broken.where, "line 26");
    assert.match(broken.reason, /^malformed XML: /);

    const badDuration = formatError(() => parsePentabarfXml(quirky.replace("<duration>0:45</duration>", "<duration>abc</duration>")));
    assert.equal(badDuration.message, 'line 41, duration: "abc" is not a duration like 01:30');

    const noTitle = formatError(() => parsePentabarfXml(quirky.replace("<title>Closing</title>", "")));
    assert.equal(noTitle.message, "line 57, title: is missing");

    const twoTitles = formatError(() => parsePentabarfXml(quirky.replace("<title>Closing</title>", "<title>Closing</title><title>Again</title>")));
    assert.match(twoTitles.message, /^line 57, title: must be text, not a list/);
  });
});

describe("parseProgram", () => {
  it("tells the formats apart by their content", async () => {
    const program = (await readProgram(db, demoSlug))!;
    const fromJson = parseProgram(JSON.stringify(exportFrabJson(program)));
    const fromXml = parseProgram(`\uFEFF\n  ${exportPentabarfXml(program)}`);
    assert.equal(fromJson.sessions.length, 10);
    assert.equal(fromXml.sessions.length, 10);
    assert.equal(parseProgram(quirky).conference.slug, "kkk-2009");
  });

  it("says which file it could not read, and why", () => {
    assert.equal(formatError(() => parseProgram('{"sessions": []}', { sourceName: "talks.json" })).message, 'talks.json: JSON: has no "schedule" key: not a frab, pretalx or c3voc schedule.json');
    assert.match(formatError(() => parseProgram("<html><body/></html>", { sourceName: "page.html" })).message, /^page\.html: XML: has no <schedule> element/);
    assert.match(formatError(() => parseProgram("BEGIN:VCALENDAR\r\n")).reason, /iCalendar/);
    assert.match(formatError(() => parseProgram("title,start\n")).reason, /neither JSON nor XML/);
  });

  it("takes another conference slug when asked", () => {
    assert.equal(parseProgram(quirky, { conferenceSlug: "kiel-2009" }).conference.slug, "kiel-2009");
  });
});
