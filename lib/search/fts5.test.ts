import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { setupTestDatabase } from "../test/database";
import { toFtsQuery } from "./fts5";

await setupTestDatabase();
const { db } = await import("../db/client");
const { seedDemo } = await import("../../prisma/seed");
const { searchOwnNotes, searchSessions } = await import("../schedule/session-search");
const { hostileInputs, searchContract } = await import("./search-contract");

const wellFormedQuery = /^"[\p{L}\p{N}\p{M}]+"\*(?: "[\p{L}\p{N}\p{M}]+"\*)*$/u;

describe("toFtsQuery", () => {
  it("returns null when nothing searchable is left", () => {
    for (const input of ['"', '""', "*", "-", "^", ":", "(", ")", "🐳🚀", "", " ", "\t\n  ", "\u0000"]) {
      assert.equal(toFtsQuery(input), null, `input ${JSON.stringify(input)}`);
    }
  });

  it("quotes every word and makes it a prefix, so operators and punctuation are plain text", () => {
    assert.equal(toFtsQuery("kube"), '"kube"*');
    assert.equal(toFtsQuery("AND"), '"and"*');
    assert.equal(toFtsQuery("NEAR("), '"near"*');
    assert.equal(toFtsQuery('"docker'), '"docker"*');
    assert.equal(toFtsQuery("kube*"), '"kube"*');
    assert.equal(toFtsQuery("-kubernetes"), '"kubernetes"*');
    assert.equal(toFtsQuery("^docker"), '"docker"*');
    assert.equal(toFtsQuery("title:docker"), '"title"* "docker"*');
    assert.equal(toFtsQuery("docker OR swarm"), '"docker"* "or"* "swarm"*');
  });

  it("lower-cases, drops repeated words and keeps accents for the index to fold", () => {
    assert.equal(toFtsQuery("Docker docker DOCKER swarm"), '"docker"* "swarm"*');
    assert.equal(toFtsQuery("Zoë Café"), '"zoë"* "café"*');
    // The decomposed spelling (e + combining diaeresis) becomes the same query.
    assert.equal(toFtsQuery("Zoe\u0308 Cafe\u0301"), '"zoë"* "café"*');
  });

  it("caps the number of terms at 12 and each term at 64 characters", () => {
    const words = Array.from({ length: 30 }, (_, i) => `word${i}`);
    const query = toFtsQuery(words.join(" "));
    assert.equal(query, words.slice(0, 12).map((w) => `"${w}"*`).join(" "));
    assert.equal(toFtsQuery("a".repeat(5000)), `"${"a".repeat(64)}"*`);
    const many = toFtsQuery(Array.from({ length: 1000 }, (_, i) => `w${i}`).join("-"));
    assert.equal(many?.split(" ").length, 12);
  });

  it("always produces a query of quoted prefix terms, whatever the input", () => {
    for (const input of hostileInputs) {
      const query = toFtsQuery(input);
      if (query !== null) assert.match(query, wellFormedQuery, `input ${JSON.stringify(input.slice(0, 40))}`);
    }
  });

  it("never cuts a character in half when it shortens a long word", () => {
    const query = toFtsQuery("a" + "𠀀".repeat(40)) ?? "";
    const loneSurrogate = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
    assert.doesNotMatch(query, loneSurrogate);
    assert.ok(("a" + "𠀀".repeat(40)).startsWith(query.slice(1, -2)), query);
  });
});

// The behaviour every search implementation shares (search-contract.ts), here on FTS5.
searchContract({ db, seedDemo, searchSessions, searchOwnNotes });

describe("a session's public notes in its search row", () => {
  const row = async (sessionId: number) =>
    (await db.$queryRawUnsafe<{ notes: string }[]>(`SELECT notes FROM "session_search" WHERE rowid = ?`, sessionId))[0]?.notes ?? "";
  const marks = async () => (await db.$queryRawUnsafe<{ sessionId: number }[]>(`SELECT "sessionId" FROM "session_notes_stale"`)).map((m) => Number(m.sessionId));

  it("are rewritten soon after a public save, with no search asking, and many saves on a session are one rewrite", async () => {
    const { saveNote } = await import("../notes/notes");
    const { createTestUser } = await import("../test/users");
    await seedDemo({ db, log: () => {} });
    const session = await db.session.findFirstOrThrow({ where: { slug: "linuxkit-deep-dive" }, select: { id: true } });
    const author = await createTestUser(db, { id: "row-author", name: "Row Author" });
    const first = await saveNote(author.id, session.id, { body: "Quokkarewrite one", visibility: "public", baseVersion: null });
    assert.ok(first.ok);
    // Marked in the save's own statement; the row itself not yet rewritten.
    assert.deepEqual(await marks(), [session.id]);
    assert.doesNotMatch(await row(session.id), /Quokkarewrite/);
    const second = await saveNote(author.id, session.id, { body: "Quokkarewrite two", visibility: "public", baseVersion: first.note.version });
    assert.ok(second.ok);
    const deadline = Date.now() + 3_000;
    while ((await marks()).length && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
    assert.deepEqual(await marks(), []);
    assert.match(await row(session.id), /Quokkarewrite two/);
    assert.doesNotMatch(await row(session.id), /Quokkarewrite one/);
  });
});

describe("compacting the search index", () => {
  const segments = async () => {
    // One step of the same merge: it changes fewer than two rows when nothing is left to merge.
    const changes = async () => Number((await db.$queryRawUnsafe<{ n: bigint }[]>(`SELECT total_changes() AS n`))[0]!.n);
    const before = await changes();
    await db.$executeRawUnsafe(`INSERT INTO "session_search" ("session_search", rank) VALUES ('merge', -100)`);
    return (await changes()) - before;
  };

  it("merges everything, step by step", async () => {
    const { optimizeSearchIndex } = await import("./fts5");
    await seedDemo({ db, log: () => {} });
    // Each rewrite of a row outside a transaction leaves a segment of its own.
    const rows = await db.$queryRawUnsafe<{ rowid: number }[]>(`SELECT rowid FROM "session_search" LIMIT 20`);
    for (const { rowid } of rows) await db.$executeRawUnsafe(`UPDATE "session_search" SET "title" = "title" || '' WHERE rowid = ?`, rowid);
    assert.ok((await segments()) >= 2, "segments to merge before");
    await optimizeSearchIndex(db);
    assert.ok((await segments()) < 2, "nothing left to merge");
    const conference = await db.conference.findUniqueOrThrow({ where: { slug: "dockercon-eu-2017" }, select: { id: true } });
    assert.ok((await searchSessions("linuxkit", { conferenceId: conference.id })).length > 0, "search still finds what it found");
  });
});
