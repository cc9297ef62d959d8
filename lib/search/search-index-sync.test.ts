/**
 * The FTS5 index is kept up to date by triggers (prisma/migrations/20261127225500_search_index),
 * not by application code: every write to the program or to notes must show in search at once.
 * A session's public notes are rewritten into its row before a search reads it, from the marks the
 * note triggers leave (prisma/migrations/20261202031500_session_notes_refresh).
 */
import { describe } from "node:test";
import { setupTestDatabase } from "../test/database";
import type { IndexedSession } from "./index-sync-contract";

await setupTestDatabase();
const { db } = await import("../db/client");
const { seedDemo } = await import("../../prisma/seed");
const { searchSessions } = await import("../schedule/session-search");
const { indexSyncContract } = await import("./index-sync-contract");
const { databaseEngine } = await import("../db/engine");
const { refreshSessionNotes } = await import("./fts5");

if (databaseEngine().name === "postgresql") {
  describe("the FTS5 index follows every write", { skip: "on PostgreSQL, postgres-index-sync.test.ts runs this contract" }, () => {});
} else {
  // What every search implementation keeps (index-sync-contract.ts), here on FTS5.
  indexSyncContract({
    db,
    seedDemo,
    searchSessions,
    // As a search reads the index: the sessions whose public notes changed rewritten first (fts5.ts).
    indexedSessions: async () => {
      await refreshSessionNotes(db);
      return db.$queryRawUnsafe<IndexedSession[]>(`SELECT rowid AS id, title, subtitle, speakers, track, room, abstract, notes, scope FROM "session_search" ORDER BY rowid`);
    },
    // With rank 1, FTS5 checks an external-content index against its content table ("Note").
    checkIndex: async () => {
      await db.$executeRawUnsafe(`INSERT INTO "note_search" ("note_search", rank) VALUES ('integrity-check', 1)`);
    },
  });
}
