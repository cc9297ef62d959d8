import assert from "node:assert/strict";
import { before, describe, it } from "node:test";
import { setupTestDatabase } from "../test/database";
import { createTestUser } from "../test/users";
import { nightProgram, tinyProgram } from "../test/programs";
import { zonedTimeToUtc } from "../time";

await setupTestDatabase();
const { db } = await import("../db/client");
const { seedDemo } = await import("../../prisma/seed");
const { loadProgram } = await import("../program/load-program");
const { getConference } = await import("../schedule/conference");
const { findSession } = await import("../schedule/sessions");
const { starTargetSelect, getAgenda, isStarred, listStarredSessionIds, listStarredSessionSlugs, nextUp, setStar } = await import("./agenda");

type Conference = NonNullable<Awaited<ReturnType<typeof getConference>>>;

const ada = "user-ada";
const bob = "user-bob";
let demo: Conference;
let night: Conference;
const ids = new Map<string, number>();
const id = (slug: string) => ids.get(slug)!;
const slugOf = (sessionId: number) => [...ids].find(([, value]) => value === sessionId)![0];
const copenhagen = (local: string) => zonedTimeToUtc(local, "Europe/Copenhagen");

async function starAll(userId: string, slugs: string[]) {
  for (const slug of slugs) await setStar(userId, id(slug), true);
}

async function clearStars() {
  await db.star.deleteMany({});
}

before(async () => {
  await seedDemo({ db, log: () => {} });
  await loadProgram(db, tinyProgram());
  await loadProgram(db, nightProgram());
  await createTestUser(db, { id: ada, name: "Ada" });
  await createTestUser(db, { id: bob, name: "Bob" });
  demo = (await getConference("dockercon-eu-2017"))!;
  night = (await getConference("night-conf"))!;
  for (const s of await db.session.findMany({ select: { id: true, slug: true } })) ids.set(s.slug, s.id);
});

describe("setStar", () => {
  it("stars once however often it is asked, and unstars the same way", async () => {
    await clearStars();
    await setStar(ada, id("linuxkit-deep-dive"), true);
    await setStar(ada, id("linuxkit-deep-dive"), true);
    assert.equal(await db.star.count({ where: { userId: ada } }), 1);
    assert.equal(await isStarred(ada, id("linuxkit-deep-dive")), true);

    await setStar(ada, id("linuxkit-deep-dive"), false);
    await setStar(ada, id("linuxkit-deep-dive"), false);
    assert.equal(await db.star.count({ where: { userId: ada } }), 0);
    assert.equal(await isStarred(ada, id("linuxkit-deep-dive")), false);
  });

  it("survives two stars of the same session at once", async () => {
    await clearStars();
    await Promise.all([setStar(ada, id("my-journey-to-go"), true), setStar(ada, id("my-journey-to-go"), true)]);
    assert.deepEqual(await listStarredSessionSlugs(ada, demo.id), ["my-journey-to-go"]);
  });
});

describe("listing stars", () => {
  it("lists my stars at one conference in start order, as ids and as slugs", async () => {
    await clearStars();
    await starAll(ada, ["taking-docker-to-production-what-you-need-to-know-and-decide", "general-session-day-1", "espresso-and-kubernetes", "linuxkit-deep-dive"]);
    const expected = ["general-session-day-1", "linuxkit-deep-dive", "taking-docker-to-production-what-you-need-to-know-and-decide"];
    assert.deepEqual(await listStarredSessionSlugs(ada, demo.id), expected);
    assert.deepEqual(await listStarredSessionIds(ada, demo.id), expected.map(id));
    const cafe = (await getConference("cafe-conf-2018"))!;
    assert.deepEqual(await listStarredSessionSlugs(ada, cafe.id), ["espresso-and-kubernetes"]);
  });

  it("finds the session a star URL names only within its conference", async () => {
    const target = await findSession("dockercon-eu-2017", "linuxkit-deep-dive", starTargetSelect);
    assert.deepEqual(target, {
      id: id("linuxkit-deep-dive"), slug: "linuxkit-deep-dive", title: "LinuxKit Deep Dive",
      conference: { id: demo.id, slug: "dockercon-eu-2017" },
    });
    assert.equal(await findSession("cafe-conf-2018", "linuxkit-deep-dive", starTargetSelect), null);
    assert.equal(await findSession("dockercon-eu-2017", "no-such-session", starTargetSelect), null);
  });
});

describe("ownership", () => {
  it("never lists or changes another person's stars", async () => {
    await clearStars();
    await starAll(ada, ["linuxkit-deep-dive", "my-journey-to-go"]);

    assert.deepEqual(await listStarredSessionIds(bob, demo.id), []);
    assert.deepEqual(await listStarredSessionSlugs(bob, demo.id), []);
    assert.deepEqual((await getAgenda(bob, demo)).sessions, []);
    assert.equal(await isStarred(bob, id("linuxkit-deep-dive")), false);

    // Bob unstarring a session Ada starred removes nothing of Ada's.
    await setStar(bob, id("linuxkit-deep-dive"), false);
    assert.deepEqual(await listStarredSessionSlugs(ada, demo.id), ["linuxkit-deep-dive", "my-journey-to-go"]);

    // Bob starring it too gives him his own star and leaves Ada's alone.
    await setStar(bob, id("linuxkit-deep-dive"), true);
    await setStar(ada, id("linuxkit-deep-dive"), false);
    assert.deepEqual(await listStarredSessionSlugs(bob, demo.id), ["linuxkit-deep-dive"]);
    assert.deepEqual(await listStarredSessionSlugs(ada, demo.id), ["my-journey-to-go"]);
  });
});

describe("getAgenda", () => {
  it("groups starred sessions by conference day, in start order", async () => {
    await clearStars();
    await starAll(ada, ["general-session-day-2", "linuxkit-deep-dive", "introduction-to-docker-for-enterprise-operations", "my-journey-to-go"]);
    const agenda = await getAgenda(ada, demo);
    assert.deepEqual(
      agenda.days.map((day) => [day.date, day.label, day.sessions.map((s) => s.slug)]),
      [
        ["2017-10-16", "Workshops", ["introduction-to-docker-for-enterprise-operations"]],
        ["2017-10-17", "Day 1", ["linuxkit-deep-dive"]],
        ["2017-10-18", "Day 2", ["general-session-day-2", "my-journey-to-go"]],
      ],
    );
    assert.deepEqual(agenda.sessions.map((s) => s.slug), agenda.days.flatMap((day) => day.sessions.map((s) => s.slug)));
  });

  it("flags sessions whose times intersect, and only those", async () => {
    await clearStars();
    // LinuxKit and hardware acceleration both run 14:00–14:40 on the 17th; containerd and Go at 14:00 on the 18th.
    await starAll(ada, ["linuxkit-deep-dive", "containerizing-hardware-accelerated-applications", "general-session-day-1", "looking-under-the-hood-containerd", "my-journey-to-go", "play-with-docker-inside-out"]);
    const overlaps = Object.fromEntries((await getAgenda(ada, demo)).sessions.map((s) => [s.slug, s.overlaps.map(slugOf)]));
    assert.deepEqual(overlaps, {
      "general-session-day-1": [],
      "containerizing-hardware-accelerated-applications": ["linuxkit-deep-dive"],
      "linuxkit-deep-dive": ["containerizing-hardware-accelerated-applications"],
      "play-with-docker-inside-out": [],
      "looking-under-the-hood-containerd": ["my-journey-to-go"],
      "my-journey-to-go": ["looking-under-the-hood-containerd"],
    });
  });

  it("keeps a session that runs past midnight on its own day; touching ends and cancelled sessions clash with nothing", async () => {
    await clearStars();
    await starAll(ada, ["late-a", "late-b", "after-b", "morning-a", "cancelled-b"]);
    const agenda = await getAgenda(ada, night);
    assert.deepEqual(agenda.days.map((day) => [day.date, day.sessions.map((s) => s.slug)]), [
      ["2017-10-17", ["late-a", "late-b"]],
      ["2017-10-18", ["after-b", "morning-a", "cancelled-b"]],
    ]);
    const overlaps = Object.fromEntries(agenda.sessions.map((s) => [s.slug, s.overlaps.map(slugOf)]));
    assert.deepEqual(overlaps, { "late-a": ["late-b"], "late-b": ["late-a"], "after-b": [], "morning-a": [], "cancelled-b": [] });
  });
});

describe("nextUp", () => {
  it("says what is on and what to go to next at any instant", async () => {
    await clearStars();
    await starAll(ada, ["late-a", "late-b", "after-b", "morning-a", "cancelled-b"]);
    const agenda = await getAgenda(ada, night);
    const at = (local: string) => {
      const { current, next } = nextUp(agenda, copenhagen(local));
      return [current?.slug ?? null, next?.slug ?? null];
    };
    assert.deepEqual(at("2017-10-17T20:00"), [null, "late-a"], "before everything");
    assert.deepEqual(at("2017-10-17T23:30"), ["late-a", "late-b"], "as the first starts");
    assert.deepEqual(at("2017-10-17T23:55"), ["late-a", "after-b"], "two at once: the earlier is current");
    assert.deepEqual(at("2017-10-18T00:10"), ["late-b", "after-b"], "the first has just ended");
    assert.deepEqual(at("2017-10-18T00:30"), ["after-b", "morning-a"], "one starts as the other ends");
    assert.deepEqual(at("2017-10-18T04:00"), [null, "morning-a"], "between sessions, overnight");
    assert.deepEqual(at("2017-10-18T09:45"), ["morning-a", null], "a cancelled session is never where to be");
    assert.deepEqual(at("2017-10-18T12:00"), [null, null], "after everything");
  });

  it("has nothing to say about an empty agenda", async () => {
    await clearStars();
    assert.deepEqual(nextUp(await getAgenda(ada, night), copenhagen("2017-10-17T23:40")), { current: null, next: null });
  });
});
