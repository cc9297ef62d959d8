/**
 * Everything PostgreSQL-specific about connecting, the counterpart of lib/db/sqlite.ts: one
 * pool per process and database, which the Prisma client (through @prisma/adapter-pg, on the
 * client generated from prisma/postgresql/schema.prisma) and the hot-path reads share
 * (docs/decisions/0014-postgresql.md).
 */
import { PrismaPg } from "@prisma/adapter-pg";
import type { SqlDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import pg from "pg";
import { PrismaClient } from "../generated/prisma-pg/client";
import { databaseUrl } from "./url";

const timestampOid = 1114;

// Prisma writes DateTime as UTC into `timestamp(3)`, which carries no zone; pg would read it in
// the process's zone. Prisma's adapter parses its own results; these are the hot-path reads'.
const types = {
  getTypeParser: ((oid: number, format?: "text" | "binary") =>
    oid === timestampOid && format !== "binary"
      ? (value: string) => new Date(`${value.replace(" ", "T")}Z`)
      : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
};

/** Connections per process: a few, since each instance of the app has its own pool. */
const poolSize = Number(process.env.DATABASE_POOL_SIZE ?? 10);

const globalForPools = globalThis as unknown as { hallwayPostgresPools?: Map<string, pg.Pool> };
const pools = (globalForPools.hallwayPostgresPools ??= new Map());

/** The process's pool on the database `url` names, opened on first use. */
export function postgresPool(url = databaseUrl()): pg.Pool {
  let pool = pools.get(url);
  if (!pool) {
    pool = new pg.Pool({ connectionString: url, max: poolSize, types });
    // An idle connection the server closed (a restart) is dropped by the pool; the next query opens another.
    pool.on("error", () => {});
    pools.set(url, pool);
  }
  return pool;
}

export function postgresAdapterFactory(url: string): SqlDriverAdapterFactory {
  return new PrismaPg(postgresPool(url));
}

/** A Prisma client on PostgreSQL, sharing the process's pool. */
export function createPostgresClient(url = databaseUrl()): PrismaClient {
  return new PrismaClient({ adapter: postgresAdapterFactory(url) });
}

/**
 * A read on the process's pool, past Prisma's cost per query: `sql` with `$1`… placeholders
 * (a `Prisma.sql` template's `text`), values in `params`, never in `sql`. Dates come back as
 * Date, booleans as booleans, bigint (count(*)) as text.
 */
export async function readPostgresRows<Row>(sql: string, params: unknown[]): Promise<Row[]> {
  return (await postgresPool().query(sql, params)).rows as Row[];
}

/** Ends every pool this process opened; the next use opens them again. */
export async function closePostgresPools(): Promise<void> {
  const open = [...pools.values()];
  pools.clear();
  await Promise.all(open.map((pool) => pool.end()));
}
