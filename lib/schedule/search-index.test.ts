import assert from "node:assert/strict";
import { before, describe, it } from "node:test";
import { setupTestDatabase } from "../test/database";
import { tinyProgram } from "../test/programs";

await setupTestDatabase();
const { db } = await import("../db/client");
const { seedDemo } = await import("../../prisma/seed");
const { loadProgram } = await import("../program/load-program");
const { getConference } = await import("./conference");
const { searchSessions } = await import("./session-search");
const { abstractLimit, loadSearchIndex, minAbstractCharacters, searchIndexBody, trimAbstract } = await import("./search-index");
const { buildOfflineIndex } = await import("./offline-search");

const demoSlug = "dockercon-eu-2017";

before(async () => {
  await seedDemo({ db, log: () => {} });
  await loadProgram(db, tinyProgram());
});

describe("the search index a conference serves for offline search", () => {
  it("holds every session of that conference alone, in start order, with what a result card shows", async () => {
    const conference = (await getConference(demoSlug))!;
    const index = await loadSearchIndex(conference);
    const sessions = await db.session.findMany({ where: { conferenceId: conference.id }, select: { slug: true, startsAt: true }, orderBy: [{ startsAt: "asc" }, { id: "asc" }] });
    assert.deepEqual(index.sessions.map((s) => s.slug), sessions.map((s) => s.slug));
    assert.ok(!index.sessions.some((s) => s.slug === "espresso-and-kubernetes"), "another conference's session");
    assert.equal(index.conference.slug, demoSlug);
    assert.equal(index.conference.timeZone, "Europe/Copenhagen");

    const linuxkit = index.sessions.find((s) => s.slug === "linuxkit-deep-dive")!;
    assert.equal(linuxkit.title, "LinuxKit Deep Dive");
    assert.match(linuxkit.startsAt, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    const speakers = await db.sessionSpeaker.findMany({
      where: { session: { conferenceId: conference.id, slug: "linuxkit-deep-dive" } },
      select: { speaker: { select: { slug: true, name: true } } },
      orderBy: { position: "asc" },
    });
    assert.ok(speakers.length > 0);
    assert.deepEqual(linuxkit.speakers?.map((i) => index.speakers[i]), speakers.map((link) => link.speaker), "its speakers, in order");
    assert.ok(linuxkit.track !== undefined && index.tracks[linuxkit.track], "its track, by position");
    assert.ok(linuxkit.room !== undefined && index.rooms[linuxkit.room], "its room, by position");
    // A small conference keeps its abstracts whole.
    const abstracts = await db.session.findMany({ where: { conferenceId: conference.id }, select: { slug: true, abstract: true } });
    const longest = abstracts.reduce((a, b) => (b.abstract.length > a.abstract.length ? b : a));
    assert.ok(longest.abstract.length > minAbstractCharacters * 2, "the demo has long abstracts");
    assert.ok(!index.sessions.find((s) => s.slug === longest.slug)!.abstract!.endsWith("…"));
  });

  it("marks a cancelled session, and is read again when the program revision moves", async () => {
    const conference = (await getConference(demoSlug))!;
    const slug = "my-journey-to-go";
    const before = await searchIndexBody(conference);
    assert.equal(await searchIndexBody(conference), before);
    await db.session.updateMany({ where: { conferenceId: conference.id, slug }, data: { status: "cancelled" } });
    try {
      // Only imports change a program, and every import that does moves its revision.
      assert.equal(await searchIndexBody(conference), before, "kept while the revision stands");
      await db.conference.update({ where: { id: conference.id }, data: { programRevision: { increment: 1 } } });
      // Looked up again, as the next request does: the route's conference carries the revision it was read at.
      const revised = (await getConference(demoSlug))!;
      const index = JSON.parse(await searchIndexBody(revised)) as Awaited<ReturnType<typeof loadSearchIndex>>;
      assert.equal(index.sessions.find((s) => s.slug === slug)?.cancelled, true);
      assert.equal(index.sessions.filter((s) => s.cancelled).length, 1);
      const { programRevision } = await db.conference.findUniqueOrThrow({ where: { id: conference.id }, select: { programRevision: true } });
      assert.equal(index.revision, programRevision);
      assert.equal(JSON.parse(before).revision, programRevision - 1);
    } finally {
      await db.session.updateMany({ where: { conferenceId: conference.id, slug }, data: { status: "scheduled" } });
    }
  });

  it("finds offline what the server finds in titles, speakers and abstracts", async () => {
    const conference = (await getConference(demoSlug))!;
    const offline = buildOfflineIndex(JSON.parse(JSON.stringify(await loadSearchIndex(conference))));
    for (const q of ["kube", "linuxkit", "KUBERNETES", "containerd", "cormack", "java"]) {
      const server = (await searchSessions(q, { conferenceId: conference.id, limit: 30 })).map((hit) => hit.slug);
      const here = offline.search(q).map((hit) => hit.slug);
      assert.ok(here.length > 0, `“${q}” finds something offline`);
      // The server also searches public notes, which are not saved.
      for (const slug of here) assert.ok(server.includes(slug), `“${q}”: ${slug} is a server match too`);
    }
    for (const [q, best] of [["linuxkit", "linuxkit-deep-dive"], ["containerd", "looking-under-the-hood-containerd"], ["java", "modernizing-traditional-apps-java-edition"]]) {
      assert.equal(offline.search(q!)[0]?.slug, best, `“${q}”: the session with it in its title first`);
    }
  });

  it("keeps an abstract's first words, as plain text, fewer the more sessions share the budget", () => {
    assert.equal(trimAbstract("**Bold** [a link](https://example.com) and `code`", 200), "Bold a link and code");
    const long = trimAbstract("word ".repeat(100), 160);
    assert.ok(long.length <= 161);
    assert.ok(long.endsWith("word…"));
    assert.equal(trimAbstract("", 160), "");
    assert.ok(abstractLimit(10) > 10_000);
    assert.equal(abstractLimit(1_000), 1_500);
    assert.equal(abstractLimit(10_000), minAbstractCharacters);
    assert.equal(abstractLimit(0), 1_500_000);
  });
});
