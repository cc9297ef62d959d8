/**
 * The FTS5 index is kept up to date by triggers (prisma/migrations/20261127225500_search_index),
 * not by application code: every write to the program or to notes must show in search at once.
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

if (databaseEngine().name === "postgresql") {
  describe("the FTS5 index follows every write", { skip: "on PostgreSQL, postgres-index-sync.test.ts runs this contract" }, () => {});
} else {
  // What every search implementation keeps (index-sync-contract.ts), here on FTS5.
  indexSyncContract({
    db,
    seedDemo,
    searchSessions,
    indexedSessions: () =>
      db.$queryRawUnsafe<IndexedSession[]>(`SELECT rowid AS id, title, subtitle, speakers, track, room, abstract, notes, scope FROM "session_search" ORDER BY rowid`),
    // With rank 1, FTS5 checks an external-content index against its content table ("Note").
    checkIndex: async () => {
      await db.$executeRawUnsafe(`INSERT INTO "note_search" ("note_search", rank) VALUES ('integrity-check', 1)`);
    },
  });
}
