import assert from "node:assert/strict";
import { before, describe, it } from "node:test";
import { setupTestDatabase } from "../test/database";
import { nightProgram } from "../test/programs";
import { atParamSchema } from "../validation/instant";

await setupTestDatabase();
const { db } = await import("../db/client");
const { seedDemo } = await import("../../prisma/seed");
const { loadProgram } = await import("../program/load-program");
const { getConference } = await import("./conference");
const { conferenceSpan, getNowAndNext, listExploreMoments } = await import("./now");

type Conference = NonNullable<Awaited<ReturnType<typeof getConference>>>;
let demo: Conference;
let night: Conference;

/** Room slug → [now, next] session slugs, in room order. */
async function board(conference: Conference, at: string) {
  const rooms = await getNowAndNext(conference, new Date(at));
  return rooms.map((r) => [r.room.slug, r.now?.slug ?? null, r.next?.slug ?? null]);
}

before(async () => {
  await seedDemo({ db, log: () => {} });
  await loadProgram(db, nightProgram());
  demo = (await getConference("dockercon-eu-2017"))!;
  night = (await getConference("night-conf"))!;
});

describe("getNowAndNext", () => {
  it("shows the two parallel talks at 14:10 on day 1, and what comes next in each room, whatever the day", async () => {
    assert.deepEqual(await board(demo, "2017-10-17T14:10:00+02:00"), [
      ["main-hall", null, "general-session-day-2"],
      ["auditorium-10", null, "taking-docker-to-production-what-you-need-to-know-and-decide"],
      ["auditorium-11", "linuxkit-deep-dive", null],
      ["auditorium-12", null, null],
      ["auditorium-15", null, "looking-under-the-hood-containerd"],
      ["community-theater", "containerizing-hardware-accelerated-applications", "play-with-docker-inside-out"],
      ["workshop-room-c1", null, null],
    ]);
  });

  it("counts a session as on from its first minute up to, not including, its end", async () => {
    const at = async (instant: string) => (await board(demo, instant)).find(([room]) => room === "auditorium-11");
    assert.deepEqual(await at("2017-10-17T13:59:59+02:00"), ["auditorium-11", null, "linuxkit-deep-dive"]);
    assert.deepEqual(await at("2017-10-17T14:00:00+02:00"), ["auditorium-11", "linuxkit-deep-dive", null]);
    assert.deepEqual(await at("2017-10-17T14:40:00+02:00"), ["auditorium-11", null, null]);
  });

  it("follows sessions across midnight", async () => {
    assert.deepEqual(await board(night, "2017-10-17T23:40:00+02:00"), [
      ["room-a", "late-a", "morning-a"],
      ["room-b", null, "late-b"],
      ["room-c", null, null],
    ]);
    assert.deepEqual(await board(night, "2017-10-18T00:10:00+02:00"), [
      ["room-a", null, "morning-a"],
      ["room-b", "late-b", "after-b"],
      ["room-c", null, null],
    ]);
    // after-b starts as late-b ends; the cancelled session is never next.
    assert.deepEqual(await board(night, "2017-10-18T00:30:00+02:00"), [
      ["room-a", null, "morning-a"],
      ["room-b", "after-b", null],
      ["room-c", null, null],
    ]);
  });

  it("never shows a cancelled session as on", async () => {
    assert.deepEqual(await board(night, "2017-10-18T09:45:00+02:00"), [
      ["room-a", "morning-a", null],
      ["room-b", null, null],
      ["room-c", null, null],
    ]);
  });

  it("before the conference shows each room's first session next; after it, nothing", async () => {
    assert.deepEqual(await board(night, "2017-01-01T00:00:00Z"), [
      ["room-a", null, "late-a"],
      ["room-b", null, "late-b"],
      ["room-c", null, null],
    ]);
    assert.ok((await board(demo, "2018-01-01T00:00:00Z")).every(([, now, next]) => now === null && next === null));
  });
});

describe("listExploreMoments", () => {
  it("picks ten minutes into each day's busiest start time, written in the conference's zone", async () => {
    const moments = await listExploreMoments(demo);
    assert.deepEqual(moments.map((m) => [m.label, m.param]), [
      ["Mon 16 Oct 09:10", "2017-10-16T09:10:00+02:00"],
      ["Tue 17 Oct 14:10", "2017-10-17T14:10:00+02:00"],
      ["Wed 18 Oct 14:10", "2017-10-18T14:10:00+02:00"],
    ]);
    assert.equal(moments[1]!.at.toISOString(), "2017-10-17T12:10:00.000Z");
  });
});

describe("conferenceSpan", () => {
  it("runs from midnight of the first day to midnight after the last, in the conference's zone", () => {
    const span = conferenceSpan(demo);
    assert.equal(span.start.toISOString(), "2017-10-15T22:00:00.000Z");
    assert.equal(span.end.toISOString(), "2017-10-19T22:00:00.000Z");
  });
});

describe("?at=", () => {
  const parse = (at: unknown) => atParamSchema.safeParse({ at });

  it("takes ISO 8601 with Z or an offset, and forgives a + that the URL turned into a space", () => {
    for (const [input, iso] of [
      ["2017-10-17T14:10:00+02:00", "2017-10-17T12:10:00.000Z"],
      ["2017-10-17T14:10:00 02:00", "2017-10-17T12:10:00.000Z"],
      ["2017-10-17T12:10:00Z", "2017-10-17T12:10:00.000Z"],
      ["2017-10-17T08:10-04:00", "2017-10-17T12:10:00.000Z"],
    ] as const) {
      const parsed = parse(input);
      assert.ok(parsed.success, input);
      assert.equal(parsed.data.at?.toISOString(), iso, input);
    }
    const absent = parse(undefined);
    assert.ok(absent.success && absent.data.at === undefined);
  });

  it("refuses a date without a time, a time without a zone, and nonsense, saying what it wants", () => {
    for (const input of ["2017-10-17", "2017-10-17T14:10:00", "2017-02-30T14:10:00Z", "now", "2017-10-17T25:00:00Z"]) {
      const parsed = parse(input);
      assert.equal(parsed.success, false, input);
      assert.equal(parsed.error?.issues[0]?.message, "must be a date and time like 2017-10-17T14:10:00+02:00");
    }
  });
});
