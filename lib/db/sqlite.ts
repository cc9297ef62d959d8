/**
 * Everything SQLite-specific about connecting: the driver adapter, the pragmas
 * each connection runs before its first query, and the read-only connection
 * search reads through. A PostgreSQL deployment would put its own adapter beside
 * this one (docs/decisions/0004-sqlite-first.md).
 */
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import type { SqlDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import Database from "better-sqlite3";
import { databaseUrl, sqliteFilePath } from "./url";

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

const maxKeptStatements = 500;

type Reader = { url: string; connection: Database.Database; statements: Map<string, Database.Statement> };

// One per process, like the Prisma client (lib/db/client.ts), and for the same reason.
const globalForReader = globalThis as unknown as { hallwaySqliteReader?: Reader };

function reader(): Reader {
  const url = databaseUrl();
  const open = globalForReader.hallwaySqliteReader;
  if (open?.url === url) return open;
  open?.connection.close();
  const file = sqliteFilePath(url);
  if (file === ":memory:") throw new Error("Hallway reads through a second connection, which an in-memory database cannot have: use a database file.");
  const connection = new Database(file, { fileMustExist: true, timeout: busyTimeoutMs });
  // The file's WAL mode, set by the writer, lets this connection read beside it; query_only makes
  // any write through it an error.
  connection.exec(`
    PRAGMA query_only = ON;
    PRAGMA temp_store = MEMORY;
    PRAGMA cache_size = -32000;
  `);
  return (globalForReader.hallwaySqliteReader = { url, connection, statements: new Map() });
}

/**
 * Runs a read on a second SQLite connection, beside Prisma's, with the statement
 * prepared once per process. For the hot reads where Prisma's cost per query (the
 * driver adapter prepares every statement anew; results pass through the client)
 * outweighs the query itself: search's FTS5 statements and the session summaries
 * every list shows (docs/decisions/0012-search-reads-on-their-own-connection.md).
 * Each statement reads the last committed state, as a Prisma read would. Values go
 * in `params`, by name (`@name`) or in order (`?`), never into `sql`.
 */
export function readRows<Row>(sql: string, params: Record<string, unknown> | unknown[]): Row[] {
  const { connection, statements } = reader();
  let statement = statements.get(sql);
  if (!statement) {
    // Lists of ids give a statement per length: bounded, but not worth keeping without end.
    if (statements.size >= maxKeptStatements) statements.clear();
    statements.set(sql, (statement = connection.prepare(sql)));
  }
  return (Array.isArray(params) ? statement.all(...params) : statement.all(params)) as Row[];
}

/** Closes the read connection, if open; the next `readRows` opens it again. */
export function closeReader(): void {
  globalForReader.hallwaySqliteReader?.connection.close();
  globalForReader.hallwaySqliteReader = undefined;
}
