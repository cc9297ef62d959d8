/**
 * PostgreSQL's search tables are kept up to date by triggers
 * (prisma/postgresql/migrations/*_search_index), not by application code.
 */
import { describe, it } from "node:test";
import { setupPostgresTestDatabase } from "../test/postgres";
import type { IndexedSession } from "./index-sync-contract";

const url = await setupPostgresTestDatabase();
const { db } = await import("../db/client");
const { seedDemo } = await import("../../prisma/seed");
const { searchSessions } = await import("../schedule/session-search");
const { indexSyncContract } = await import("./index-sync-contract");

if (url) {
  // What every search implementation keeps (index-sync-contract.ts), here on PostgreSQL.
  indexSyncContract({
    db,
    seedDemo,
    searchSessions,
    indexedSessions: () =>
      db.$queryRawUnsafe<IndexedSession[]>(
        `SELECT session_id AS id, title, subtitle, speakers, track, room, abstract, notes,
           'c' || conference_id || ' d' || day_id || ' t' || coalesce(track_id, 0) AS scope
         FROM session_search ORDER BY session_id`,
      ),
    // Every note has its row, with the words of its body as they are now.
    checkIndex: async () => {
      const [row] = await db.$queryRawUnsafe<{ stale: number }[]>(
        `SELECT count(*)::integer AS stale FROM "Note" n FULL JOIN note_search ns ON ns.note_id = n."id"
         WHERE n."id" IS NULL OR ns.note_id IS NULL OR ns.document <> to_tsvector('hallway_search', n."body")`,
      );
      if (row?.stale !== 0) throw new Error(`${row?.stale} note(s) differ from their note_search row`);
    },
  });
} else {
  describe("the PostgreSQL search index follows every write", { skip: "no PostgreSQL server (see lib/test/postgres.ts)" }, () => {
    it("is tested when a server is available", () => {});
  });
}
