/**
 * Which migrations on disk a database has not applied, read from Prisma's
 * `_prisma_migrations` table without the schema engine: for tools that must run
 * beside a live server (the import CLI), which applies migrations itself at start.
 * SQLite-specific, like lib/db/sqlite.ts.
 */
import { existsSync, readdirSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { engineNameOf } from "./engine";
import { sqliteFilePath } from "./url";

export const migrationsDir = path.resolve(import.meta.dirname, "../../prisma/migrations");

/** The migrations on disk, by folder name, in the order they apply. */
export function migrationNames(dir = migrationsDir): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
}

export type MigrationStatus = { databaseExists: boolean; pending: string[] };

export function migrationStatus(databaseUrl: string, dir = migrationsDir): MigrationStatus {
  engineNameOf(databaseUrl);
  const onDisk = migrationNames(dir);
  const file = sqliteFilePath(databaseUrl);
  if (file === ":memory:" || !existsSync(file)) return { databaseExists: false, pending: onDisk };
  const connection = new Database(file, { readonly: true, fileMustExist: true, timeout: 5_000 });
  try {
    const table = connection.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = '_prisma_migrations'`).get();
    if (!table) return { databaseExists: true, pending: onDisk };
    const rows = connection
      .prepare(`SELECT migration_name AS name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`)
      .all() as { name: string }[];
    const applied = new Set(rows.map((row) => row.name));
    return { databaseExists: true, pending: onDisk.filter((name) => !applied.has(name)) };
  } finally {
    connection.close();
  }
}

/** One line saying why a tool will not touch this database, or null when it is up to date. */
export function schemaBehindMessage(databaseUrl: string, dir = migrationsDir): string | null {
  const status = migrationStatus(databaseUrl, dir);
  const where = path.relative(/*turbopackIgnore: true*/ process.cwd(), sqliteFilePath(databaseUrl)) || databaseUrl;
  if (!status.databaseExists) return `No database at ${where}: start Hallway once (npm start) or run \`npm run db -- migrate\`, then try again.`;
  if (status.pending.length === 0) return null;
  const count = status.pending.length;
  return (
    `The database at ${where} is behind this copy of Hallway (${count} migration${count === 1 ? "" : "s"} not applied: ${status.pending.join(", ")}); ` +
    "restart the server, which applies them, or run `npm run db -- migrate`, then try again. Nothing was changed."
  );
}
