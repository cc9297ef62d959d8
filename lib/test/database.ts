/**
 * A real, migrated SQLite file per test process. Call before importing
 * anything that reads DATABASE_URL (lib/db/client.ts reads it once, on import).
 * With TEST_DATABASE_ENGINE=postgresql, a migrated PostgreSQL database instead
 * (lib/test/postgres.ts), so any test file can be run on the second engine.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { after } from "node:test";
import { applyMigrations } from "../db/schema-engine";
import { setupPostgresTestDatabase } from "./postgres";

export async function setupTestDatabase(): Promise<string> {
  if (process.env.TEST_DATABASE_ENGINE === "postgresql") {
    const url = await setupPostgresTestDatabase();
    if (!url) throw new Error("TEST_DATABASE_ENGINE=postgresql, but there is no PostgreSQL server (see lib/test/postgres.ts).");
    return url;
  }
  const dir = mkdtempSync(path.join(tmpdir(), "hallway-test-"));
  const url = `file:${path.join(dir, "test.db")}`;
  await applyMigrations(url);
  process.env.DATABASE_URL = url;
  after(async () => {
    const { closeReadConnection, db } = await import("../db/client");
    await db.$disconnect();
    await closeReadConnection();
    rmSync(dir, { recursive: true, force: true });
  });
  return url;
}
