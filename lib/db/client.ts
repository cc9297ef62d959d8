import type { Prisma } from "../generated/prisma/client";
import { createPrismaClient, databaseEngine } from "./engine";

// One client, so one SQLite connection, per process. The bundler may load this module once
// per route bundle (and dev reloads it); two connections would queue writes behind each
// other's locks, sleeping in SQLite's busy handler.
const globalForPrisma = globalThis as unknown as { hallwayPrisma?: ReturnType<typeof createPrismaClient> };

export const db = (globalForPrisma.hallwayPrisma ??= createPrismaClient());

export type Db = typeof db;

/**
 * A read-only query for the hot paths (session summaries), without Prisma's cost per
 * query: on SQLite, the read connection of lib/db/sqlite.ts, statements kept
 * (docs/decisions/0012-search-reads-on-their-own-connection.md). The SQL is a
 * `Prisma.sql` template, so it stays portable; values come back as the driver gives
 * them (on SQLite dates as text, booleans as 0 and 1).
 */
export function readSql<Row>(query: Prisma.Sql): Promise<Row[]> {
  return databaseEngine().readSql<Row>(query);
}

/**
 * One write statement with `RETURNING`, for the hottest write (a note's versioned update): on
 * SQLite prepared once on Prisma's own connection, in its turn; otherwise, or before Prisma has
 * connected, through Prisma. Rows as the driver gives them (SQLite integers as bigint).
 */
export async function writeSql<Row>(query: Prisma.Sql): Promise<Row[]> {
  return (await databaseEngine().writeSql<Row>(query)) ?? db.$queryRaw<Row[]>(query);
}

/** Closes the hot-path read connection, if open (tests between databases); the next `readSql` opens it again. */
export function closeReadConnection(): Promise<void> {
  return databaseEngine().closeReader();
}
