/**
 * The PostgreSQL driver adapter as the WebAssembly schema engine needs it, for migrations
 * only (never the app's queries). PrismaPg falls short there in two ways:
 * - its `executeScript` splits a script on `;`, which cuts a plpgsql function body apart;
 *   here the whole script goes to the server as one simple query, which PostgreSQL runs
 *   statement by statement in one implicit transaction, as the native engine sends it;
 * - it has no column type for the catalog's `"char"` (oid 18, e.g. pg_class.relkind), so
 *   the engine's introspection fails; here such columns are read as text.
 */
import { PrismaPg } from "@prisma/adapter-pg";
import { DriverAdapterError, type SqlDriverAdapter, type SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import pg from "pg";

const charOid = 18;
const textOid = 25;

type Fields = { fields?: { dataTypeID: number }[] };

function charAsText<T>(result: T): T {
  for (const row of Array.isArray(result) ? result : [result]) {
    for (const field of (row as Fields | undefined)?.fields ?? []) if (field.dataTypeID === charOid) field.dataTypeID = textOid;
  }
  return result;
}

/** Wraps a connection's `query` so that every result it hands back reads `"char"` columns as text. */
function readCharAsText(client: pg.PoolClient) {
  const query = client.query.bind(client) as (...args: unknown[]) => unknown;
  (client as unknown as { query: (...args: unknown[]) => unknown }).query = (...args: unknown[]) => {
    const callbackAt = args.findIndex((arg) => typeof arg === "function");
    if (callbackAt !== -1) {
      const callback = args[callbackAt] as (error: unknown, result: unknown) => void;
      args[callbackAt] = (error: unknown, result: unknown) => callback(error, error ? result : charAsText(result));
      return query(...args);
    }
    const pending = query(...args);
    return pending instanceof Promise ? pending.then(charAsText) : pending;
  };
}

function asAdapterError(error: unknown): never {
  if (error instanceof Error && typeof (error as { code?: unknown }).code === "string") {
    const e = error as pg.DatabaseError;
    throw new DriverAdapterError({ kind: "postgres", code: e.code ?? "", severity: e.severity ?? "ERROR", message: e.message, detail: e.detail, column: e.column, hint: e.hint });
  }
  throw error;
}

export function postgresMigrationAdapterFactory(url: string): SqlMigrationAwareDriverAdapterFactory {
  const pool = new pg.Pool({ connectionString: url, max: 2 });
  pool.on("connect", readCharAsText);
  const factory = new PrismaPg(pool, { disposeExternalPool: true });
  const wrap = (adapter: SqlDriverAdapter): SqlDriverAdapter => {
    const scripted = Object.create(adapter) as SqlDriverAdapter;
    scripted.executeScript = async (script: string) => {
      await pool.query(script).catch(asAdapterError);
    };
    return scripted;
  };
  return {
    provider: factory.provider,
    adapterName: factory.adapterName,
    connect: async () => wrap(await factory.connect()),
    connectToShadowDb: () => {
      throw new Error("Hallway's migrations replay into a scratch database of their own, never the engine's shadow database.");
    },
  };
}
