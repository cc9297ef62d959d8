/**
 * Everything SQLite-specific about connecting: the driver adapter and the
 * pragmas each connection runs before its first query. A PostgreSQL deployment
 * would put its own adapter beside this one (docs/decisions/0004-sqlite-first.md).
 */
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import type { SqlDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import { sqliteFilePath } from "./url";

// WAL lets readers run beside the one writer; NORMAL sync is durable across
// application crashes in WAL mode; foreign keys carry the schema's cascades.
const connectionPragmas = `
  PRAGMA journal_mode = WAL;
  PRAGMA synchronous = NORMAL;
  PRAGMA foreign_keys = ON;
  PRAGMA temp_store = MEMORY;
  PRAGMA cache_size = -32000;
`;

/** How long a connection waits for another process's write lock before giving up. */
const busyTimeoutMs = 5_000;

export function sqliteAdapterFactory(databaseUrl: string): SqlDriverAdapterFactory {
  const factory = new PrismaBetterSqlite3({ url: sqliteFilePath(databaseUrl), timeout: busyTimeoutMs });
  return {
    provider: factory.provider,
    adapterName: factory.adapterName,
    async connect() {
      const adapter = await factory.connect();
      await adapter.executeScript(connectionPragmas);
      return adapter;
    },
  };
}
