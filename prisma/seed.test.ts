import assert from "node:assert/strict";
import { before, describe, it } from "node:test";
import { setupTestDatabase } from "../lib/test/database";
import { formatTime, localDate } from "../lib/time";

await setupTestDatabase();
const { db } = await import("../lib/db/client");
const { demoAttendeeId, seedDemo } = await import("./seed");

const zone = "Europe/Copenhagen";

/**
 * The sessions table of shared/seeds/README.md (official titles, and the day, track and
 * speakers where the sources give them), plus the 16 October workshop it names.
 */
const published: { title: string; day?: string; track?: string; speakers: string[] }[] = [
  {
    title: "Introduction to Docker for Enterprise Operations", day: "2017-10-16", track: "Workshops", speakers: ["Bill Mills"],
  },
  {
    title: "General Session Day 1", day: "2017-10-17", track: "General Session",
    speakers: ["Steve Singh", "Solomon Hykes", "Brendan Burns", "David Gageot", "Tim Hockin", "Kristie Howard", "Ben Bonnefoy", "Daniel Hiltgen", "Alex Mavrogiannis", "Jeff Murr"],
  },
  {
    title: "General Session Day 2", day: "2017-10-18", track: "General Session", speakers: ["Scott Johnston", "Markus Niskanen", "Jason McGee"],
  },
  { title: "Play With Docker (PWD): Inside Out", speakers: ["Jonathan Leibiusky", "Marcos Lilljedahl"] },
  { title: "LinuxKit Deep Dive", day: "2017-10-17", track: "Black Belt", speakers: ["Rolf Neugebauer", "Justin Cormack"] },
  { title: "My Journey to Go", speakers: ["Ashley McNamara"] },
  { title: "Modernizing Traditional Apps: Java Edition", speakers: ["Sophia Parafina", "Arun Gupta"] },
  { title: "Containerizing Hardware Accelerated Applications", speakers: ["Chelsea Mafrica"] },
  { title: "Looking Under the Hood: containerD", day: "2017-10-18", track: "Edge", speakers: ["Scott Coulton"] },
  { title: "Taking Docker to Production: What You Need to Know and Decide", speakers: ["Bret Fisher"] },
];

const loadSessions = () =>
  db.session.findMany({
    where: { conference: { slug: "dockercon-eu-2017" } },
    select: {
      id: true, slug: true, title: true, startsAt: true, endsAt: true, illustrative: true, status: true, updatedAt: true,
      day: { select: { date: true } }, track: { select: { name: true } }, room: { select: { name: true } },
      speakers: { select: { speaker: { select: { name: true, affiliation: true } } }, orderBy: { position: "asc" } },
    },
    orderBy: { startsAt: "asc" },
  });

/** What a second run of the seed could change. */
async function snapshot() {
  return {
    counts: await Promise.all([
      db.conference.count(), db.day.count(), db.track.count(), db.room.count(), db.speaker.count(),
      db.session.count(), db.sessionSpeaker.count(), db.user.count(), db.note.count(),
    ]),
    sessions: await db.session.findMany({ orderBy: { id: "asc" } }),
    notes: await db.note.findMany({ orderBy: { id: "asc" } }),
  };
}

before(async () => {
  await seedDemo({ db, log: () => {} });
});

describe("the demo conference", () => {
  it("is DockerCon EU 2017 at the Bella Center, 16 to 19 October, in Copenhagen's time zone", async () => {
    const conference = await db.conference.findUniqueOrThrow({ where: { slug: "dockercon-eu-2017" }, include: { days: { orderBy: { date: "asc" } } } });
    assert.deepEqual(
      [conference.name, conference.venue, conference.city, conference.timeZone, conference.startDate, conference.endDate],
      ["DockerCon EU 2017", "Bella Center", "Copenhagen", zone, "2017-10-16", "2017-10-19"],
    );
    assert.deepEqual(conference.days.map((d) => d.date), ["2017-10-16", "2017-10-17", "2017-10-18", "2017-10-19"]);
  });

  it("holds every session of the README under its official title, with its speakers", async () => {
    const sessions = await loadSessions();
    assert.deepEqual(sessions.map((s) => s.title).sort(), published.map((p) => p.title).sort());
    for (const expected of published) {
      const session = sessions.find((s) => s.title === expected.title)!;
      assert.deepEqual(session.speakers.map((l) => l.speaker.name), expected.speakers, expected.title);
      if (expected.day) assert.equal(session.day.date, expected.day, expected.title);
      if (expected.track) assert.equal(session.track?.name, expected.track, expected.title);
      assert.equal(session.status, "scheduled");
    }
  });

  it("spells speakers as the README corrects them, not as the wrap-up does", async () => {
    const names = (await db.speaker.findMany({ select: { name: true } })).map((s) => s.name);
    assert.ok(names.includes("Tim Hockin") && !names.includes("Tim Hawkins"));
    assert.ok(names.includes("Bret Fisher") && !names.includes("Brett Fisher"));
  });

  it("puts LinuxKit on 17 October in Black Belt and containerD on 18 October in Edge", async () => {
    const sessions = await loadSessions();
    const linuxkit = sessions.find((s) => s.slug === "linuxkit-deep-dive")!;
    const containerd = sessions.find((s) => s.slug === "looking-under-the-hood-containerd")!;
    assert.deepEqual([linuxkit.day.date, localDate(linuxkit.startsAt, zone), linuxkit.track?.name], ["2017-10-17", "2017-10-17", "Black Belt"]);
    assert.deepEqual([containerd.day.date, localDate(containerd.startsAt, zone), containerd.track?.name], ["2017-10-18", "2017-10-18", "Edge"]);
  });

  it("starts both general sessions at 09:00 Copenhagen time, and the workshop runs 09:00 to 17:00", async () => {
    const sessions = await loadSessions();
    for (const slug of ["general-session-day-1", "general-session-day-2"]) {
      const session = sessions.find((s) => s.slug === slug)!;
      assert.equal(formatTime(session.startsAt, zone), "09:00", slug);
      assert.equal(session.startsAt.getUTCHours(), 7, `${slug}: CEST is UTC+2`);
    }
    const workshop = sessions.find((s) => s.slug === "introduction-to-docker-for-enterprise-operations")!;
    assert.deepEqual([formatTime(workshop.startsAt, zone), formatTime(workshop.endsAt, zone)], ["09:00", "17:00"]);
  });

  it("places every session on its own day and marks its invented room and times as illustrative", async () => {
    for (const session of await loadSessions()) {
      assert.equal(localDate(session.startsAt, zone), session.day.date, session.slug);
      assert.ok(session.endsAt > session.startsAt, session.slug);
      // Neither source names a room, so every room in the demo is a placeholder.
      assert.ok(session.room, session.slug);
      assert.equal(session.illustrative, true, session.slug);
    }
  });
});

describe("the demo attendee", () => {
  it("exists, with an address no mail can reach, and has only public notes", async () => {
    const user = await db.user.findUniqueOrThrow({ where: { id: demoAttendeeId }, include: { notes: { include: { session: true } } } });
    assert.equal(demoAttendeeId, "demo-attendee");
    assert.equal(user.name, "SoftwareAG attendee");
    assert.match(user.email, /\.invalid$/);
    assert.equal(user.emailVerified, false);
    assert.equal(user.notes.length, 9);
    assert.ok(user.notes.every((n) => n.visibility === "public"));
    // A note on every README session the wrap-up covers; the workshop is not in the wrap-up.
    assert.deepEqual(
      user.notes.map((n) => n.session.title).sort(),
      published.map((p) => p.title).filter((t) => t !== "Introduction to Docker for Enterprise Operations").sort(),
    );
  });
});

describe("seeding again", () => {
  it("changes nothing", async () => {
    const before = await snapshot();
    await seedDemo({ db, log: () => {} });
    assert.deepEqual(await snapshot(), before);
  });

  it("leaves a database that holds a conference alone when asked to", async () => {
    const note = await db.note.findFirstOrThrow({ where: { userId: demoAttendeeId, session: { slug: "my-journey-to-go" } } });
    await db.note.update({ where: { id: note.id }, data: { body: "Edited since the seed." } });
    await seedDemo({ db, onlyWhenEmpty: true, log: () => {} });
    assert.equal((await db.note.findUniqueOrThrow({ where: { id: note.id } })).body, "Edited since the seed.");

    // A full seed restores the attendee's note, as a new version.
    await seedDemo({ db, log: () => {} });
    const restored = await db.note.findUniqueOrThrow({ where: { id: note.id } });
    assert.equal(restored.body, note.body);
    assert.equal(restored.version, note.version + 1);
  });
});
