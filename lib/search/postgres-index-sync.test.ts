/**
 * PostgreSQL's search tables are kept up to date by triggers
 * (prisma/postgresql/migrations/*_search_index), not by application code. A session's public notes
 * are rewritten into its row before a search reads it, from the marks the note triggers leave
 * (*_session_notes_after_save).
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { setupPostgresTestDatabase } from "../test/postgres";
import type { IndexedSession } from "./index-sync-contract";

const url = await setupPostgresTestDatabase();
const { db } = await import("../db/client");
const { seedDemo } = await import("../../prisma/seed");
const { searchSessions } = await import("../schedule/session-search");
const { indexSyncContract } = await import("./index-sync-contract");
const { refreshSessionNotes } = await import("./postgres");

if (url) {
  // What every search implementation keeps (index-sync-contract.ts), here on PostgreSQL.
  indexSyncContract({
    db,
    seedDemo,
    searchSessions,
    // As a search reads the index: the sessions whose public notes changed rewritten first (notes-refresh.ts).
    indexedSessions: async () => {
      await refreshSessionNotes(db);
      return db.$queryRawUnsafe<IndexedSession[]>(
        `SELECT session_id AS id, title, subtitle, speakers, track, room, abstract, notes,
           'c' || conference_id || ' d' || day_id || ' t' || coalesce(track_id, 0) AS scope
         FROM session_search ORDER BY session_id`,
      );
    },
    // Every note has its row, with the words of its body as they are now.
    checkIndex: async () => {
      const [row] = await db.$queryRawUnsafe<{ stale: number }[]>(
        `SELECT count(*)::integer AS stale FROM "Note" n FULL JOIN note_search ns ON ns.note_id = n."id"
         WHERE n."id" IS NULL OR ns.note_id IS NULL OR ns.document <> to_tsvector('hallway_search', n."body")`,
      );
      if (row?.stale !== 0) throw new Error(`${row?.stale} note(s) differ from their note_search row`);
    },
  });

  describe("a session's public notes rewritten after the save", () => {
    it("a rewrite running while a public save is uncommitted still ends with its note in the session's row", async () => {
      await seedDemo({ db, log: () => {} });
      const [session] = await db.$queryRawUnsafe<{ id: number }[]>(`SELECT "id" FROM "Session" ORDER BY "id" LIMIT 1`);
      const users = ["race-a", "race-b"];
      for (const id of users) {
        await db.$executeRawUnsafe(`INSERT INTO "User" ("id", "name", "email", "updatedAt") VALUES ($1, $1, $1 || '@test.invalid', now()) ON CONFLICT DO NOTHING`, id);
      }
      const note = (userId: string, body: string) =>
        `INSERT INTO "Note" ("userId", "sessionId", "body", "visibility", "updatedAt") VALUES ('${userId}', ${session!.id}, '${body}', 'public', now())
         ON CONFLICT ("userId", "sessionId") DO UPDATE SET "body" = excluded."body", "visibility" = 'public'`;
      // A committed public note leaves the session marked (new words each run: an unchanged note marks nothing).
      const run = Date.now().toString(36);
      await db.$executeRawUnsafe(note("race-a", `committed before ${run}`));
      const marks = await db.$queryRawUnsafe<{ n: number }[]>(`SELECT count(*)::integer AS n FROM search_queue.session_notes WHERE session_id = $1`, session!.id);
      assert.equal(marks[0]!.n, 1);
      // A second public save, not yet committed when a rewrite starts on another connection.
      let commit!: () => void;
      const committing = new Promise<void>((resolve) => (commit = resolve));
      let written!: () => void;
      const writtenOnce = new Promise<void>((resolve) => (written = resolve));
      const save = db.$transaction(async (tx) => {
        await tx.$executeRawUnsafe(note("race-b", `zanzibarite saved meanwhile ${run}`));
        written();
        await committing;
      });
      await writtenOnce;
      // Started now (Prisma sends a query only once something waits on it), and left to wait on the save.
      const rewrite = db.$executeRawUnsafe(`SELECT session_notes_refresh()`).then(() => undefined);
      await new Promise((resolve) => setTimeout(resolve, 300));
      commit();
      await Promise.all([save, rewrite]);
      // Whichever way they met, a search now finds the note saved meanwhile.
      await refreshSessionNotes(db);
      const [row] = await db.$queryRawUnsafe<{ notes: string }[]>(`SELECT notes FROM session_search WHERE session_id = $1`, session!.id);
      assert.ok(row!.notes.includes(`zanzibarite saved meanwhile ${run}`), row!.notes);
      assert.ok(row!.notes.includes(`committed before ${run}`), row!.notes);
    });
  });
} else {
  describe("the PostgreSQL search index follows every write", { skip: "no PostgreSQL server (see lib/test/postgres.ts)" }, () => {
    it("is tested when a server is available", () => {});
  });
}
