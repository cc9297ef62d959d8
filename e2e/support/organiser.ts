/**
 * The browser tests' database, for what no web page does: making an account an
 * organiser (as `npm run db -- organiser add <email>` does, without a process of
 * its own), and removing the conferences a test imported.
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

/**
 * Deletes conferences a test created, with everything in them (the schema cascades;
 * triggers keep the search index). Other specs expect the demo to be the only
 * conference: "/" then goes straight to its schedule.
 */
export function deleteConferences(slugs: string[]): void {
  if (slugs.length === 0) return;
  const database = new Database(e2eDatabaseFile);
  try {
    database.pragma("busy_timeout = 5000");
    database.pragma("foreign_keys = ON");
    const remove = database.prepare(`DELETE FROM "Conference" WHERE "slug" = ?`);
    for (const slug of slugs) remove.run(slug);
  } finally {
    database.close();
  }
}
