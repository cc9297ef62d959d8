import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { MARK_END, MARK_START } from "../search/marks";
import type { SearchIndexJson, SearchIndexSession } from "./search-index-shape";
import { buildOfflineIndex, foldTerm, markWords, snippetOf } from "./offline-search";

const mark = (word: string) => `${MARK_START}${word}${MARK_END}`;

const session = (slug: string, title: string, extra: Partial<SearchIndexSession> = {}): SearchIndexSession => ({
  slug, title, kind: "talk", day: "2026-06-08", startsAt: "2026-06-08T09:00:00Z", endsAt: "2026-06-08T09:45:00Z", ...extra,
});

const program: SearchIndexJson = {
  version: 1,
  conference: { slug: "test-conf", name: "Test Conf", timeZone: "Europe/Paris" },
  revision: 4,
  tracks: [{ slug: "ops", name: "Operations", color: "#0a0" }, { slug: "dev", name: "Development", color: "#00a" }],
  rooms: [{ slug: "salle-ete", name: "Salle Été" }, { slug: "hall-a", name: "Hall A" }],
  speakers: [{ slug: "zoe-cafe", name: "Zoë Café" }, { slug: "ann-lee", name: "Ann Lee" }],
  sessions: [
    session("abstract-only", "Running clusters at scale", { abstract: "How we moved every service to Kubernetes in a year, and what broke along the way.", track: 0, room: 1 }),
    session("kubernetes-in-the-title", "Kubernetes for everyone", { speakers: [1], track: 0, room: 0 }),
    session("cafe-talk", "Crème brûlée and containers", { speakers: [0], day: "2026-06-09", startsAt: "2026-06-09T10:00:00Z", endsAt: "2026-06-09T10:30:00Z", track: 1 }),
    session("cancelled-one", "Kubelet internals", { cancelled: true, subtitle: "Gone, sadly", day: "2026-06-09", track: 1 }),
    session("go-talk", "Go at the edge", { abstract: "Go go go: an abstract that says go many times." }),
    session("long-abstract", "Storage", { abstract: "Storage is hard. ".repeat(20) + "Then came etcd, which made it harder still." }),
  ],
};

const index = buildOfflineIndex(program);
const slugs = (q: string, filter?: Parameters<typeof index.search>[1]) => index.search(q, filter).map((hit) => hit.slug);

describe("the offline search index", () => {
  it("finds the start of a word, with the title first", () => {
    // Two titles start with "kube"; the session that has it in its abstract only comes after both.
    assert.deepEqual(new Set(slugs("kube").slice(0, 2)), new Set(["kubernetes-in-the-title", "cancelled-one"]));
    assert.equal(slugs("kube")[2], "abstract-only");
    assert.deepEqual(slugs("kubernetes"), ["kubernetes-in-the-title", "abstract-only"]);
    // Only the start: "bernetes" is inside a word.
    assert.deepEqual(slugs("bernetes"), []);
  });

  it("ignores case and accents, in what was typed and in the program", () => {
    assert.deepEqual(slugs("CREME brulee"), ["cafe-talk"]);
    assert.deepEqual(slugs("zoe"), ["cafe-talk"]);
    assert.deepEqual(slugs("ZOË"), ["cafe-talk"]);
    assert.deepEqual(slugs("salle ete"), ["kubernetes-in-the-title"]);
  });

  it("needs every word, as the server does", () => {
    assert.deepEqual(slugs("kubernetes everyone"), ["kubernetes-in-the-title"]);
    assert.deepEqual(slugs("kubernetes espresso"), []);
  });

  it("looks up words of one or two letters in the headings only", () => {
    // "go" starts a word of go-talk's title and of cancelled-one's subtitle ("Gone"), and of nothing else
    // but abstracts; the title weighs more.
    assert.deepEqual(slugs("go"), ["go-talk", "cancelled-one"]);
    assert.deepEqual(slugs("ye"), [], "“year” is in an abstract only");
    assert.deepEqual(slugs("year"), ["abstract-only"]);
  });

  it("keeps to a day and a track when asked", () => {
    assert.deepEqual(slugs("kube", { day: "2026-06-09" }), ["cancelled-one"]);
    assert.deepEqual(slugs("kube", { track: "ops" }), ["kubernetes-in-the-title", "abstract-only"]);
    assert.deepEqual(slugs("kube", { track: "ops", limit: 1 }), ["kubernetes-in-the-title"]);
  });

  it("answers nothing, and never throws, for text with nothing searchable", () => {
    for (const text of ["", "   ", '"*"', "NEAR(", "title:", "-", "\u0002\u0003"]) assert.deepEqual(slugs(text), [], JSON.stringify(text));
    // Operators are plain words: "AND" is a word like any other.
    assert.deepEqual(slugs("kubernetes AND"), ["abstract-only"]);
  });

  it("gives each hit what the result card shows", () => {
    const [cancelled] = index.search("kubelet");
    assert.equal(cancelled?.status, "cancelled");
    assert.equal(cancelled?.subtitle, "Gone, sadly");
    assert.equal(cancelled?.titleHighlight, `${mark("Kubelet")} internals`);
    const [cafe] = index.search("creme");
    assert.deepEqual(cafe?.speakers, [{ slug: "zoe-cafe", name: "Zoë Café" }]);
    assert.deepEqual(cafe?.track, { slug: "dev", name: "Development", color: "#00a" });
    assert.equal(cafe?.room, null);
    assert.equal(cafe?.day, "2026-06-09");
    assert.equal(cafe?.startsAt.toISOString(), "2026-06-09T10:00:00.000Z");
    assert.equal(cafe?.titleHighlight, `${mark("Crème")} brûlée and containers`);
    assert.equal(index.revision, 4);
    assert.equal(index.sessionCount, 6);
  });

  it("marks the matching passage of an abstract, as the server's snippet", () => {
    const [hit] = index.search("kubernetes year", { track: "ops", day: "2026-06-08" }).filter((h) => h.slug === "abstract-only");
    assert.equal(hit?.titleHighlight, "Running clusters at scale");
    assert.equal(hit?.snippet, `How we moved every service to ${mark("Kubernetes")} in a ${mark("year")}, and what broke along the way.`);
    const [storage] = index.search("etcd");
    assert.match(storage!.snippet!, new RegExp(`^…hard\\. Storage .*${mark("etcd")}, which made it harder still\\.$`));
    // A match in the title alone has no passage to show.
    assert.equal(index.search("kubernetes everyone")[0]?.snippet, null);
  });
});

describe("marking words", () => {
  it("marks whole words that start with a term, folded", () => {
    assert.equal(markWords("Kubernetes, kubectl and Kübler", ["kub"]), `${mark("Kubernetes")}, ${mark("kubectl")} and ${mark("Kübler")}`);
    assert.equal(markWords("Cube", ["kub"]), "Cube");
    assert.equal(snippetOf("nothing here", ["kub"]), null);
    assert.equal(foldTerm("ÉTÉ"), "ete");
  });
});
