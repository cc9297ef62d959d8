/**
 * Makes an account an organiser in the browser tests' database, as
 * `npm run db -- organiser add <email>` does, without a process of its own.
 */
import path from "node:path";
import Database from "better-sqlite3";

export const e2eDatabaseFile = path.resolve(import.meta.dirname, "../.data/e2e.db");

export function makeOrganiser(email: string): void {
  const database = new Database(e2eDatabaseFile);
  try {
    database.pragma("busy_timeout = 5000");
    const { changes } = database.prepare(`UPDATE "User" SET "organiser" = 1 WHERE "email" = ?`).run(email);
    if (changes !== 1) throw new Error(`No account ${email} to make an organiser`);
  } finally {
    database.close();
  }
}
