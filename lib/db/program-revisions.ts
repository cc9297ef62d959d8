import { readRows } from "./sqlite";

/**
 * Every conference's program revision, by slug: a read of one small table, on the
 * read connection, that every cache compares against to drop what an import in any
 * process made stale (docs/decisions/0014-live-program.md). A PostgreSQL engine
 * answers the same query from its own pool.
 */
export function readProgramRevisions(): Map<string, number> {
  const rows = readRows<{ slug: string; revision: number }>(`SELECT "slug", "programRevision" AS "revision" FROM "Conference"`, []);
  return new Map(rows.map((row) => [row.slug, Number(row.revision)]));
}
