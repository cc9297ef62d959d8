/**
 * Which migrations on disk a database has not applied, read from Prisma's
 * `_prisma_migrations` table without the schema engine: for tools that must run
 * beside a live server (the import CLI), which applies migrations itself at start.
 */
import { existsSync, readdirSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import pg from "pg";
import { engineNameOf, type EngineName } from "./engine";
import { sqliteFilePath } from "./url";

const prismaDir = path.resolve(import.meta.dirname, "../../prisma");

/** Each engine's migration history, in Prisma's layout. */
export const migrationsDirs = {
  sqlite: path.join(prismaDir, "migrations"),
  postgresql: path.join(prismaDir, "postgresql", "migrations"),
} satisfies Record<EngineName, string>;

export const migrationsDir = migrationsDirs.sqlite;

/** The migrations on disk, by folder name, in the order they apply. */
export function migrationNames(dir = migrationsDir): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
}

/** `unknown`: applied to the database but not on disk, so a newer Hallway wrote it. */
export type MigrationStatus = { databaseExists: boolean; pending: string[]; unknown: string[] };

const appliedSql = `SELECT migration_name AS name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`;

/** The names of the applied migrations, or null when the database is not there (no file, no migrations table counts as none applied). */
async function appliedMigrations(databaseUrl: string, engine: EngineName): Promise<Set<string> | null> {
  if (engine === "postgresql") {
    const client = new pg.Client({ connectionString: databaseUrl });
    try {
      await client.connect();
    } catch {
      return null;
    }
    try {
      const table = await client.query(`SELECT to_regclass('public._prisma_migrations') AS name`);
      if (!table.rows[0]?.name) return new Set();
      return new Set((await client.query<{ name: string }>(appliedSql)).rows.map((row) => row.name));
    } finally {
      await client.end();
    }
  }
  const file = sqliteFilePath(databaseUrl);
  if (file === ":memory:" || !existsSync(file)) return null;
  const connection = new Database(file, { readonly: true, fileMustExist: true, timeout: 5_000 });
  try {
    const table = connection.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = '_prisma_migrations'`).get();
    if (!table) return new Set();
    return new Set((connection.prepare(appliedSql).all() as { name: string }[]).map((row) => row.name));
  } finally {
    connection.close();
  }
}

export async function migrationStatus(databaseUrl: string, dir?: string): Promise<MigrationStatus> {
  const engine = engineNameOf(databaseUrl);
  const onDisk = migrationNames(dir ?? migrationsDirs[engine]);
  const applied = await appliedMigrations(databaseUrl, engine);
  if (!applied) return { databaseExists: false, pending: onDisk, unknown: [] };
  return { databaseExists: true, pending: onDisk.filter((name) => !applied.has(name)), unknown: [...applied].filter((name) => !onDisk.includes(name)) };
}

/** Where a database is, for a message: the SQLite file's path, or the PostgreSQL database without its credentials. */
export function describeDatabase(databaseUrl: string): string {
  if (engineNameOf(databaseUrl) === "postgresql") {
    const url = new URL(databaseUrl);
    return `PostgreSQL database ${url.pathname.slice(1) || "postgres"} on ${url.host}`;
  }
  return path.relative(/*turbopackIgnore: true*/ process.cwd(), sqliteFilePath(databaseUrl)) || databaseUrl;
}

/** One line saying why a tool will not touch this database, or null when it is up to date. */
export async function schemaBehindMessage(databaseUrl: string, dir?: string): Promise<string | null> {
  return behindMessage(databaseUrl, await migrationStatus(databaseUrl, dir));
}

/** schemaBehindMessage for a status already read, by a caller that looks at more of it. */
export function behindMessage(databaseUrl: string, status: MigrationStatus): string | null {
  const where = describeDatabase(databaseUrl);
  if (!status.databaseExists) return `No database at ${where}: start Hallway once (npm start) or run \`npm run db -- migrate\`, then try again.`;
  if (status.pending.length === 0) return null;
  const count = status.pending.length;
  return (
    `The database at ${where} is behind this copy of Hallway (${count} migration${count === 1 ? "" : "s"} not applied: ${status.pending.join(", ")}); ` +
    "restart the server, which applies them, or run `npm run db -- migrate`, then try again. Nothing was changed."
  );
}
