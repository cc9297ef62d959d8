/**
 * The search index follows every write to the program and to notes, by the engine's own
 * triggers, never by application code: a contract every search implementation keeps, run by
 * search-index-sync.test.ts on SQLite and postgres-index-sync.test.ts on PostgreSQL. The test file imports
 * the seed after the test database is set up (it reads DATABASE_URL when loaded) and passes it in.
 */
import assert from "node:assert/strict";
import { afterEach, before, describe, it } from "node:test";
import type { Db } from "../db/client";
import { loadProgram } from "../program/load-program";
import { tinyProgram } from "../test/programs";
import { createTestUser } from "../test/users";
import type { SearchRequest, SearchResult } from "./search-contract";

/** A session's row in the index, its columns' text as the index holds it; `scope` is "c<conference> d<day> t<track or 0>". */
export type IndexedSession = { id: bigint | number; title: string; subtitle: string; speakers: string; track: string; room: string; abstract: string; notes: string; scope: string };

export type IndexSyncContext = {
  db: Db;
  /** prisma/seed's seedDemo, passed in by the test file that loaded it. */
  seedDemo(options: { db: Db; log: (line: string) => void }): Promise<unknown>;
  searchSessions(text: string, options: SearchRequest): Promise<SearchResult[]>;
  /** Every session's row in the index, by id. */
  indexedSessions(): Promise<IndexedSession[]>;
  /** The engine's own check that the notes' index agrees with "Note"; throws when not. */
  checkIndex(): Promise<void>;
};

export function indexSyncContract({ db, seedDemo, searchSessions, indexedSessions, checkIndex }: IndexSyncContext) {
  let conferenceId: number;

  const found = async (text: string, viewerId: string | null = null) =>
    (await searchSessions(text, { conferenceId, viewerId })).map((h) => h.slug).sort();

  const sessionId = async (slug: string) =>
    (await db.session.findUniqueOrThrow({ where: { conferenceId_slug: { conferenceId, slug } }, select: { id: true } })).id;

  const speakerId = async (slug: string) =>
    (await db.speaker.findUniqueOrThrow({ where: { conferenceId_slug: { conferenceId, slug } }, select: { id: true } })).id;

  /** The index holds exactly what the tables say, for every session and every note. */
  async function assertIndexMirrorsTables() {
    const indexed = await indexedSessions();
    const sessions = await db.session.findMany({
      select: {
        id: true, title: true, subtitle: true, abstract: true, conferenceId: true, dayId: true, trackId: true,
        track: { select: { name: true } }, room: { select: { name: true } },
        speakers: { select: { speaker: { select: { name: true } } } },
        notes: { where: { visibility: "public" }, select: { body: true } },
      },
      orderBy: { id: "asc" },
    });
    const words = (text: string) => text.split(/\s+/).filter(Boolean).sort();
    assert.deepEqual(
      indexed.map((row) => ({ id: Number(row.id), title: row.title, subtitle: row.subtitle, speakers: words(row.speakers), track: row.track, room: row.room, abstract: row.abstract, notes: words(row.notes), scope: row.scope })),
      sessions.map((s) => ({
        id: s.id,
        title: s.title,
        subtitle: s.subtitle,
        speakers: words(s.speakers.map((link) => link.speaker.name).join(" ")),
        track: s.track?.name ?? "",
        room: s.room?.name ?? "",
        abstract: s.abstract,
        notes: words(s.notes.map((note) => note.body).join(" ")),
        scope: `c${s.conferenceId} d${s.dayId} t${s.trackId ?? 0}`,
      })),
    );
    await checkIndex();
  }

  describe("the search index follows every write", () => {
    before(async () => {
      await seedDemo({ db, log: () => {} });
      conferenceId = (await db.conference.findUniqueOrThrow({ where: { slug: "dockercon-eu-2017" } })).id;
      await createTestUser(db, { id: "note-author", name: "Note Author" });
      await createTestUser(db, { id: "note-reader", name: "Note Reader" });
    });

    afterEach(assertIndexMirrorsTables);

    it("starts out mirroring the seeded program", async () => {
      assert.deepEqual(await found("mavrogiannis"), ["general-session-day-1"]);
    });

    it("renaming a session's title", async () => {
      assert.deepEqual(await found("dive"), ["linuxkit-deep-dive"]);
      await db.session.update({ where: { id: await sessionId("linuxkit-deep-dive") }, data: { title: "Quokkakernel Masterclass" } });
      assert.deepEqual(await found("dive"), []);
      assert.deepEqual(await found("quokkakernel"), ["linuxkit-deep-dive"]);
    });

    it("changing a session's subtitle and abstract", async () => {
      const id = await sessionId("my-journey-to-go");
      await db.session.update({ where: { id }, data: { subtitle: "Sidequestvoyage", abstract: "Platypusabstract only." } });
      assert.deepEqual(await found("sidequestvoyage"), ["my-journey-to-go"]);
      assert.deepEqual(await found("platypusabstract"), ["my-journey-to-go"]);
      await db.session.update({ where: { id }, data: { abstract: "Wombatabstract instead." } });
      assert.deepEqual(await found("platypusabstract"), []);
      assert.deepEqual(await found("wombatabstract"), ["my-journey-to-go"]);
    });

    it("renaming a speaker", async () => {
      assert.deepEqual(await found("howard"), ["general-session-day-1"]);
      await db.speaker.update({ where: { id: await speakerId("kristie-howard") }, data: { name: "Kristie Wombatson" } });
      assert.deepEqual(await found("howard"), []);
      assert.deepEqual(await found("wombatson"), ["general-session-day-1"]);
    });

    it("renaming a track", async () => {
      assert.deepEqual(await found("belt"), ["linuxkit-deep-dive"]);
      const track = await db.track.findUniqueOrThrow({ where: { conferenceId_slug: { conferenceId, slug: "black-belt" } } });
      await db.track.update({ where: { id: track.id }, data: { name: "Ninjagrade" } });
      assert.deepEqual(await found("belt"), []);
      assert.deepEqual(await found("ninjagrade"), ["linuxkit-deep-dive"]);
    });

    it("renaming a room", async () => {
      assert.deepEqual(await found("auditorium 15"), ["looking-under-the-hood-containerd"]);
      const room = await db.room.findUniqueOrThrow({ where: { conferenceId_slug: { conferenceId, slug: "auditorium-15" } } });
      await db.room.update({ where: { id: room.id }, data: { name: "Glacierhall" } });
      assert.deepEqual(await found("auditorium 15"), []);
      assert.deepEqual(await found("glacierhall"), ["looking-under-the-hood-containerd"]);
    });

    it("moving a session to another track and room", async () => {
      const edge = await db.track.findUniqueOrThrow({ where: { conferenceId_slug: { conferenceId, slug: "edge" } } });
      const auditorium10 = await db.room.findUniqueOrThrow({ where: { conferenceId_slug: { conferenceId, slug: "auditorium-10" } } });
      assert.ok(!(await found("edge")).includes("containerizing-hardware-accelerated-applications"));
      await db.session.update({
        where: { id: await sessionId("containerizing-hardware-accelerated-applications") },
        data: { trackId: edge.id, roomId: auditorium10.id },
      });
      assert.ok((await found("edge")).includes("containerizing-hardware-accelerated-applications"));
      assert.ok((await found("auditorium 10")).includes("containerizing-hardware-accelerated-applications"));
    });

    it("moving a session to another day, which the day filter follows", async () => {
      const [first, last] = await Promise.all([
        db.day.findUniqueOrThrow({ where: { conferenceId_date: { conferenceId, date: "2017-10-16" } } }),
        db.day.findUniqueOrThrow({ where: { conferenceId_date: { conferenceId, date: "2017-10-19" } } }),
      ]);
      const onDay = async (dayId: number) => (await searchSessions("linuxkit", { conferenceId, dayId })).map((h) => h.slug);
      const id = await sessionId("linuxkit-deep-dive");
      const { dayId } = await db.session.findUniqueOrThrow({ where: { id }, select: { dayId: true } });
      assert.ok((await onDay(dayId)).includes("linuxkit-deep-dive"));
      const target = dayId === first.id ? last : first;
      await db.session.update({ where: { id }, data: { dayId: target.id } });
      assert.ok((await onDay(target.id)).includes("linuxkit-deep-dive"));
      assert.ok(!(await onDay(dayId)).includes("linuxkit-deep-dive"));
    });

    it("adding and removing a speaker of a session", async () => {
      const pwd = await sessionId("play-with-docker-inside-out");
      const alex = await speakerId("alex-mavrogiannis");
      await db.sessionSpeaker.create({ data: { sessionId: pwd, speakerId: alex, position: 2 } });
      assert.deepEqual(await found("mavrogiannis"), ["general-session-day-1", "play-with-docker-inside-out"]);
      await db.sessionSpeaker.delete({ where: { sessionId_speakerId: { sessionId: await sessionId("general-session-day-1"), speakerId: alex } } });
      assert.deepEqual(await found("mavrogiannis"), ["play-with-docker-inside-out"]);
    });

    it("deleting a speaker", async () => {
      assert.deepEqual(await found("hiltgen"), ["general-session-day-1"]);
      await db.speaker.delete({ where: { id: await speakerId("daniel-hiltgen") } });
      assert.deepEqual(await found("hiltgen"), []);
    });

    it("deleting a track or a room", async () => {
      assert.ok((await found("transform")).includes("modernizing-traditional-apps-java-edition"));
      assert.ok((await found("auditorium 12")).includes("modernizing-traditional-apps-java-edition"));
      await db.track.delete({ where: { conferenceId_slug: { conferenceId, slug: "transform" } } });
      await db.room.delete({ where: { conferenceId_slug: { conferenceId, slug: "auditorium-12" } } });
      assert.deepEqual(await found("transform"), []);
      assert.deepEqual(await found("auditorium 12"), []);
    });

    it("deleting a session, and with it its notes", async () => {
      // "gophers" is only in the attendee's public note on this session.
      const id = await sessionId("my-journey-to-go");
      await db.session.update({ where: { id }, data: { abstract: "Bootcamp story." } });
      assert.deepEqual(await found("bootcamp"), ["my-journey-to-go"]);
      assert.deepEqual(await found("gophers"), ["my-journey-to-go"]);
      await db.session.delete({ where: { id } });
      assert.deepEqual(await found("bootcamp"), []);
      assert.deepEqual(await found("gophers"), []);
    });

    it("writing, rewriting and deleting a note", async () => {
      const session = await sessionId("general-session-day-2");
      const note = await db.note.create({ data: { userId: "note-author", sessionId: session, body: "Firstdraftalpha thoughts", visibility: "public" } });
      assert.deepEqual(await found("firstdraftalpha"), ["general-session-day-2"]);

      await db.note.update({ where: { id: note.id }, data: { body: "Seconddraftbeta thoughts", version: { increment: 1 } } });
      assert.deepEqual(await found("firstdraftalpha"), []);
      assert.deepEqual(await found("seconddraftbeta"), ["general-session-day-2"]);

      await db.note.delete({ where: { id: note.id } });
      assert.deepEqual(await found("seconddraftbeta"), []);
    });

    it("making a public note private hides it from everyone but its author", async () => {
      const session = await sessionId("general-session-day-2");
      const note = await db.note.create({ data: { userId: "note-author", sessionId: session, body: "Ocelotsecret findings", visibility: "public" } });
      assert.deepEqual(await found("ocelotsecret", "note-reader"), ["general-session-day-2"]);
      assert.deepEqual(await found("ocelotsecret", null), ["general-session-day-2"]);

      await db.note.update({ where: { id: note.id }, data: { visibility: "private" } });
      assert.deepEqual(await found("ocelotsecret", "note-reader"), []);
      assert.deepEqual(await found("ocelotsecret", null), []);
      assert.deepEqual(await found("ocelotsecret", "note-author"), ["general-session-day-2"]);
    });

    it("deleting a user deletes their notes from the index", async () => {
      const session = await sessionId("looking-under-the-hood-containerd");
      await createTestUser(db, { id: "leaving-user", name: "Leaving" });
      await db.note.create({ data: { userId: "leaving-user", sessionId: session, body: "Marmotfarewell", visibility: "public" } });
      assert.deepEqual(await found("marmotfarewell"), ["looking-under-the-hood-containerd"]);
      await db.user.delete({ where: { id: "leaving-user" } });
      assert.deepEqual(await found("marmotfarewell"), []);
    });

    it("re-importing a program, and deleting a whole conference", async () => {
      const program = tinyProgram();
      await loadProgram(db, program);
      const cafe = await db.conference.findUniqueOrThrow({ where: { slug: program.conference.slug } });
      const inCafe = async (text: string) => (await searchSessions(text, { conferenceId: cafe.id })).map((h) => h.slug);
      assert.deepEqual(await inCafe("espresso"), ["espresso-and-kubernetes"]);

      program.sessions[0]!.title = "Ristretto and Kubernetes";
      program.speakers[0]!.name = "Zoë Barista";
      await loadProgram(db, program);
      assert.deepEqual(await inCafe("espresso"), []);
      assert.deepEqual(await inCafe("ristretto"), ["espresso-and-kubernetes"]);
      assert.deepEqual(await inCafe("cafe"), []);
      assert.deepEqual(await inCafe("barista"), ["espresso-and-kubernetes"]);

      await db.conference.delete({ where: { id: cafe.id } });
      assert.deepEqual(await inCafe("ristretto"), []);
    });
  });
}
