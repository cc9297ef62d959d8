/**
 * The one place that knows which database engine runs. DATABASE_URL picks it
 * (docs/decisions/0013-one-engine-seam.md): a `file:` URL, or none, is SQLite;
 * `postgresql://…` (or `postgres://…`) is PostgreSQL (docs/decisions/0018-postgresql.md);
 * anything else is refused with a message naming what is supported. Everything
 * above lib/db and lib/search reaches the database through `db` and `readSql`
 * (lib/db/client.ts) and never learns which engine answered.
 */
import type { PrismaClient } from "../generated/prisma/client";
import type { DatabaseEngine, EngineName } from "./engine-contract";
import { postgresEngine } from "./postgres";
import { isPostgresUrl } from "./postgres-url";
import { sqliteEngine } from "./sqlite";
import { databaseUrl } from "./url";

export type { DatabaseEngine, EngineName } from "./engine-contract";

// A Record, so that naming a second engine fails to compile until it has its implementation here.
const engines: Record<EngineName, DatabaseEngine> = { sqlite: sqliteEngine, postgresql: postgresEngine };

/** The engine a database URL names; throws, saying what is supported, for any other. */
export function engineNameOf(url: string): EngineName {
  if (url.startsWith("file:")) return "sqlite";
  if (isPostgresUrl(url)) return "postgresql";
  // Only the scheme: the rest of a URL may carry a password.
  const scheme = /^[a-z][a-z0-9+.-]*:/i.exec(url)?.[0] ?? "a URL without a scheme";
  throw new Error(
    `DATABASE_URL names ${scheme}, which Hallway does not support. Supported: a SQLite file, "file:<path>" (default file:./data/hallway.db), and PostgreSQL, "postgresql://<user>@<host>/<database>".`,
  );
}

export function databaseEngine(url = databaseUrl()): DatabaseEngine {
  return engines[engineNameOf(url)];
}

/** A Prisma client on the database `url` names, through its engine's adapter. */
export function createPrismaClient(url = databaseUrl()): PrismaClient {
  return databaseEngine(url).createClient(url);
}
