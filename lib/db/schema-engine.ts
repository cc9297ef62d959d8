/**
 * Prisma's own schema engine, in its WebAssembly build, driven through a driver adapter:
 * the native engine the Prisma CLI downloads is not available everywhere Hallway is built
 * (docs/decisions/0001-migrations-with-the-wasm-schema-engine.md). Each engine has its
 * schema and its migration history, both in Prisma's layout with its `_prisma_migrations`
 * table, so `prisma migrate deploy` accepts the same history: SQLite's prisma/schema.prisma
 * and prisma/migrations, PostgreSQL's prisma/postgresql/ (docs/decisions/0018-postgresql.md).
 * The database URL chooses.
 *
 * Importing this module needs `node --experimental-wasm-modules`.
 */
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { SchemaEngine, type MigrationList } from "@prisma/schema-engine-wasm";
import {
  bindMigrationAwareSqlAdapterFactory,
  type SqlDriverAdapter,
  type SqlMigrationAwareDriverAdapterFactory,
} from "@prisma/driver-adapter-utils";
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import pg from "pg";
import { externalSearchTables } from "../../prisma.config";
import { externalPostgresSearchTables } from "../../prisma.postgresql.config";
import { postgresMigrationAdapterFactory } from "./postgres-migration-adapter";
import { engineNameOf, type EngineName } from "./engine";
import { migrationNames, migrationsDirs } from "./migration-status";
import { databaseName, withDatabase } from "./postgres-url";
import { sqliteFilePath } from "./url";

const root = path.resolve(import.meta.dirname, "../..");

const layouts = {
  sqlite: {
    schemaPath: path.join(root, "prisma/schema.prisma"),
    migrationsDir: migrationsDirs.sqlite,
    filters: { externalTables: externalSearchTables, externalEnums: [] },
  },
  postgresql: {
    schemaPath: path.join(root, "prisma/postgresql/schema.prisma"),
    migrationsDir: migrationsDirs.postgresql,
    filters: { externalTables: externalPostgresSearchTables, externalEnums: [] },
  },
} satisfies Record<EngineName, unknown>;

/** The engine a URL names, by the engine seam's rule; any other URL is refused with its message. */
export const engineOf = (databaseUrl: string): EngineName => engineNameOf(databaseUrl);

export const schemaPath = layouts.sqlite.schemaPath;
export const migrationsDir = layouts.sqlite.migrationsDir;
export const migrationsDirOf = (engine: EngineName) => layouts[engine].migrationsDir;

type Schema = { files: { path: string; content: string }[] };

export function readSchema(engine: EngineName = "sqlite"): Schema {
  const file = layouts[engine].schemaPath;
  return { files: [{ path: file, content: readFileSync(file, "utf8") }] };
}

export function readMigrations(dir = migrationsDir): MigrationList {
  const lockPath = path.join(dir, "migration_lock.toml");
  const names = migrationNames(dir);
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

function adapterFactory(databaseUrl: string): SqlMigrationAwareDriverAdapterFactory {
  return engineOf(databaseUrl) === "postgresql"
    ? postgresMigrationAdapterFactory(databaseUrl)
    : new PrismaBetterSqlite3({ url: sqliteFilePath(databaseUrl), timeout: 10_000 });
}

/**
 * Runs `work` with an engine on the database and then closes the engine's own
 * connection: `free()` leaves it open, and SQLite keeps the file locked until it closes.
 */
async function withSchemaEngine<T>(databaseUrl: string, schema: Schema, work: (engine: SchemaEngine) => Promise<T>): Promise<T> {
  const factory = adapterFactory(databaseUrl);
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

/**
 * Applies every migration not yet recorded in `_prisma_migrations`, from the history of the
 * URL's engine; returns their names. A SQLite file (and its folder) is created when absent;
 * a PostgreSQL database must exist.
 */
export async function applyMigrations(databaseUrl: string): Promise<string[]> {
  const engine = engineOf(databaseUrl);
  if (engine === "sqlite") {
    const file = sqliteFilePath(databaseUrl);
    if (file !== ":memory:") mkdirSync(path.dirname(file), { recursive: true });
  }
  const { migrationsDir: dir, filters } = layouts[engine];
  return withSchemaEngine(databaseUrl, readSchema(engine), async (schemaEngine) => {
    const { appliedMigrationNames } = await schemaEngine.applyMigrations({ migrationsList: readMigrations(dir), filters });
    return appliedMigrationNames;
  });
}

/**
 * The SQL that would take a database built from the migrations to the schema; "" when they agree.
 * Replays the migrations into a scratch database rather than the engine's shadow database, which
 * the WebAssembly engine cannot fill through the driver adapters. On SQLite that is a scratch
 * file; on PostgreSQL a scratch database on the server `databaseUrl` names, which needs the
 * CREATEDB privilege there. Without a URL, SQLite's.
 */
export async function diffMigrationsToSchema(schema?: Schema, databaseUrl?: string): Promise<string> {
  const engine = databaseUrl ? engineOf(databaseUrl) : "sqlite";
  const { migrationsDir: dir, filters } = layouts[engine];
  const theSchema = schema ?? readSchema(engine);
  return withScratchDatabase(engine, databaseUrl, (scratchUrl) =>
    withSchemaEngine(scratchUrl, theSchema, async (schemaEngine) => {
      await schemaEngine.applyMigrations({ migrationsList: readMigrations(dir), filters });
      const result = await schemaEngine.diff({
        from: { tag: "schemaDatasource", ...theSchema, configDir: root },
        to: { tag: "schemaDatamodel", ...theSchema },
        script: true,
        exitCode: null,
        filters,
      });
      return stripEmptyScript(result.stdout ?? "");
    }),
  );
}

async function withScratchDatabase<T>(engine: EngineName, databaseUrl: string | undefined, work: (url: string) => Promise<T>): Promise<T> {
  if (engine === "sqlite") {
    const scratch = mkdtempSync(path.join(tmpdir(), "hallway-migrations-"));
    try {
      return await work(`file:${path.join(scratch, "replay.db")}`);
    } finally {
      rmSync(scratch, { recursive: true, force: true });
    }
  }
  const name = `${databaseName(databaseUrl!)}_replay_${randomBytes(4).toString("hex")}`.slice(0, 63);
  const admin = new pg.Client({ connectionString: databaseUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE "${name}"`);
    try {
      return await work(withDatabase(databaseUrl!, name));
    } finally {
      await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    }
  } finally {
    await admin.end();
  }
}

function stripEmptyScript(sql: string): string {
  const meaningful = sql
    .split("\n")
    .filter((line) => line.trim() !== "" && !line.trim().startsWith("--"))
    .join("\n");
  return meaningful ? sql : "";
}
