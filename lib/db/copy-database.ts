/**
 * Moves a Hallway to PostgreSQL: every row of every model, ids kept, from the database Hallway
 * runs on (SQLite's file, or any DATABASE_URL) into a PostgreSQL database migrated to the same
 * level (`npm run db -- copy --to postgresql://…`; docs/decisions/0018-postgresql.md). Passwords
 * are copied as their hashes and sign-in sessions as their rows, so people stay signed in; the
 * search tables fill through their triggers, each session's row once, before the copy is checked. One transaction on the target:
 * a failure leaves it as it was.
 *
 * Importing this module needs `node --experimental-wasm-modules` (it migrates the target).
 */
import pg from "pg";
import type { Prisma, PrismaClient } from "../generated/prisma/client";
import { createPrismaClient, engineNameOf } from "./engine";
import { behindMessage, describeDatabase, migrationStatus, type MigrationStatus } from "./migration-status";
import { isPostgresUrl } from "./postgres-url";
import { applyMigrations } from "./schema-engine";

type ModelName = Prisma.ModelName;

/**
 * Every model, in an order where each row's foreign keys point at rows already copied, with a
 * unique key to read its rows in (the primary key, or one that groups rows by session). A Record,
 * so that a model added to the schema fails to compile until it is copied; the object's key order
 * is the copy order.
 */
export const copiedModels: Record<ModelName, readonly string[]> = {
  Conference: ["id"],
  Day: ["id"],
  Track: ["id"],
  Room: ["id"],
  Speaker: ["id"],
  Session: ["id"],
  SessionSpeaker: ["sessionId", "speakerId"],
  User: ["id"],
  Account: ["id"],
  AuthSession: ["id"],
  Verification: ["id"],
  Star: ["userId", "sessionId"],
  CalendarToken: ["id"],
  // By session, the order the search reads them in (each session's search row is rebuilt once, at commit, whatever the order).
  Note: ["sessionId", "userId"],
  DeletedNote: ["userId", "sessionId"],
  ApiToken: ["id"],
  ProgramImport: ["id"],
  SessionChange: ["id"],
  ProgramSource: ["id"],
  // Counts of the last minutes: copied so that a throttle in force stays in force across the move.
  SignInFailure: ["id"],
  RateLimit: ["id"],
};

const copyOrder = Object.keys(copiedModels) as ModelName[];

/** Rows per read and per insert: 1,000 rows of the widest model (Session) stay well under PostgreSQL's 65,535 parameters. */
const batchSize = 1_000;

export type CopyCounts = { model: ModelName; rows: number }[];

/** A failure the person running the copy can act on: the message, and the exit code (2 bad usage, 3 a schema behind, 1 the rest). */
export type CopyRefusal = { ok: false; exitCode: 1 | 2 | 3; message: string };
export type CopyResult = { ok: true; counts: CopyCounts; migrated: string[] } | CopyRefusal;

export type CopyOptions = {
  from: string;
  to: string;
  /** Delete whatever the target holds first (in the same transaction). */
  replace?: boolean;
  /** Progress, one line at a time. */
  log?: (line: string) => void;
};

type Delegate = {
  findMany(args: { orderBy: Record<string, "asc">[]; skip: number; take: number }): Promise<Record<string, unknown>[]>;
  createMany(args: { data: Record<string, unknown>[] }): Promise<{ count: number }>;
};

function delegate(client: PrismaClient | Prisma.TransactionClient, model: ModelName): Delegate {
  const name = model[0]!.toLowerCase() + model.slice(1);
  return (client as unknown as Record<string, Delegate>)[name]!;
}

const quoted = (identifier: string) => `"${identifier.replaceAll('"', '""')}"`;
const refuse = (exitCode: CopyRefusal["exitCode"], message: string): CopyRefusal => ({ ok: false, exitCode, message });

/** Model tables on the target that hold rows, with their counts; before it is migrated, only the tables it has. */
async function rowsOnTarget(url: string): Promise<CopyCounts> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const tables = new Set(
      (await client.query<{ name: string }>(`SELECT relname AS name FROM pg_class WHERE relkind = 'r' AND relnamespace = 'public'::regnamespace`)).rows.map((row) => row.name),
    );
    const counts: CopyCounts = [];
    for (const model of copyOrder.filter((m) => tables.has(m))) {
      const [row] = (await client.query<{ rows: string }>(`SELECT count(*) AS rows FROM ${quoted(model)}`)).rows;
      if (Number(row?.rows) > 0) counts.push({ model, rows: Number(row!.rows) });
    }
    return counts;
  } finally {
    await client.end();
  }
}

/** Why the two databases cannot take part in a copy, or the target's migration status when they can. */
async function checkDatabases({ from, to, replace }: CopyOptions): Promise<CopyRefusal | { ok: true; target: MigrationStatus }> {
  if (!isPostgresUrl(to)) return refuse(2, "--to takes a PostgreSQL URL, postgresql://<user>@<host>/<database>.");
  try {
    engineNameOf(from);
  } catch (error) {
    return refuse(2, (error as Error).message);
  }
  if (from === to) return refuse(2, "The source and the target are the same database.");
  const source = await migrationStatus(from);
  const behind = behindMessage(from, source);
  if (behind) return refuse(3, behind);
  if (source.unknown.length) {
    return refuse(3, `The database at ${describeDatabase(from)} has migrations this copy of Hallway does not know (${source.unknown.join(", ")}): copy with the Hallway that wrote them. Nothing was changed.`);
  }
  const target = await migrationStatus(to);
  if (!target.databaseExists) return refuse(1, `Cannot reach the ${describeDatabase(to)}: create the database (createdb) and check the URL. Nothing was changed.`);
  if (target.unknown.length) {
    return refuse(3, `The ${describeDatabase(to)} has migrations this copy of Hallway does not know (${target.unknown.join(", ")}). Nothing was changed.`);
  }
  if (!replace) {
    const held = await rowsOnTarget(to);
    if (held.length) {
      const what = held.map(({ model, rows }) => `${model} ${rows}`).join(", ");
      return refuse(1, `The ${describeDatabase(to)} already holds data (${what}). Nothing was changed: name an empty database, or pass --replace to delete what it holds and copy.`);
    }
  }
  return { ok: true, target };
}

/** Copies `from` into `to`; a refusal, with nothing changed, when the databases cannot take part. Unexpected failures throw, also with nothing copied. */
export async function copyDatabase(options: CopyOptions): Promise<CopyResult> {
  const log = options.log ?? (() => {});
  const checked = await checkDatabases(options);
  if (!checked.ok) return checked;
  // Migrating an empty database, or one --replace empties, loses nothing, so it happens before the copy's transaction.
  const migrated = checked.target.pending.length ? await applyMigrations(options.to) : [];
  if (migrated.length) log(`Migrated the target: ${migrated.length} migration(s).`);

  const source = createPrismaClient(options.from);
  const target = createPrismaClient(options.to);
  try {
    const counts = await target.$transaction(
      async (tx) => {
        if (options.replace) {
          // TRUNCATE fires no delete triggers (the deleted-note versions), and CASCADE takes the search tables.
          await tx.$executeRawUnsafe(`TRUNCATE ${copyOrder.map(quoted).join(", ")} RESTART IDENTITY CASCADE`);
        }
        const copied: CopyCounts = [];
        for (const model of copyOrder) {
          const orderBy = copiedModels[model].map((field) => ({ [field]: "asc" as const }));
          let rows = 0;
          const tableStarted = performance.now();
          for (;;) {
            const batch = await delegate(source, model).findMany({ orderBy, skip: rows, take: batchSize });
            if (batch.length === 0) break;
            await delegate(tx, model).createMany({ data: batch });
            rows += batch.length;
            if (batch.length < batchSize) break;
          }
          copied.push({ model, rows });
          log(`${model.padEnd(16)} ${String(rows).padStart(8)}  ${((performance.now() - tableStarted) / 1000).toFixed(1)} s`);
        }
        await resetSequences(tx);
        // The search rows are rebuilt once per transaction, at commit (the PostgreSQL search migrations): now, to be checked.
        await tx.$executeRawUnsafe(`SET CONSTRAINTS ALL IMMEDIATE`);
        await checkCopy(tx, copied);
        return copied;
      },
      // The bench's 10,000-session conference takes seconds; a far bigger one must not hit Prisma's 5-second default.
      { maxWait: 60_000, timeout: 60 * 60_000 },
    );
    return { ok: true, counts, migrated };
  } finally {
    await Promise.all([source.$disconnect(), target.$disconnect()]);
  }
}

/** Each serial column's sequence continues past the largest id copied, so the next row gets a fresh id. */
async function resetSequences(tx: Prisma.TransactionClient) {
  const serials = await tx.$queryRawUnsafe<{ table: string; column: string }[]>(
    `SELECT table_name AS "table", column_name AS "column" FROM information_schema.columns
     WHERE table_schema = 'public' AND column_default LIKE 'nextval(%'`,
  );
  if (serials.length === 0) return;
  // One statement for them all: the names come from the catalog, quoted.
  const calls = serials.map(({ table, column }) => {
    const literal = (text: string) => `'${text.replaceAll("'", "''")}'`;
    return `setval(pg_get_serial_sequence(${literal(quoted(table))}, ${literal(column)}), coalesce((SELECT max(${quoted(column)}) FROM ${quoted(table)}), 0) + 1, false)`;
  });
  await tx.$queryRawUnsafe(`SELECT ${calls.join(", ")}`);
}

/** Fails the transaction unless every model has the rows read from the source and the search tables one row per session and note. */
async function checkCopy(tx: Prisma.TransactionClient, copied: CopyCounts) {
  const tables = [...copied.map((c) => c.model), "session_search", "note_search"];
  const [found] = await tx.$queryRawUnsafe<Record<string, number>[]>(
    `SELECT ${tables.map((table) => `(SELECT count(*)::int FROM ${quoted(table)}) AS ${quoted(table)}`).join(", ")}`,
  );
  for (const { model, rows } of copied) {
    if (found?.[model] !== rows) throw new Error(`${model}: ${rows} rows read, ${found?.[model]} on the target. Nothing was copied.`);
  }
  const sessions = copied.find((c) => c.model === "Session")!.rows;
  const notes = copied.find((c) => c.model === "Note")!.rows;
  if (found?.session_search !== sessions || found.note_search !== notes) {
    throw new Error(`The search tables hold ${found?.session_search} sessions and ${found?.note_search} notes, not ${sessions} and ${notes}. Nothing was copied.`);
  }
}
