/**
 * The PostgreSQL side of the search contract tests: a migrated database of its own on the test
 * server (lib/test/postgres.ts), a Prisma client on it, and search composed from postgres.ts as
 * searchSessions composes the engine's. Null when there is no server (the tests skip, saying why).
 */
import type { Db } from "../db/client";
import { setupPostgresTestDatabase } from "../test/postgres";
import type { SearchHit, SearchOptions } from "./search-sessions";

export async function postgresSearchSetup() {
  const url = await setupPostgresTestDatabase();
  if (!url) return null;
  const { after } = await import("node:test");
  const { closePostgresPools, createPostgresClient } = await import("../db/postgres");
  const search = await import("./postgres");
  const client = createPostgresClient(url);
  after(async () => {
    await client.$disconnect();
    await closePostgresPools();
  });
  // Until the program loader asks the engine seam to compact the index, it compacts FTS5's: on
  // PostgreSQL that statement is skipped, and the index is compacted as PostgreSQL's search does it.
  const db = new Proxy(client, {
    get(target, property) {
      if (property === "$executeRawUnsafe") {
        return (sql: string, ...values: unknown[]) =>
          sql.includes("('optimize')") ? Promise.resolve(0) : target.$executeRawUnsafe(sql, ...values);
      }
      const value = Reflect.get(target, property) as unknown;
      return typeof value === "function" ? value.bind(target) : value;
    },
  }) as unknown as Db;

  async function searchSessions(text: string, options: SearchOptions): Promise<SearchHit[]> {
    const viewerId = options.viewerId ?? null;
    const ranked = await search.rankSessions(text, {
      conferenceId: options.conferenceId, viewerId, dayId: options.dayId, trackId: options.trackId, limit: options.limit ?? 50,
    });
    const ids = ranked.map((r) => r.sessionId);
    const [highlights, sessions] = await Promise.all([
      search.highlightSessions(text, ids, viewerId),
      client.session.findMany({
        where: { id: { in: ids } },
        select: { id: true, slug: true, title: true, day: { select: { date: true } }, track: { select: { slug: true, name: true, color: true } } },
      }),
    ]);
    const byId = new Map(sessions.map((s) => [s.id, s]));
    return ids.flatMap((id) => {
      const session = byId.get(id);
      if (!session) return [];
      const highlight = highlights.get(id);
      const hit = { ...session, day: session.day.date, titleHighlight: highlight?.title || session.title, snippet: highlight?.snippet ?? null };
      return [hit as unknown as SearchHit];
    });
  }

  return { db, searchSessions, search };
}
