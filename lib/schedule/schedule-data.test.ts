import assert from "node:assert/strict";
import { before, describe, it } from "node:test";
import type { ProgramInput } from "../program/program-schema";
import { MARK_END, MARK_START } from "../search/marks";
import { setupTestDatabase } from "../test/database";
import { createTestUser } from "../test/users";
import { tinyProgram } from "../test/programs";
import { decodeViewKey, encodeViewKey } from "./view-key";

await setupTestDatabase();
const { db } = await import("../db/client");
const { seedDemo } = await import("../../prisma/seed");
const { loadProgram } = await import("../program/load-program");
const { getConference, listConferences } = await import("./conference");
const { countSessions, getSessionDetail, listSessions } = await import("./sessions");
const { loadScheduleView, schedulePageSize } = await import("./schedule-view");
const { href } = await import("../routes");
const { getSpeaker, listSpeakers } = await import("./speakers");
const { conferenceToJson, sessionDetailToJson, sessionToJson } = await import("./api-shape");
const { searchSessions } = await import("./session-search");

type Conference = NonNullable<Awaited<ReturnType<typeof getConference>>>;
let conference: Conference;

/** The demo program in program order: by start, then room position, then title. */
const programOrder = [
  "introduction-to-docker-for-enterprise-operations",
  "general-session-day-1",
  "modernizing-traditional-apps-java-edition",
  "linuxkit-deep-dive",
  "containerizing-hardware-accelerated-applications",
  "general-session-day-2",
  "play-with-docker-inside-out",
  "looking-under-the-hood-containerd",
  "my-journey-to-go",
  "taking-docker-to-production-what-you-need-to-know-and-decide",
];

const dayId = (date: string) => conference.days.find((d) => d.date === date)!.id;
const trackId = (slug: string) => conference.tracks.find((t) => t.slug === slug)!.id;

/** A one-day conference with more sessions than fit on a schedule page. */
function bigProgram(sessionCount: number) {
  const sessions = Array.from({ length: sessionCount }, (_, i) => {
    const minutes = 8 * 60 + i * 5;
    const at = (m: number) => `2019-05-01T${String(Math.floor(m / 60)).padStart(2, "0")}:${String(m % 60).padStart(2, "0")}`;
    return {
      guid: `big-${i}`, slug: `talk-${i}`, title: `Talk ${String(i).padStart(3, "0")}`,
      day: "2019-05-01", start: at(minutes), end: at(minutes + 5), room: "hall",
    };
  });
  return {
    conference: { slug: "big-conf", name: "Big Conf", timeZone: "UTC", startDate: "2019-05-01", endDate: "2019-05-01" },
    days: [{ date: "2019-05-01" }],
    tracks: [],
    rooms: [{ slug: "hall", name: "Hall" }],
    speakers: [],
    sessions,
  } satisfies ProgramInput;
}

before(async () => {
  await seedDemo({ db, log: () => {} });
  conference = (await getConference("dockercon-eu-2017"))!;
});

describe("getConference", () => {
  it("returns the four days, with how many sessions each holds", () => {
    assert.deepEqual(
      conference.days.map((d) => [d.date, d.label, d.sessionCount]),
      [["2017-10-16", "Workshops", 1], ["2017-10-17", "Day 1", 4], ["2017-10-18", "Day 2", 5], ["2017-10-19", "Thursday", 0]],
    );
    assert.equal(conference.sessionCount, 10);
    assert.equal(conference.timeZone, "Europe/Copenhagen");
  });

  it("returns the tracks and rooms in program order", () => {
    assert.deepEqual(conference.tracks.map((t) => t.name), [
      "General Session", "Workshops", "Using Docker", "Docker Best Practices", "Use Case",
      "Black Belt", "Edge", "Transform", "Ecosystem", "Community Theater",
    ]);
    assert.deepEqual(conference.rooms.map((r) => r.slug), [
      "main-hall", "auditorium-10", "auditorium-11", "auditorium-12", "auditorium-15", "community-theater", "workshop-room-c1",
    ]);
  });

  it("returns null for a conference that does not exist", async () => {
    assert.equal(await getConference("no-such-conference"), null);
    assert.deepEqual((await listConferences()).map((c) => c.slug), ["dockercon-eu-2017"]);
  });
});

describe("listSessions", () => {
  it("lists the whole program in start order, parallel sessions by room", async () => {
    const sessions = await listSessions(conference.id);
    assert.deepEqual(sessions.map((s) => s.slug), programOrder);
    for (let i = 1; i < sessions.length; i++) assert.ok(sessions[i - 1]!.startsAt <= sessions[i]!.startsAt);
    assert.equal(await countSessions(conference.id), 10);
  });

  it("filters by day, by track, and by both", async () => {
    const day1 = await listSessions(conference.id, { dayId: dayId("2017-10-17") });
    assert.deepEqual(day1.map((s) => s.slug), programOrder.slice(1, 5));
    assert.ok(day1.every((s) => s.day === "2017-10-17"));

    const theater = await listSessions(conference.id, { trackId: trackId("community-theater") });
    assert.deepEqual(theater.map((s) => s.slug), [
      "containerizing-hardware-accelerated-applications", "play-with-docker-inside-out", "my-journey-to-go",
    ]);
    const both = await listSessions(conference.id, { dayId: dayId("2017-10-18"), trackId: trackId("community-theater") });
    assert.deepEqual(both.map((s) => s.slug), ["play-with-docker-inside-out", "my-journey-to-go"]);
    assert.equal(await countSessions(conference.id, { dayId: dayId("2017-10-18"), trackId: trackId("community-theater") }), 2);
    assert.deepEqual(await listSessions(conference.id, { dayId: dayId("2017-10-19") }), []);
  });

  it("lists speakers in billing order", async () => {
    const [general] = await listSessions(conference.id, { dayId: dayId("2017-10-17"), take: 1 });
    assert.deepEqual(general?.speakers.slice(0, 3).map((s) => s.name), ["Steve Singh", "Solomon Hykes", "Brendan Burns"]);
  });
});

describe("loadScheduleView", () => {
  it("refuses a day the conference does not have", async () => {
    const view = await loadScheduleView(conference, { day: "2017-10-20" });
    assert.equal(view.ok, false);
    assert.equal(!view.ok && view.problem, "unknown-day");
    assert.match(!view.ok ? view.message : "", /2017-10-16 to 2017-10-19/);
  });

  it("refuses a track the conference does not have", async () => {
    const view = await loadScheduleView(conference, { track: "kubernetes" });
    assert.equal(!view.ok && view.problem, "unknown-track");
  });

  it("refuses a page past the last", async () => {
    const view = await loadScheduleView(conference, { page: 2 });
    assert.equal(!view.ok && view.problem, "page-out-of-range");
    assert.equal((await loadScheduleView(conference, { day: "2017-10-19", page: 2 })).ok, false);
  });

  it("returns one day's sessions, or an empty day", async () => {
    const view = await loadScheduleView(conference, { day: "2017-10-17", track: "black-belt" });
    assert.ok(view.ok);
    assert.equal(view.day?.date, "2017-10-17");
    assert.equal(view.track?.slug, "black-belt");
    assert.deepEqual(view.sessions.map((s) => s.slug), ["linuxkit-deep-dive"]);
    assert.deepEqual([view.page, view.pageCount, view.total, view.q], [1, 1, 1, null]);

    const empty = await loadScheduleView(conference, { day: "2017-10-19" });
    assert.ok(empty.ok);
    assert.deepEqual([empty.sessions, empty.page, empty.pageCount, empty.total], [[], 1, 1, 0]);
  });

  it("returns ranked, highlighted search results for q, within the day and track", async () => {
    const view = await loadScheduleView(conference, { q: "  kubernetes  " });
    assert.ok(view.ok);
    assert.equal(view.q, "kubernetes");
    const expected = await searchSessions("kubernetes", { conferenceId: conference.id });
    assert.deepEqual(view.sessions.map((s) => s.slug), expected.map((s) => s.slug));
    assert.ok(view.sessions.length > 1);
    assert.ok(view.sessions.some((s) => s.snippet?.includes(`${MARK_START}Kubernetes${MARK_END}`)));
    assert.equal(view.total, view.sessions.length);

    const day2 = await loadScheduleView(conference, { q: "kubernetes", day: "2017-10-18" });
    assert.ok(day2.ok);
    assert.ok(day2.sessions.length > 0 && day2.sessions.length < view.sessions.length);
    assert.ok(day2.sessions.every((s) => s.day === "2017-10-18"));
  });

  it("treats blank q as no search", async () => {
    const view = await loadScheduleView(conference, { q: "   " });
    assert.ok(view.ok);
    assert.equal(view.q, null);
    assert.deepEqual(view.sessions.map((s) => s.slug), programOrder);
  });

  it("splits a big day into pages", async () => {
    const count = schedulePageSize + 10;
    await loadProgram(db, bigProgram(count));
    const big = (await getConference("big-conf"))!;
    const first = await loadScheduleView(big, {});
    const second = await loadScheduleView(big, { page: 2 });
    assert.ok(first.ok && second.ok);
    assert.deepEqual([first.sessions.length, first.pageCount, first.total], [schedulePageSize, 2, count]);
    assert.deepEqual([second.sessions.length, second.page], [10, 2]);
    assert.deepEqual(
      [...first.sessions, ...second.sessions].map((s) => s.slug),
      (await listSessions(big.id)).map((s) => s.slug),
    );
    assert.equal(new Set([...first.sessions, ...second.sessions].map((s) => s.slug)).size, count);
    const third = await loadScheduleView(big, { page: 3 });
    assert.equal(!third.ok && third.problem, "page-out-of-range");
    await db.conference.delete({ where: { id: big.id } });
  });

  it("links to each view with only the parameters it needs", () => {
    assert.equal(href.schedule("dockercon-eu-2017", {}), "/dockercon-eu-2017/schedule");
    assert.equal(href.schedule("dockercon-eu-2017", { day: "2017-10-17", track: "edge", page: 1 }), "/dockercon-eu-2017/schedule?day=2017-10-17&track=edge");
    assert.equal(href.schedule("dockercon-eu-2017", { q: "a&b=c", page: 2 }), "/dockercon-eu-2017/schedule?q=a%26b%3Dc&page=2");
  });
});

describe("getSessionDetail", () => {
  it("returns the LinuxKit deep dive with its speakers in billing order and the attendee's public note", async () => {
    const session = await getSessionDetail(conference, "linuxkit-deep-dive");
    assert.ok(session);
    assert.equal(session.title, "LinuxKit Deep Dive");
    assert.equal(session.day, "2017-10-17");
    assert.deepEqual(session.speakers.map((s) => s.name), ["Rolf Neugebauer", "Justin Cormack"]);
    assert.equal(session.publicNotes.length, 1);
    assert.equal(session.publicNotes[0]?.author, "SoftwareAG attendee");
    assert.match(session.publicNotes[0]?.body ?? "", /^LinuxKit is a toolkit/);
  });

  it("never includes private notes", async () => {
    const session = await db.session.findUniqueOrThrow({ where: { conferenceId_slug: { conferenceId: conference.id, slug: "linuxkit-deep-dive" } } });
    await createTestUser(db, { id: "private-writer", name: "Private Writer" });
    await db.note.create({ data: { userId: "private-writer", sessionId: session.id, body: "Only for me", visibility: "private" } });
    const detail = await getSessionDetail(conference, "linuxkit-deep-dive");
    assert.deepEqual(detail?.publicNotes.map((n) => n.author), ["SoftwareAG attendee"]);
    assert.equal(sessionDetailToJson(detail!, conference.slug).publicNotes.some((n) => n.body === "Only for me"), false);
  });

  it("lists exactly the sessions that overlap it as parallel", async () => {
    const all = await listSessions(conference.id);
    for (const slug of programOrder) {
      const session = await getSessionDetail(conference, slug);
      assert.ok(session);
      const overlapping = all
        .filter((s) => s.slug !== slug && s.startsAt < session.endsAt && s.endsAt > session.startsAt)
        .map((s) => s.slug);
      assert.deepEqual(session.parallel.map((s) => s.slug), overlapping, slug);
    }
    const linuxkit = await getSessionDetail(conference, "linuxkit-deep-dive");
    assert.deepEqual(linuxkit?.parallel.map((s) => s.slug), ["containerizing-hardware-accelerated-applications"]);
    assert.deepEqual((await getSessionDetail(conference, "general-session-day-1"))?.parallel, []);
  });

  it("does not count a session that ends as it starts as parallel, and offers it as next in the room", async () => {
    const linuxkit = await db.session.findUniqueOrThrow({ where: { conferenceId_slug: { conferenceId: conference.id, slug: "linuxkit-deep-dive" } } });
    const before = await db.session.create({
      data: {
        conferenceId: conference.id, dayId: linuxkit.dayId, roomId: linuxkit.roomId, slug: "right-before", guid: "right-before",
        title: "Right Before", startsAt: new Date("2017-10-17T11:20:00Z"), endsAt: linuxkit.startsAt,
      },
    });
    try {
      const detail = await getSessionDetail(conference, "linuxkit-deep-dive");
      assert.ok(!detail?.parallel.some((s) => s.slug === "right-before"));
      assert.equal((await getSessionDetail(conference, "right-before"))?.nextInRoom?.slug, "linuxkit-deep-dive");
    } finally {
      await db.session.delete({ where: { id: before.id } });
    }
  });

  it("names the next session in the same room, or null", async () => {
    assert.equal((await getSessionDetail(conference, "general-session-day-1"))?.nextInRoom?.slug, "general-session-day-2");
    assert.equal((await getSessionDetail(conference, "play-with-docker-inside-out"))?.nextInRoom?.slug, "my-journey-to-go");
    assert.equal((await getSessionDetail(conference, "linuxkit-deep-dive"))?.nextInRoom, null);
    assert.equal((await getSessionDetail(conference, "general-session-day-2"))?.nextInRoom, null);
  });

  it("returns null for an unknown slug or another conference's session", async () => {
    assert.equal(await getSessionDetail(conference, "no-such-session"), null);
    await loadProgram(db, tinyProgram());
    const cafe = (await getConference("cafe-conf-2018"))!;
    assert.ok(await getSessionDetail(cafe, "espresso-and-kubernetes"));
    assert.equal(await getSessionDetail(conference, "espresso-and-kubernetes"), null);
  });
});

describe("the sessions API shape", () => {
  it("gives instants as ISO 8601 UTC and the day as the conference's date", async () => {
    const [linuxkit] = (await listSessions(conference.id, { trackId: trackId("black-belt") })).map((s) => sessionToJson(s, conference.slug));
    assert.deepEqual(linuxkit, {
      slug: "linuxkit-deep-dive",
      title: "LinuxKit Deep Dive",
      kind: "talk",
      status: "scheduled",
      startsAt: "2017-10-17T12:00:00.000Z",
      endsAt: "2017-10-17T12:40:00.000Z",
      day: "2017-10-17",
      track: { slug: "black-belt", name: "Black Belt" },
      room: { slug: "auditorium-11", name: "Auditorium 11" },
      speakers: [{ slug: "rolf-neugebauer", name: "Rolf Neugebauer" }, { slug: "justin-cormack", name: "Justin Cormack" }],
      url: "/dockercon-eu-2017/sessions/linuxkit-deep-dive",
    });
    for (const session of await listSessions(conference.id)) {
      const json = sessionToJson(session, conference.slug);
      assert.match(json.startsAt, /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
      assert.match(json.endsAt, /Z$/);
    }
  });

  it("keeps the local day when it differs from the UTC date", async () => {
    const program = tinyProgram();
    program.conference.slug = "auckland-conf";
    program.conference.timeZone = "Pacific/Auckland";
    program.sessions[0]!.start = "2018-03-01T08:00";
    program.sessions[0]!.end = "2018-03-01T08:45";
    await loadProgram(db, program);
    const auckland = (await getConference("auckland-conf"))!;
    const [session] = await listSessions(auckland.id);
    const json = sessionToJson(session!, auckland.slug);
    // 08:00 NZDT (UTC+13) on 1 March is 19:00 UTC on 28 February.
    assert.equal(json.startsAt, "2018-02-28T19:00:00.000Z");
    assert.equal(json.day, "2018-03-01");
  });

  it("describes a session's detail and a conference", async () => {
    const detail = sessionDetailToJson((await getSessionDetail(conference, "linuxkit-deep-dive"))!, conference.slug);
    assert.deepEqual(detail.speakers[0], { slug: "rolf-neugebauer", name: "Rolf Neugebauer", affiliation: "Docker" });
    assert.ok(detail.publicNotes.every((n) => n.updatedAt.endsWith("Z") && n.author === "SoftwareAG attendee"));
    const json = conferenceToJson(conference);
    assert.deepEqual(json.days.map((d) => d.sessionCount), [1, 4, 5, 0]);
    assert.equal(json.timeZone, "Europe/Copenhagen");
    assert.equal("id" in json, false);
  });
});

describe("view keys", () => {
  it("encodes a filter as one path segment and decodes it back", () => {
    assert.equal(encodeViewKey({}), "all~all~1");
    assert.equal(encodeViewKey({ day: "2017-10-17", track: "edge", page: 2 }), "2017-10-17~edge~2");
    for (const filter of [{}, { day: "2017-10-17" }, { track: "black-belt" }, { day: "2017-10-18", track: "edge", page: 3 }]) {
      const decoded = decodeViewKey(encodeViewKey(filter));
      assert.ok(decoded);
      assert.deepEqual([decoded.day, decoded.track, decoded.page], [filter.day, filter.track, "page" in filter ? filter.page : 1]);
    }
    for (const key of ["all~all~1", "2017-10-17~all~1", "all~edge~4", "2017-10-18~community-theater~2"]) {
      assert.equal(encodeViewKey(decodeViewKey(key)!), key);
    }
    assert.equal(decodeViewKey("2017-10-17%7Eedge%7E1")?.track, "edge");
  });

  it("rejects keys that are not a valid filter", () => {
    for (const key of ["", "all", "all~all", "all~all~1~1", "2017-02-30~all~1", "17-10-2017~all~1", "all~Edge~1", "all~black belt~1", "all~all~0", "all~all~-1", "all~all~x", "all~all~1.5", "all~all~100001"]) {
      assert.equal(decodeViewKey(key), null, `key ${JSON.stringify(key)}`);
    }
  });

  it("rejects a malformed percent-escape instead of throwing", () => {
    assert.equal(decodeViewKey("%"), null);
    assert.equal(decodeViewKey("all~all~%E0%A4%A"), null);
  });

  it("accepts only the one spelling of each view", () => {
    for (const key of ["all~all~01", "all~all~1e0", "all~all~ 1", "all~all~0x1", "all~all~"]) {
      assert.equal(decodeViewKey(key), null, `key ${JSON.stringify(key)}`);
    }
  });
});

describe("speakers", () => {
  it("lists every speaker by name with how many sessions they give", async () => {
    const speakers = await listSpeakers(conference.id);
    assert.equal(speakers.length, 24);
    const names = speakers.map((s) => s.name);
    assert.deepEqual(names, [...names].sort());
    assert.deepEqual(speakers.find((s) => s.slug === "rolf-neugebauer"), {
      slug: "rolf-neugebauer", name: "Rolf Neugebauer", affiliation: "Docker", sessionCount: 1,
    });
    assert.ok(speakers.every((s) => s.sessionCount >= 1));
  });

  it("returns one speaker with their sessions in start order, or null", async () => {
    const hykes = await getSpeaker(conference.id, "solomon-hykes");
    assert.equal(hykes?.name, "Solomon Hykes");
    assert.equal(hykes?.bio, "CTO and founder of Docker.");
    assert.deepEqual(hykes?.sessions.map((s) => s.slug), ["general-session-day-1"]);

    // Link him to an earlier session after the later one: the list must still run in time order.
    const workshop = await db.session.findUniqueOrThrow({
      where: { conferenceId_slug: { conferenceId: conference.id, slug: "introduction-to-docker-for-enterprise-operations" } },
    });
    const speaker = await db.speaker.findUniqueOrThrow({ where: { conferenceId_slug: { conferenceId: conference.id, slug: "solomon-hykes" } } });
    await db.sessionSpeaker.create({ data: { sessionId: workshop.id, speakerId: speaker.id, position: 1 } });
    try {
      assert.deepEqual((await getSpeaker(conference.id, "solomon-hykes"))?.sessions.map((s) => s.slug), [
        "introduction-to-docker-for-enterprise-operations",
        "general-session-day-1",
      ]);
    } finally {
      await db.sessionSpeaker.delete({ where: { sessionId_speakerId: { sessionId: workshop.id, speakerId: speaker.id } } });
    }
    assert.equal(await getSpeaker(conference.id, "no-such-speaker"), null);
  });
});
