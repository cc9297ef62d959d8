import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { readdirSync } from "node:fs";
import { after, before, describe, it } from "node:test";
import pg from "pg";
import { applyMigrations, diffMigrationsToSchema, migrationsDirOf, readSchema } from "../lib/db/schema-engine";
import { withDatabase } from "../lib/db/postgres-url";
import { postgresServer } from "../lib/test/postgres";

const server = await postgresServer();
const serverUrl = "url" in server ? server.url : "";
const skip = "skip" in server ? server.skip : false;

const migrationNames = readdirSync(migrationsDirOf("postgresql"), { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .sort();

describe("the PostgreSQL migrations", { skip }, () => {
  const name = `hallway_migrations_${randomBytes(4).toString("hex")}`;
  let admin: pg.Client;
  let url: string;

  before(async () => {
    admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE "${name}"`);
    url = withDatabase(serverUrl, name);
  });
  after(async () => {
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.end();
  });

  const query = async <Row>(sql: string) => {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      return (await client.query(sql)).rows as Row[];
    } finally {
      await client.end();
    }
  };

  it("agree with prisma/postgresql/schema.prisma (`npm run db -- check`)", async () => {
    assert.equal(await diffMigrationsToSchema(undefined, serverUrl), "");
  });

  it("disagree, and say how, when the schema changes without a migration", async () => {
    const schema = readSchema("postgresql");
    const changed = { files: schema.files.map((file) => ({ ...file, content: file.content.replace("model Speaker {", "model Speaker {\n  website String?") })) };
    assert.notEqual(changed.files[0]!.content, schema.files[0]!.content, "the test must really change the schema");
    assert.match(await diffMigrationsToSchema(changed, serverUrl), /ALTER TABLE "Speaker" ADD COLUMN +"website" TEXT/);
  });

  it("create every table, the search tables, their configuration, index and triggers in an empty database, and apply nothing the second time", async () => {
    assert.deepEqual(await applyMigrations(url), migrationNames);
    const tables = (await query<{ tablename: string }>(`SELECT tablename FROM pg_tables WHERE schemaname = 'public'`)).map((t) => t.tablename);
    for (const table of ["Conference", "Day", "Track", "Room", "Session", "Speaker", "SessionSpeaker", "User", "Note", "DeletedNote", "_prisma_migrations", "session_search", "note_search"]) {
      assert.ok(tables.includes(table), `table ${table} is missing`);
    }
    const [config] = await query<{ cfgname: string }>(`SELECT cfgname FROM pg_ts_config WHERE cfgname = 'hallway_search'`);
    assert.ok(config, "the text-search configuration is missing");
    const [gin] = await query<{ indexdef: string }>(`SELECT indexdef FROM pg_indexes WHERE tablename = 'session_search' AND indexdef LIKE '%USING gin%'`);
    assert.match(gin?.indexdef ?? "", /\(document\)/);
    const triggers = (await query<{ tgname: string }>(`SELECT tgname FROM pg_trigger WHERE NOT tgisinternal ORDER BY tgname`)).map((t) => t.tgname);
    assert.deepEqual(triggers, [
      "Note_keep_version_on_delete",
      "note_search_after_delete", "note_search_after_insert", "note_search_after_update",
      "session_search_after_insert", "session_search_after_room_rename", "session_search_after_speaker_link",
      "session_search_after_speaker_relink", "session_search_after_speaker_rename", "session_search_after_speaker_unlink",
      "session_search_after_track_rename", "session_search_after_update", "session_search_rebuild_at_commit",
    ]);
    const recorded = await query<{ migration_name: string; finished_at: Date | null }>(`SELECT migration_name, finished_at FROM _prisma_migrations ORDER BY migration_name`);
    assert.deepEqual(recorded.map((m) => m.migration_name), migrationNames);
    assert.ok(recorded.every((m) => m.finished_at), "every migration finished");
    assert.deepEqual(await applyMigrations(url), []);
  });
});
