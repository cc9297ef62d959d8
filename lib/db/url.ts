import path from "node:path";

/** The default database: one SQLite file in ./data, created on first start. */
export const defaultDatabaseUrl = "file:./data/hallway.db";

export function databaseUrl(): string {
  return process.env.DATABASE_URL || defaultDatabaseUrl;
}

/** Turns a `file:` URL (relative to the project root, as Prisma reads it) into a path better-sqlite3 opens. */
export function sqliteFilePath(url: string): string {
  if (url === ":memory:" || url === "file::memory:") return ":memory:";
  const withoutScheme = url.replace(/^file:/, "").replace(/\?.*$/, "");
  return path.resolve(/*turbopackIgnore: true*/ process.cwd(), withoutScheme);
}
