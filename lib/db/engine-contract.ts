/**
 * What a database engine provides (docs/decisions/0013-one-engine-seam.md): the types
 * lib/db/engine.ts chooses between, apart from the choice, so that each implementation
 * (sqlite.ts, postgres.ts) depends on the contract and the seam on the implementations.
 */
import type { SqlDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import type { Prisma, PrismaClient } from "../generated/prisma/client";

export type EngineName = "sqlite" | "postgresql";

/** What an engine provides; a second engine is a second object of this shape beside SQLite's. */
export type DatabaseEngine = {
  name: EngineName;
  /** The datasource provider, as schema.prisma and better-auth's Prisma adapter name it. */
  provider: "sqlite" | "postgresql";
  /** The driver adapter the Prisma client connects through, with the engine's settings for each connection. */
  adapterFactory(url: string): SqlDriverAdapterFactory;
  /**
   * The Prisma client on that adapter. A generated client refuses another provider's adapter,
   * so each engine has its own (lib/generated/prisma, lib/generated/prisma-pg), with the same
   * models: typed as SQLite's, the one the code is written against.
   */
  createClient(url: string): PrismaClient;
  /**
   * A read-only query on the engine's fast path for hot reads, statements kept.
   * Values come back as the driver gives them: convert dates and booleans with
   * `new Date(...)` and `Boolean(...)`, which read every engine's spelling.
   */
  readSql<Row>(query: Prisma.Sql): Promise<Row[]>;
  /**
   * One write statement with its `RETURNING` rows on the engine's fast path, past Prisma's cost
   * per query, committed when it resolves; null when the engine has none (then Prisma runs it).
   */
  writeSql<Row>(query: Prisma.Sql): Promise<Row[] | null>;
  /** Closes what `readSql` opened; the next read opens it again. */
  closeReader(): Promise<void>;
  /** The folder an install keeps its own files in (the generated cookie key, lib/auth/secret.ts). */
  stateDirectory(url: string): string;
};
