/**
 * What every search implementation must do (the contract of lib/search/engine.ts), written
 * once and run on each engine: by fts5.test.ts on SQLite and postgres.test.ts on PostgreSQL,
 * through searchSessions as the pages search. The test file imports the seed after the test
 * database is set up (it reads DATABASE_URL when loaded) and passes it in.
 */
import assert from "node:assert/strict";
import { before, describe, it } from "node:test";
import type { Db } from "../db/client";
import { loadProgram } from "../program/load-program";
import { tinyProgram } from "../test/programs";
import { createTestUser } from "../test/users";
// More matches than FTS5 ranks in full for a broad query (decision 10): every engine ranks the title match first.
import { broadMatchLimit } from "./fts5";
import { MARK_END, MARK_START } from "./marks";

/**
 * What the tests read of a search result, as searchSessions (lib/schedule/session-search.ts)
 * gives it: lib/search stays beneath lib/schedule, so the shape is spelled out here.
 */
export type SearchResult = { id: number; slug: string; title: string; day: string; track: { slug: string } | null; titleHighlight: string; snippet: string | null };
export type SearchRequest = { conferenceId: number; viewerId?: string | null; dayId?: number; trackId?: number; limit?: number };

export type SearchContext = {
  db: Db;
  /** prisma/seed's seedDemo, passed in by the test file that loaded it. */
  seedDemo(options: { db: Db; log: (line: string) => void }): Promise<unknown>;
  searchSessions(text: string, options: SearchRequest): Promise<SearchResult[]>;
  /** The personal part of a signed-in search: the viewer's own private-note matches alone. */
  searchOwnNotes(text: string, options: SearchRequest & { viewerId: string }): Promise<SearchResult[]>;
};

/** Everything a person might paste into the search box that FTS5 would otherwise read as syntax. */
export const hostileInputs = [
  '"',
  '""',
  '"docker',
  "*",
  "kube*",
  "AND",
  "docker AND",
  "OR NOT",
  "NEAR(",
  "NEAR(docker kubernetes, 2)",
  "-",
  "-kubernetes",
  "^",
  "^docker",
  ":",
  "title:docker",
  "{title speakers}: docker",
  "(",
  ")",
  "docker + swarm",
  "'; DROP TABLE \"Session\"; --",
  "\u0000",
  "x".repeat(10_000),
  "docker ".repeat(1_500),
  "🐳",
  "🐳 docker 🚀",
  "\u0301",
  "",
  " ",
  "\t\n  ",
];

/** Pieces of FTS5 syntax, and other text with no letters or digits in it: each, alone, must find nothing. */
export const syntaxOnly = ['"', '""', "'", "*", "**", "^", "-", "+", ":", "(", ")", "()", "{}", "{ }:", "'; --", "\u0000", "🐳", "🐳🚀", "", " ", "\t\n  ", '"'.repeat(10_000), "*( ".repeat(3_500)];

/** The behaviour of search over the demo conference and a few of its own. */
export function searchContract({ db, seedDemo, searchSessions, searchOwnNotes }: SearchContext) {
  describe("searching the demo conference", () => {
    let dockerconId: number;
    let cafeConfId: number;
    const owner = "search-owner";
    const stranger = "search-stranger";

    before(async () => {
      await seedDemo({ db, log: () => {} });
      await loadProgram(db, tinyProgram());
      dockerconId = (await db.conference.findUniqueOrThrow({ where: { slug: "dockercon-eu-2017" } })).id;
      cafeConfId = (await db.conference.findUniqueOrThrow({ where: { slug: "cafe-conf-2018" } })).id;
      await createTestUser(db, { id: owner, name: "Note Owner" });
      await createTestUser(db, { id: stranger, name: "Someone Else" });
      const journey = await db.session.findUniqueOrThrow({
        where: { conferenceId_slug: { conferenceId: dockerconId, slug: "my-journey-to-go" } },
      });
      await db.note.create({
        data: { userId: owner, sessionId: journey.id, body: "Zanzibarquux: my own reflections on the journey.", visibility: "private" },
      });
    });

    const slugs = async (text: string, options: { viewerId?: string | null; conferenceId?: number } = {}) =>
      (await searchSessions(text, { conferenceId: options.conferenceId ?? dockerconId, viewerId: options.viewerId })).map((h) => h.slug);

    it('finds the Kubernetes announcement from the prefix "kube"', async () => {
      assert.ok((await slugs("kube")).includes("general-session-day-1"));
    });

    it("ignores case", async () => {
      const lower = await slugs("kubernetes");
      assert.ok(lower.includes("general-session-day-1"));
      assert.deepEqual(await slugs("KUBERNETES"), lower);
      assert.deepEqual(await slugs("KuBeRnEtEs"), lower);
    });

    it("ignores accents, in the query and in the program", async () => {
      assert.ok((await slugs("wiréguard")).includes("linuxkit-deep-dive"));
      assert.deepEqual(await slugs("wiréguard"), await slugs("wireguard"));
      assert.deepEqual(await slugs("zoe cafe", { conferenceId: cafeConfId }), ["espresso-and-kubernetes"]);
      assert.deepEqual(await slugs("ZOË CAFÉ", { conferenceId: cafeConfId }), ["espresso-and-kubernetes"]);
      assert.deepEqual(await slugs("salle ete", { conferenceId: cafeConfId }), ["espresso-and-kubernetes"]);
    });

    it("finds sessions by speaker name", async () => {
      assert.ok((await slugs("hykes")).includes("general-session-day-1"));
      // Kristie Howard is named only in the speaker list, not in any abstract or note.
      assert.deepEqual(await slugs("howard"), ["general-session-day-1"]);
    });

    it("finds sessions by track and room name", async () => {
      assert.deepEqual(await slugs("black belt"), ["linuxkit-deep-dive"]);
      assert.deepEqual(await slugs("auditorium 15"), ["looking-under-the-hood-containerd"]);
    });

    it("only finds sessions of the conference searched", async () => {
      const hits = await searchSessions("kubernetes", { conferenceId: dockerconId });
      assert.ok(hits.length > 0);
      const conferences = await db.session.findMany({ where: { id: { in: hits.map((h) => h.id) } }, select: { conferenceId: true } });
      assert.deepEqual(new Set(conferences.map((s) => s.conferenceId)), new Set([dockerconId]));
      assert.deepEqual(await slugs("kubernetes", { conferenceId: cafeConfId }), ["espresso-and-kubernetes"]);
      assert.deepEqual(await slugs("zoe"), []);
    });

    it("ranks a title match above sessions that only mention the word", async () => {
      assert.equal((await slugs("linuxkit"))[0], "linuxkit-deep-dive");
      assert.equal((await slugs("containerd"))[0], "looking-under-the-hood-containerd");
    });

    it("honours the day, track and limit of the scope", async () => {
      const day2 = await db.day.findUniqueOrThrow({ where: { conferenceId_date: { conferenceId: dockerconId, date: "2017-10-18" } } });
      const onDay2 = await searchSessions("docker", { conferenceId: dockerconId, dayId: day2.id });
      assert.ok(onDay2.length > 0);
      assert.ok(onDay2.every((h) => h.day === "2017-10-18"));
      assert.ok((await slugs("docker")).some((slug) => !onDay2.some((h) => h.slug === slug)), "the day filter removed nothing");

      const theater = await db.track.findUniqueOrThrow({ where: { conferenceId_slug: { conferenceId: dockerconId, slug: "community-theater" } } });
      const inTheater = await searchSessions("docker", { conferenceId: dockerconId, trackId: theater.id });
      assert.ok(inTheater.length > 0);
      assert.ok(inTheater.every((h) => h.track?.slug === "community-theater"));

      assert.equal((await searchSessions("docker", { conferenceId: dockerconId, limit: 2 })).length, 2);
    });

    it("never lets typed words match the scope tokens the filters use", async () => {
      // Café Conf's one session names none of these words; its scope column holds all of them.
      const session = await db.session.findFirstOrThrow({ where: { conferenceId: cafeConfId }, select: { dayId: true, trackId: true } });
      for (const word of [`c${cafeConfId}`, `d${session.dayId}`, `t${session.trackId}`, "scope", `scope c${cafeConfId}`]) {
        assert.deepEqual(await slugs(word, { conferenceId: cafeConfId }), [], word);
      }
      assert.deepEqual(await slugs("espresso", { conferenceId: cafeConfId }), ["espresso-and-kubernetes"]);
    });

    it("ranks a broad query's title matches first, wherever they are in the index", async () => {
      // More matches than the cap, all naming the word in the abstract; the title match is loaded last.
      const count = broadMatchLimit + 50;
      const sessions = Array.from({ length: count }, (_, i) => ({
        guid: `broad-${i}`,
        slug: `broad-${i}`,
        title: i === count - 1 ? "Ristretto at scale" : `Session ${i}`,
        abstract: "Bring a ristretto and a notebook.",
        day: "2019-05-01",
        start: "2019-05-01T09:00",
        end: "2019-05-01T09:30",
      }));
      await loadProgram(db, {
        conference: { slug: "broad-conf", name: "Broad Conf", timeZone: "UTC", startDate: "2019-05-01", endDate: "2019-05-01" },
        days: [{ date: "2019-05-01", label: "Only day" }],
        tracks: [], rooms: [], speakers: [],
        sessions,
      });
      const broad = await db.conference.findUniqueOrThrow({ where: { slug: "broad-conf" } });
      const hits = await searchSessions("ristretto", { conferenceId: broad.id, limit: 10 });
      assert.equal(hits.length, 10);
      assert.equal(hits[0]!.slug, `broad-${count - 1}`);
      assert.equal(new Set(hits.map((h) => h.slug)).size, 10, "a session appears once");
      assert.deepEqual(await slugs("ristretto"), [], "other conferences' sessions are not in the way");
    });

    it("keeps to the conference searched when another's sessions fall among its ids", async () => {
      // Mosaic Conf is loaded, then Tile Conf, then Mosaic Conf again with one more session:
      // Tile Conf's session now sits between Mosaic Conf's, so Mosaic's ids are not its own stretch.
      const program = (slug: string, name: string, count: number) => ({
        conference: { slug, name, timeZone: "UTC", startDate: "2019-06-01", endDate: "2019-06-02" },
        days: [{ date: "2019-06-01", label: "First" }, { date: "2019-06-02", label: "Second" }],
        tracks: [], rooms: [], speakers: [],
        sessions: Array.from({ length: count }, (_, i) => ({
          guid: `${slug}-${i}`, slug: `${slug}-${i}`, title: `Tesserae ${i}`, abstract: "Small tiles, one picture.",
          day: i % 2 ? "2019-06-02" : "2019-06-01", start: `2019-06-0${1 + (i % 2)}T09:00`, end: `2019-06-0${1 + (i % 2)}T09:30`,
        })),
      });
      await loadProgram(db, program("mosaic-conf", "Mosaic Conf", 2));
      await loadProgram(db, program("tile-conf", "Tile Conf", 1));
      await loadProgram(db, program("mosaic-conf", "Mosaic Conf", 3));
      const ids = async (slug: string) => {
        const conference = await db.conference.findUniqueOrThrow({ where: { slug }, select: { id: true } });
        return { conference, sessions: (await db.session.findMany({ where: { conferenceId: conference.id }, select: { id: true } })).map((s) => s.id) };
      };
      const mosaic = await ids("mosaic-conf");
      const tile = await ids("tile-conf");
      assert.ok(tile.sessions[0]! > Math.min(...mosaic.sessions) && tile.sessions[0]! < Math.max(...mosaic.sessions), "the ids interleave");

      const found = async (conferenceId: number, extra: { dayId?: number } = {}) =>
        (await searchSessions("tesserae", { conferenceId, ...extra })).map((h) => h.slug).sort();
      assert.deepEqual(await found(mosaic.conference.id), ["mosaic-conf-0", "mosaic-conf-1", "mosaic-conf-2"]);
      assert.deepEqual(await found(tile.conference.id), ["tile-conf-0"]);
      const secondDay = await db.day.findUniqueOrThrow({ where: { conferenceId_date: { conferenceId: mosaic.conference.id, date: "2019-06-02" } } });
      assert.deepEqual(await found(mosaic.conference.id, { dayId: secondDay.id }), ["mosaic-conf-1"]);

      // A conference without sessions, and one that does not exist, find nothing.
      await loadProgram(db, { ...program("empty-conf", "Empty Conf", 0) });
      const empty = await db.conference.findUniqueOrThrow({ where: { slug: "empty-conf" }, select: { id: true } });
      assert.deepEqual(await found(empty.id), []);
      assert.deepEqual(await found(-1), []);
    });

    it("finds nothing, and never fails, when what was typed has no letters or digits", async () => {
      for (const input of syntaxOnly) {
        assert.deepEqual(await slugs(input), [], `input ${JSON.stringify(input.slice(0, 40))}`);
        assert.deepEqual(await slugs(input, { viewerId: owner }), [], `signed in, input ${JSON.stringify(input.slice(0, 40))}`);
      }
      // Letters nobody wrote find nothing either, however long.
      assert.deepEqual(await slugs("x".repeat(10_000)), []);
      assert.deepEqual(await slugs("linuxkit".repeat(1_300)), []);
    });

    it("still finds a word that FTS5 syntax, emoji, NUL or 10 KB of junk stand around", async () => {
      const plain = await slugs("linuxkit");
      assert.equal(plain[0], "linuxkit-deep-dive");
      const around = ['"linuxkit', 'linuxkit"', '"linuxkit"', "'linuxkit'", "linuxkit*", "*linuxkit", "-linuxkit", "^linuxkit", "+linuxkit",
        ":linuxkit", "linuxkit:", "(linuxkit", "linuxkit)", "(linuxkit)", "{linuxkit}", "linuxkit\u0000", "\u0000linuxkit", "🐳linuxkit🚀", "LinuxKit"];
      for (const junk of syntaxOnly) around.push(`${junk}linuxkit${junk}`, `${junk} linuxkit ${junk}`);
      for (const input of around) assert.deepEqual(await slugs(input), plain, `input ${JSON.stringify(input.slice(0, 40))}`);
      assert.deepEqual(await slugs("docker ".repeat(1_500)), await slugs("docker"));
    });

    it("reads FTS5's operators and column filters as the words they are", async () => {
      // As syntax, OR would widen the search, NOT and a column filter narrow it, NEAR and ^ change what matches.
      const asWords: [string, string][] = [
        ["linuxkit AND wireguard", "linuxkit and wireguard"],
        ["linuxkit OR qqqnothing", "linuxkit or qqqnothing"],
        ["linuxkit NOT wireguard", "linuxkit not wireguard"],
        ["NEAR(linuxkit wireguard, 10)", "near linuxkit wireguard 10"],
        ["NEAR linuxkit", "near linuxkit"],
        ["title:linuxkit", "title linuxkit"],
        ["abstract : wireguard", "abstract wireguard"],
        ["{title abstract}: wireguard", "title abstract wireguard"],
        ["^wireguard", "wireguard"],
      ];
      for (const [typed, words] of asWords) assert.deepEqual(await slugs(typed), await slugs(words), typed);
      assert.ok((await slugs("linuxkit AND wireguard")).includes("linuxkit-deep-dive"), "a word beside AND still finds its session");
      assert.deepEqual(await slugs("linuxkit OR qqqnothing"), [], "OR did not widen the search");
    });

    it("leaves the program as it was whatever is typed", async () => {
      const before = await db.session.count();
      for (const input of [...hostileInputs, ...syntaxOnly]) await slugs(input);
      assert.equal(await db.session.count(), before);
      assert.equal((await slugs("linuxkit"))[0], "linuxkit-deep-dive");
    });

    it("treats FTS5 operators as words", async () => {
      assert.deepEqual(await slugs("docker AND"), await slugs("docker and"));
      // As syntax, "-kubernetes" would be an error or exclude Kubernetes; as text it finds it.
      assert.ok((await slugs("-kubernetes")).includes("general-session-day-1"));
      assert.ok((await slugs('"kubernetes')).includes("general-session-day-1"));
    });

    it("finds words that only appear in a public note, for anyone", async () => {
      // "honeypot" is only in the demo attendee's public note on Play With Docker.
      assert.deepEqual(await slugs("honeypot"), ["play-with-docker-inside-out"]);
      assert.deepEqual(await slugs("honeypot", { viewerId: stranger }), ["play-with-docker-inside-out"]);
    });

    it("finds words of a private note only for its owner", async () => {
      assert.deepEqual(await slugs("zanzibarquux", { viewerId: owner }), ["my-journey-to-go"]);
      assert.deepEqual(await slugs("zanzibarquux", { viewerId: null }), []);
      assert.deepEqual(await slugs("zanzibarquux"), []);
      assert.deepEqual(await slugs("zanzibarquux", { viewerId: stranger }), []);
    });

    it("answers the personal part of a search with the viewer's own private matches alone", async () => {
      const own = await searchOwnNotes("zanzibarquux journey", { conferenceId: dockerconId, viewerId: owner });
      assert.deepEqual(own.map((h) => h.slug), ["my-journey-to-go"]);
      assert.ok(own[0]?.snippet?.includes(`${MARK_START}Zanzibarquux${MARK_END}`), `owner's snippet: ${own[0]?.snippet}`);
      // Another person's private note never, and public matches (the title, a public note) are the cached page's.
      assert.deepEqual(await searchOwnNotes("zanzibarquux", { conferenceId: dockerconId, viewerId: stranger }), []);
      assert.deepEqual(await searchOwnNotes("honeypot", { conferenceId: dockerconId, viewerId: owner }), []);
      assert.deepEqual(await searchOwnNotes("journey", { conferenceId: dockerconId, viewerId: stranger }), []);
      // Kept to the conference asked about.
      assert.deepEqual(await searchOwnNotes("zanzibarquux", { conferenceId: cafeConfId, viewerId: owner }), []);
    });

    it("never shows a private note's text to another viewer, even when the session matches", async () => {
      const forStranger = (await searchSessions("journey", { conferenceId: dockerconId, viewerId: stranger })).find((h) => h.slug === "my-journey-to-go");
      assert.ok(forStranger, "the session matches by its title");
      assert.ok(!forStranger.snippet?.toLowerCase().includes("zanzibarquux"), `snippet leaks the private note: ${forStranger.snippet}`);

      const forOwner = (await searchSessions("zanzibarquux", { conferenceId: dockerconId, viewerId: owner }))[0];
      assert.ok(forOwner?.snippet?.includes(`${MARK_START}Zanzibarquux${MARK_END}`), `owner's snippet: ${forOwner?.snippet}`);
    });

    it("marks the matched words in titles and snippets", async () => {
      const hits = await searchSessions("linuxkit", { conferenceId: dockerconId });
      const deepDive = hits.find((h) => h.slug === "linuxkit-deep-dive");
      assert.equal(deepDive?.titleHighlight, `${MARK_START}LinuxKit${MARK_END} Deep Dive`);
      assert.ok(deepDive?.snippet?.includes(`${MARK_START}LinuxKit${MARK_END}`), `snippet: ${deepDive?.snippet}`);

      // A prefix marks the whole word it matched.
      const general = (await searchSessions("kube", { conferenceId: dockerconId })).find((h) => h.slug === "general-session-day-1");
      assert.equal(general?.titleHighlight, "General Session Day 1");
      assert.ok(general?.snippet?.includes(`${MARK_START}Kubernetes${MARK_END}`), `snippet: ${general?.snippet}`);

      for (const hit of hits) {
        const unmarked = hit.titleHighlight.replaceAll(MARK_START, "").replaceAll(MARK_END, "");
        assert.equal(unmarked, hit.title);
        assert.equal(hit.titleHighlight.split(MARK_START).length, hit.titleHighlight.split(MARK_END).length);
      }
    });

    it("highlights only the title, not the subtitle, in the title", async () => {
      await db.session.update({
        where: { conferenceId_slug: { conferenceId: cafeConfId, slug: "espresso-and-kubernetes" } },
        data: { subtitle: "A barista's guide" },
      });
      const [hit] = await searchSessions("espresso", { conferenceId: cafeConfId });
      assert.equal(hit?.titleHighlight, `${MARK_START}Espresso${MARK_END} and Kubernetes`);
    });
  });
}
