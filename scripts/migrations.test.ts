import assert from "node:assert/strict";
import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { after, describe, it } from "node:test";
import Database from "better-sqlite3";
import { applyMigrations, diffMigrationsToSchema, migrationsDir } from "../lib/db/schema-engine";

const scratch = mkdtempSync(path.join(tmpdir(), "hallway-migrations-test-"));
after(() => rmSync(scratch, { recursive: true, force: true }));

const migrationNames = readdirSync(migrationsDir, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .sort();

function schemaObjects(file: string) {
  const sqlite = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return sqlite.prepare(`SELECT type, name, sql FROM sqlite_master ORDER BY name`).all() as { type: string; name: string; sql: string | null }[];
  } finally {
    sqlite.close();
  }
}

describe("migrations", () => {
  it("agree with schema.prisma (`npm run db -- check`)", async () => {
    assert.equal(await diffMigrationsToSchema(), "");
  });

  it("create every table, the FTS5 search tables and their triggers in a fresh database", async () => {
    const file = path.join(scratch, "fresh.db");
    assert.deepEqual(await applyMigrations(`file:${file}`), migrationNames);
    assert.ok(migrationNames.includes("20261127225500_search_index"));

    const objects = schemaObjects(file);
    const tables = objects.filter((o) => o.type === "table").map((o) => o.name);
    for (const table of ["Conference", "Day", "Track", "Room", "Session", "Speaker", "SessionSpeaker", "User", "Note", "_prisma_migrations"]) {
      assert.ok(tables.includes(table), `table ${table} is missing`);
    }
    for (const search of ["session_search", "note_search"]) {
      const sql = objects.find((o) => o.name === search)?.sql ?? "";
      assert.match(sql, /^CREATE VIRTUAL TABLE "?\w+"? USING fts5\(/, search);
      assert.match(sql, /remove_diacritics 2/, search);
    }
    const triggers = objects.filter((o) => o.type === "trigger" && /^(session|note)_search_/.test(o.name)).map((o) => o.name).sort();
    assert.deepEqual(triggers, [
      "note_search_after_delete", "note_search_after_insert", "note_search_after_update",
      "session_search_after_delete", "session_search_after_insert", "session_search_after_room_rename",
      "session_search_after_speaker_link", "session_search_after_speaker_rename", "session_search_after_speaker_unlink",
      "session_search_after_track_rename", "session_search_after_update",
    ]);
  });

  it("apply nothing the second time", async () => {
    const file = path.join(scratch, "twice.db");
    assert.deepEqual(await applyMigrations(`file:${file}`), migrationNames);
    const objectsBefore = schemaObjects(file);
    assert.deepEqual(await applyMigrations(`file:${file}`), []);
    assert.deepEqual(schemaObjects(file), objectsBefore);
  });

  it("release the database file when they return", async () => {
    const file = path.join(scratch, "released.db");
    await applyMigrations(`file:${file}`);
    const sqlite = new Database(file, { timeout: 0 });
    try {
      assert.doesNotThrow(() => sqlite.prepare(`SELECT count(*) FROM "Session"`).get());
    } finally {
      sqlite.close();
    }
  });
});
