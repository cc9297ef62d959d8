/**
 * Database tasks, run as `npm run db -- <task>`:
 *   migrate           apply pending migrations (creates the SQLite file when absent)
 *   setup             migrate, load the demo conference when the database has none, compact the search index
 *   seed              load (or refresh) the demo conference
 *   check             fail when schema.prisma and the migrations disagree
 *   new-migration N   write prisma/migrations/<timestamp>_<N>/migration.sql from the schema change
 */
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { applyMigrations, diffMigrationsToSchema, migrationsDir } from "../lib/db/schema-engine";
import { databaseUrl } from "../lib/db/url";

async function migrate() {
  const applied = await applyMigrations(databaseUrl());
  console.log(applied.length ? `Applied ${applied.length} migration(s): ${applied.join(", ")}` : "Database is up to date.");
}

async function seed(onlyWhenEmpty: boolean) {
  const { seedDemo } = await import("../prisma/seed");
  await seedDemo({ onlyWhenEmpty });
}

/** Run at every start: notes saved since the last one have left the search index in pieces. */
async function optimizeSearch() {
  const { db } = await import("../lib/db/client");
  const { searchEngine } = await import("../lib/search/engine");
  await searchEngine().optimizeIndex(db);
  await db.$disconnect();
}

async function check() {
  const sql = await diffMigrationsToSchema();
  if (sql) {
    console.error("schema.prisma and prisma/migrations disagree. Run `npm run db -- new-migration <name>`:\n" + sql);
    process.exit(1);
  }
  console.log("schema.prisma and prisma/migrations agree.");
}

async function newMigration(name: string | undefined) {
  if (!name || !/^[a-z0-9_]+$/.test(name)) throw new Error("Give the migration a name of lower-case words joined by _");
  const sql = await diffMigrationsToSchema();
  if (!sql) return console.log("No schema change to migrate.");
  const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
  const dir = path.join(migrationsDir, `${stamp}_${name}`);
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, "migration.sql"), sql);
  
  console.log(`Wrote ${path.relative(process.cwd(), dir)}/migration.sql`);
}

const [task, arg] = process.argv.slice(2);
const tasks: Record<string, () => Promise<void>> = {
  migrate,
  setup: async () => {
    await migrate();
    await seed(true);
    await optimizeSearch();
  },
  seed: () => seed(false),
  check,
  "new-migration": () => newMigration(arg),
};

const run = tasks[task ?? ""];
if (!run) {
  console.error(`Unknown task "${task ?? ""}". Tasks: ${Object.keys(tasks).join(", ")}`);
  process.exit(2);
}
run().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
