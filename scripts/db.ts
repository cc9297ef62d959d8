/**
 * Database tasks, run as `npm run db -- <task>`:
 *   migrate           apply pending migrations (creates the SQLite file when absent)
 *   setup             migrate, load the demo conference when the database has none, compact the search index
 *   seed              load (or refresh) the demo conference
 *   check             fail when schema.prisma and the migrations disagree
 *   new-migration N   write prisma/migrations/<timestamp>_<N>/migration.sql from the schema change
 *   organiser add E   make the account with email E an organiser (remove E: no longer; list: who is)
 *   follow            fetch the followed schedule URLs that are due, once (for cron, when the server does not follow)
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

const organiserUsage = "Usage: npm run db -- organiser add <email> | organiser remove <email> | organiser list";

/** Organisers are made here, by whoever runs the instance, never through the web. */
async function organiser(action: string | undefined, email: string | undefined) {
  const { schemaBehindMessage } = await import("../lib/db/migration-status");
  const behind = schemaBehindMessage(databaseUrl());
  if (behind) {
    console.error(behind);
    process.exitCode = 3;
    return;
  }
  const { db } = await import("../lib/db/client");
  const { listOrganisers, setOrganiser } = await import("../lib/organisers/organisers");
  try {
    if (action === "list" && !email) {
      const organisers = await listOrganisers(db);
      if (organisers.length === 0) console.log("No organisers yet. Make one with `npm run db -- organiser add <email>`.");
      for (const o of organisers) console.log(`${o.email}\t${o.name}`);
      return;
    }
    if ((action !== "add" && action !== "remove") || !email) {
      console.error(organiserUsage);
      process.exitCode = 2;
      return;
    }
    const result = await setOrganiser(db, email, action === "add");
    if (!result.ok) {
      console.error(result.error);
      process.exitCode = 1;
      return;
    }
    const { email: who } = result.organiser;
    if (action === "add") console.log(result.changed ? `${who} is now an organiser.` : `${who} was already an organiser.`);
    else console.log(result.changed ? `${who} is no longer an organiser.` : `${who} was not an organiser.`);
  } finally {
    await db.$disconnect();
  }
}

/** One pass of the follower, as the server's timer runs it; exit code 1 when a source failed. */
async function follow() {
  const { db } = await import("../lib/db/client");
  const { followDueSources, followerName } = await import("../lib/follow/follow-sources");
  try {
    const outcomes = await followDueSources(db, { owner: followerName() });
    if (outcomes.length === 0) console.log("No followed schedule URL is due.");
    for (const o of outcomes) console.log(`${o.conference}: ${o.url}: ${o.status}${o.error ? `: ${o.error}` : ""}`);
    if (outcomes.some((o) => o.status === "failed")) process.exitCode = 1;
  } finally {
    await db.$disconnect();
  }
}

const [task, arg, arg2] = process.argv.slice(2);
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
  organiser: () => organiser(arg, arg2),
  follow,
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
