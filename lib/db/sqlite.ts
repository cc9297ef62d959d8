/**
 * Everything SQLite-specific about connecting: the driver adapter (with every
 * statement taking its turn around transactions), the pragmas each connection
 * runs before its first query, and the read-only connection that search and the
 * session summaries read through. lib/db/engine.ts selects it; a second engine
 * is a second module of this kind (docs/decisions/0013-one-engine-seam.md).
 */
import path from "node:path";
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import type { SqlDriverAdapter, SqlDriverAdapterFactory, Transaction } from "@prisma/driver-adapter-utils";
import Database from "better-sqlite3";
import { PrismaClient } from "../generated/prisma/client";
import { breather } from "./breather";
import type { DatabaseEngine } from "./engine-contract";
import { databaseUrl, sqliteFilePath } from "./url";

/** Every connection's: temporary tables in memory, and a page cache of up to 32 MB. */
const cachePragmas = `
  PRAGMA temp_store = MEMORY;
  PRAGMA cache_size = -32000;
`;

// WAL lets readers run beside the one writer; NORMAL sync is durable across
// application crashes in WAL mode; foreign keys carry the schema's cascades.
const connectionPragmas = `
  PRAGMA journal_mode = WAL;
  PRAGMA synchronous = NORMAL;
  PRAGMA foreign_keys = ON;
  ${cachePragmas}
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
      const { queued, inTurn } = oneAtATime(adapter);
      // The adapter's own better-sqlite3 connection (its `client`), for `writeRows`: the first
      // client connected to a file is the process's (lib/db/client.ts).
      const connection = (adapter as unknown as { client: Database.Database }).client;
      const file = sqliteFilePath(databaseUrl);
      const writer: Writer = { connection, inTurn, statements: new Map() };
      if (!writers.has(file)) writers.set(file, writer);
      return {
        ...queued,
        dispose: () => {
          if (writers.get(file) === writer) writers.delete(file);
          return queued.dispose();
        },
      };
    },
  };
}

type Writer = { connection: Database.Database; inTurn: <T>(work: () => Promise<T>) => Promise<T>; statements: Map<string, Database.Statement> };

// The Prisma client's connection to each database file, while it is open.
const globalForWriters = globalThis as unknown as { hallwaySqliteWriters?: Map<string, Writer> };
const writers = (globalForWriters.hallwaySqliteWriters ??= new Map<string, Writer>());

/** A value as Prisma's adapter writes it, so that rows written either way read the same (dates as ISO 8601 text in UTC). */
function toSqliteValue(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString().replace("Z", "+00:00");
  if (typeof value === "boolean") return value ? 1 : 0;
  return value;
}

/**
 * One write statement (with its `RETURNING` rows) on the Prisma client's own connection, in its
 * turn among Prisma's statements and transactions, prepared once per process: for the hottest
 * write (a note's versioned update), where Prisma's cost per query was more than the statement's.
 * Committed when it resolves, like any statement outside a transaction. Null when Prisma has not
 * connected to that database yet: the caller asks Prisma instead, which connects.
 */
export async function writeRows<Row>(sql: string, params: unknown[]): Promise<Row[] | null> {
  const writer = writers.get(sqliteFilePath(databaseUrl()));
  if (!writer) return null;
  return writer.inTurn(async () => {
    let statement = writer.statements.get(sql);
    if (!statement) {
      if (writer.statements.size >= maxKeptStatements) writer.statements.clear();
      writer.statements.set(sql, (statement = writer.connection.prepare(sql)));
    }
    const values = params.map(toSqliteValue);
    if (statement.reader) return statement.all(...values) as Row[];
    statement.run(...values);
    return [];
  });
}

/**
 * The better-sqlite3 adapter runs everything on the process's one connection, and
 * holds back only other transactions while one is open: a plain query from another
 * request, issued while an interactive transaction awaits something, runs inside
 * that transaction, and is undone with it if it rolls back (better-auth's adapter
 * and Prisma's own nested writes open such transactions). Here every statement and
 * every transaction takes its turn, first come first served, so a statement outside
 * a transaction never runs while one is open. Statements inside it go through the
 * transaction object and are not held back.
 */
function oneAtATime(adapter: SqlDriverAdapter): { queued: SqlDriverAdapter; inTurn: <T>(work: () => Promise<T>) => Promise<T> } {
  let last: Promise<void> = Promise.resolve();
  const turn = async (): Promise<() => void> => {
    let done!: () => void;
    const previous = last;
    last = new Promise<void>((resolve) => (done = resolve));
    await previous;
    return done;
  };
  const inTurn = async <T>(work: () => Promise<T>): Promise<T> => {
    const done = await turn();
    try {
      return await work();
    } finally {
      done();
    }
  };
  const queued: SqlDriverAdapter = {
    provider: adapter.provider,
    adapterName: adapter.adapterName,
    queryRaw: (query) => inTurn(() => adapter.queryRaw(query)),
    executeRaw: (query) => inTurn(() => adapter.executeRaw(query)),
    executeScript: (script) => inTurn(() => adapter.executeScript(script)),
    getConnectionInfo: adapter.getConnectionInfo?.bind(adapter),
    dispose: () => adapter.dispose(),
    async startTransaction(isolationLevel) {
      const done = await turn();
      let transaction: Transaction;
      try {
        transaction = await adapter.startTransaction(isolationLevel);
      } catch (error) {
        done();
        throw error;
      }
      // better-sqlite3 answers at once, so a long transaction (an import of 1,000 sessions) would
      // otherwise run as one chain of resolved promises and hold the event loop for seconds: every
      // couple of milliseconds it lets other requests in. They cannot write meanwhile (statements wait
      // their turn above), but cached pages and the read connection serve them.
      const breathe = breather();
      const breathing = async <T>(work: () => Promise<T>): Promise<T> => {
        await breathe();
        return work();
      };
      const ending = (end: () => Promise<void>) => async () => {
        try {
          await end();
        } finally {
          done();
        }
      };
      return {
        provider: transaction.provider,
        adapterName: transaction.adapterName,
        options: transaction.options,
        queryRaw: (query) => breathing(() => transaction.queryRaw(query)),
        executeRaw: (query) => breathing(() => transaction.executeRaw(query)),
        commit: ending(() => transaction.commit()),
        rollback: ending(() => transaction.rollback()),
        createSavepoint: transaction.createSavepoint?.bind(transaction),
        rollbackToSavepoint: transaction.rollbackToSavepoint?.bind(transaction),
        releaseSavepoint: transaction.releaseSavepoint?.bind(transaction),
      };
    },
  };
  return { queued, inTurn };
}

const maxKeptStatements = 500;

type Reader = { connection: Database.Database; statements: Map<string, Database.Statement> };

// One per process, like the Prisma client (lib/db/client.ts), and for the same reason;
// like it, opened on the database DATABASE_URL names when first used.
const globalForReader = globalThis as unknown as { hallwaySqliteReader?: Reader };

function reader(): Reader {
  return (globalForReader.hallwaySqliteReader ??= openReader());
}

function openReader(): Reader {
  const file = sqliteFilePath(databaseUrl());
  if (file === ":memory:") throw new Error("Hallway reads through a second connection, which an in-memory database cannot have: use a database file.");
  const connection = new Database(file, { fileMustExist: true, timeout: busyTimeoutMs });
  // The file's WAL mode, set by the writer, lets this connection read beside it; query_only makes
  // any write through it an error.
  connection.exec(`
    PRAGMA query_only = ON;
    ${cachePragmas}
  `);
  return { connection, statements: new Map() };
}

/**
 * Runs a read on a second SQLite connection, beside Prisma's, with the statement
 * prepared once per process. For the hot reads where Prisma's cost per query (the
 * driver adapter prepares every statement anew; results pass through the client)
 * outweighs the query itself: search's FTS5 statements and the session summaries
 * every list shows (docs/decisions/0012-search-reads-on-their-own-connection.md).
 * Each statement sees every committed write and none still in a transaction, as a
 * Prisma read does. Values go in `params`, by name (`@name`) or in order (`?`),
 * never into `sql`.
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

/** SQLite behind the engine seam (lib/db/engine.ts). */
export const sqliteEngine: DatabaseEngine = {
  name: "sqlite",
  provider: "sqlite",
  adapterFactory: sqliteAdapterFactory,
  createClient: (url) => new PrismaClient({ adapter: sqliteAdapterFactory(url) }),
  // Prisma.Sql's `sql` is its text with `?` placeholders, the form SQLite reads.
  readSql: async <Row>(query: { sql: string; values: unknown[] }) => readRows<Row>(query.sql, query.values),
  writeSql: <Row>(query: { sql: string; values: unknown[] }) => writeRows<Row>(query.sql, query.values),
  closeReader: async () => closeReader(),
  // Beside the database file; an in-memory database keeps them in ./data.
  stateDirectory(url) {
    const file = sqliteFilePath(url);
    return file === ":memory:" ? path.resolve(/*turbopackIgnore: true*/ process.cwd(), "data") : path.dirname(file);
  },
};
