import { Prisma } from "../generated/prisma/client";
import { databaseEngine } from "./engine";

/**
 * Every conference's program revision, by slug: a read of one small table, on the
 * engine's read path, that every cache compares against to drop what an import in any
 * process made stale (docs/decisions/0014-live-program.md).
 */
export async function readProgramRevisions(): Promise<Map<string, number>> {
  const rows = await databaseEngine().readSql<{ slug: string; revision: number | bigint }>(
    Prisma.sql`SELECT "slug", "programRevision" AS "revision" FROM "Conference"`,
  );
  return new Map(rows.map((row) => [row.slug, Number(row.revision)]));
}
