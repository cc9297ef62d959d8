/**
 * Prisma's own schema engine, in its WebAssembly build, driven through the
 * better-sqlite3 driver adapter: the native engine the Prisma CLI downloads is
 * not available everywhere Hallway is built (docs/decisions/0001-migrations-with-the-wasm-schema-engine.md).
 * Migrations keep Prisma's layout and `_prisma_migrations` table, so
 * `prisma migrate deploy` accepts the same history.
 *
 * Importing this module needs `node --experimental-wasm-modules`.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { SchemaEngine, type MigrationList } from "@prisma/schema-engine-wasm";
import {
  bindMigrationAwareSqlAdapterFactory,
  type SqlDriverAdapter,
  type SqlMigrationAwareDriverAdapterFactory,
} from "@prisma/driver-adapter-utils";
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { externalSearchTables } from "../../prisma.config";
import { engineNameOf } from "./engine";
import { sqliteFilePath } from "./url";

const root = path.resolve(import.meta.dirname, "../..");
export const schemaPath = path.join(root, "prisma/schema.prisma");
export const migrationsDir = path.join(root, "prisma/migrations");

const filters = { externalTables: externalSearchTables, externalEnums: [] };

export function readSchema() {
  return { files: [{ path: schemaPath, content: readFileSync(schemaPath, "utf8") }] };
}

export function readMigrations(dir = migrationsDir): MigrationList {
  const lockPath = path.join(dir, "migration_lock.toml");
  const names = existsSync(dir)
    ? readdirSync(dir, { withFileTypes: true })
        .filter((entry) => entry.isDirectory())
        .map((entry) => entry.name)
        .sort()
    : [];
  return {
    baseDir: dir,
    lockfile: { path: "migration_lock.toml", content: existsSync(lockPath) ? readFileSync(lockPath, "utf8") : null },
    shadowDbInitScript: "",
    migrationDirectories: names.map((name) => {
      const file = path.join(dir, name, "migration.sql");
      return {
        path: name,
        migrationFile: {
          path: "migration.sql",
          content: existsSync(file)
            ? { tag: "ok" as const, value: readFileSync(file, "utf8") }
            : { tag: "error" as const, value: `${file} is missing` },
        },
      };
    }),
  };
}

/**
 * Runs `work` with an engine on the database and then closes the engine's own
 * connection: `free()` leaves it open, and SQLite keeps the file locked until it closes.
 */
async function withSchemaEngine<T>(databaseUrl: string, work: (engine: SchemaEngine) => Promise<T>): Promise<T> {
  // SQLite's migrations and adapter; any other URL is refused here with the engine seam's message.
  engineNameOf(databaseUrl);
  const schema = readSchema();
  const factory = new PrismaBetterSqlite3({ url: sqliteFilePath(databaseUrl), timeout: 10_000 });
  const opened: SqlDriverAdapter[] = [];
  const tracking: SqlMigrationAwareDriverAdapterFactory = {
    provider: factory.provider,
    adapterName: factory.adapterName,
    connect: async () => {
      const adapter = await factory.connect();
      opened.push(adapter);
      return adapter;
    },
    connectToShadowDb: async () => {
      const adapter = await factory.connectToShadowDb();
      opened.push(adapter);
      return adapter;
    },
  };
  const engine = await SchemaEngine.new(
    { datamodels: schema.files.map((f) => [f.path, f.content] as [string, string]) },
    () => {},
    bindMigrationAwareSqlAdapterFactory(tracking),
  );
  try {
    return await work(engine);
  } finally {
    engine.free();
    await Promise.all(opened.map((adapter) => adapter.dispose()));
  }
}

/** Applies every migration not yet recorded in `_prisma_migrations`, creating the file (and its folder) when absent; returns their names. */
export async function applyMigrations(databaseUrl: string): Promise<string[]> {
  const file = sqliteFilePath(databaseUrl);
  if (file !== ":memory:") mkdirSync(path.dirname(file), { recursive: true });
  return withSchemaEngine(databaseUrl, async (engine) => {
    const { appliedMigrationNames } = await engine.applyMigrations({ migrationsList: readMigrations(), filters });
    return appliedMigrationNames;
  });
}

/**
 * The SQL that would take a database built from the migrations to schema.prisma; "" when they agree.
 * Replays the migrations into a scratch file rather than the engine's shadow database, which the
 * WebAssembly engine cannot yet fill through the driver adapter (it sends whole scripts as one statement).
 */
export async function diffMigrationsToSchema(schema = readSchema()): Promise<string> {
  const scratch = mkdtempSync(path.join(tmpdir(), "hallway-migrations-"));
  try {
    return await withSchemaEngine(`file:${path.join(scratch, "replay.db")}`, async (engine) => {
      await engine.applyMigrations({ migrationsList: readMigrations(), filters });
      const result = await engine.diff({
        from: { tag: "schemaDatasource", ...schema, configDir: root },
        to: { tag: "schemaDatamodel", ...schema },
        script: true,
        exitCode: null,
        filters,
      });
      return stripEmptyScript(result.stdout ?? "");
    });
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

function stripEmptyScript(sql: string): string {
  const meaningful = sql
    .split("\n")
    .filter((line) => line.trim() !== "" && !line.trim().startsWith("--"))
    .join("\n");
  return meaningful ? sql : "";
}
