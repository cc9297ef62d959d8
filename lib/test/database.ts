/**
 * A real, migrated SQLite file per test process. Call before importing
 * anything that reads DATABASE_URL (lib/db/client.ts reads it once, on import).
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { after } from "node:test";
import { applyMigrations } from "../db/schema-engine";

export async function setupTestDatabase(): Promise<string> {
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
