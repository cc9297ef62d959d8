/**
 * The one place that knows which database engine runs. DATABASE_URL picks it
 * (docs/decisions/0013-one-engine-seam.md): a `file:` URL, or none, is SQLite;
 * anything else is refused with a message naming what is supported. Everything
 * above lib/db and lib/search reaches the database through `db` and `readSql`
 * (lib/db/client.ts) and never learns which engine answered.
 */
import type { SqlDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import { PrismaClient, type Prisma } from "../generated/prisma/client";
import { sqliteEngine } from "./sqlite";
import { databaseUrl } from "./url";

export type EngineName = "sqlite";

/** What an engine provides; a second engine is a second object of this shape beside SQLite's. */
export type DatabaseEngine = {
  name: EngineName;
  /** The datasource provider, as schema.prisma and better-auth's Prisma adapter name it. */
  provider: "sqlite";
  /** The driver adapter the Prisma client connects through, with the engine's settings for each connection. */
  adapterFactory(url: string): SqlDriverAdapterFactory;
  /**
   * A read-only query on the engine's fast path for hot reads, statements kept.
   * Values come back as the driver gives them: convert dates and booleans with
   * `new Date(...)` and `Boolean(...)`, which read every engine's spelling.
   */
  readSql<Row>(query: Prisma.Sql): Promise<Row[]>;
  /** Closes what `readSql` opened; the next read opens it again. */
  closeReader(): Promise<void>;
  /** The folder an install keeps its own files in (the generated cookie key, lib/auth/secret.ts). */
  stateDirectory(url: string): string;
};

// A Record, so that naming a second engine fails to compile until it has its implementation here.
const engines: Record<EngineName, DatabaseEngine> = { sqlite: sqliteEngine };

/** The engine a database URL names; throws, saying what is supported, for any other. */
export function engineNameOf(url: string): EngineName {
  if (url.startsWith("file:")) return "sqlite";
  // Only the scheme: the rest of a URL may carry a password.
  const scheme = /^[a-z][a-z0-9+.-]*:/i.exec(url)?.[0] ?? "a URL without a scheme";
  throw new Error(
    `DATABASE_URL names ${scheme}, which Hallway does not support. Supported: a SQLite file, "file:<path>" (default file:./data/hallway.db).`,
  );
}

export function databaseEngine(url = databaseUrl()): DatabaseEngine {
  return engines[engineNameOf(url)];
}

/** A Prisma client on the database `url` names, through its engine's adapter. */
export function createPrismaClient(url = databaseUrl()): PrismaClient {
  return new PrismaClient({ adapter: databaseEngine(url).adapterFactory(url) });
}
