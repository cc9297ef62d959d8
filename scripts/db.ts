/**
 * Database tasks, run as `npm run db -- <task>`, on the database DATABASE_URL names
 * (SQLite's file by default; `postgresql://…` for PostgreSQL, whose schema and migrations
 * live in prisma/postgresql/):
 *   migrate           apply pending migrations (creates the SQLite file when absent)
 *   setup             migrate, load the demo conference when the database has none, compact the search index
 *   seed              load (or refresh) the demo conference
 *   check             fail when the engine's schema and its migrations disagree
 *   new-migration N   write <migrations>/<timestamp>_<N>/migration.sql from the schema change
 *   organiser add E   make the account with email E an organiser (remove E: no longer; list: who is)
 *   follow            fetch the followed schedule URLs that are due, once (for cron, when the server does not follow)
 *   pg-schema         write prisma/postgresql/schema.prisma from prisma/schema.prisma
 *   copy --to URL     copy everything into the (empty) PostgreSQL database URL names, migrating it first;
 *                     --replace deletes what it holds. Exit codes: 2 bad usage, 3 a schema behind, 1 any other failure
 * On PostgreSQL, `check` and `new-migration` replay the history into a scratch database on
 * the same server, so the role needs CREATEDB.
 */
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { applyMigrations, diffMigrationsToSchema, engineOf, migrationsDirOf } from "../lib/db/schema-engine";
import { databaseUrl } from "../lib/db/url";
import { postgresSchemaIsCurrent, writePostgresSchema } from "./postgres-schema";

const stalePostgresSchema = "prisma/postgresql/schema.prisma is stale: run `npm run db -- pg-schema` and commit it.";

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
  if (!postgresSchemaIsCurrent()) {
    console.error(stalePostgresSchema);
    process.exit(1);
  }
  const url = databaseUrl();
  const sql = await diffMigrationsToSchema(undefined, url);
  const names = engineOf(url) === "postgresql" ? "prisma/postgresql/schema.prisma and prisma/postgresql/migrations" : "schema.prisma and prisma/migrations";
  if (sql) {
    console.error(`${names} disagree. Run \`npm run db -- new-migration <name>\`:\n` + sql);
    process.exit(1);
  }
  console.log(`${names} agree.`);
}

async function newMigration(name: string | undefined) {
  if (!name || !/^[a-z0-9_]+$/.test(name)) throw new Error("Give the migration a name of lower-case words joined by _");
  const url = databaseUrl();
  const engine = engineOf(url);
  if (engine === "postgresql" && writePostgresSchema()) console.log("Wrote prisma/postgresql/schema.prisma from prisma/schema.prisma.");
  const sql = await diffMigrationsToSchema(undefined, url);
  if (!sql) return console.log("No schema change to migrate.");
  const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
  const dir = path.join(migrationsDirOf(engine), `${stamp}_${name}`);
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, "migration.sql"), sql);
  console.log(`Wrote ${path.relative(process.cwd(), dir)}/migration.sql`);
}

const organiserUsage = "Usage: npm run db -- organiser add <email> | organiser remove <email> | organiser list";

/** Organisers are made here, by whoever runs the instance, never through the web. */
async function organiser(action: string | undefined, email: string | undefined) {
  const { schemaBehindMessage } = await import("../lib/db/migration-status");
  const behind = await schemaBehindMessage(databaseUrl());
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

const copyUsage = "Usage: npm run db -- copy --to postgresql://<user>@<host>/<database> [--replace]";

/** Moves this Hallway (DATABASE_URL, SQLite's file by default) to PostgreSQL; stop the server first, since later writes are not copied. */
async function copy(args: string[]) {
  const at = args.indexOf("--to");
  const to = at === -1 ? undefined : args[at + 1];
  const known = new Set(["--to", "--replace", to]);
  if (!to || to.startsWith("--") || args.some((a) => !known.has(a))) {
    console.error(copyUsage);
    process.exitCode = 2;
    return;
  }
  const { copyDatabase } = await import("../lib/db/copy-database");
  const started = performance.now();
  const result = await copyDatabase({ from: databaseUrl(), to, replace: args.includes("--replace"), log: (line) => console.log(line) });
  if (!result.ok) {
    console.error(result.message);
    process.exitCode = result.exitCode;
    return;
  }
  const rows = result.counts.reduce((sum, c) => sum + c.rows, 0);
  console.log(`Copied ${rows} rows in ${((performance.now() - started) / 1000).toFixed(1)} s.`);
  // Session cookies are signed with the key: the same key keeps everyone signed in.
  const { authSecretFile } = await import("../lib/auth/secret");
  const keyFile = process.env.BETTER_AUTH_SECRET ? null : authSecretFile();
  const key = !keyFile
    ? "the BETTER_AUTH_SECRET this install uses, so that everyone stays signed in"
    : existsSync(keyFile)
      ? `the key in ${keyFile}, so that everyone stays signed in`
      : "a long random key (openssl rand -base64 32)";
  console.log(`Now start Hallway with DATABASE_URL set to the PostgreSQL URL and BETTER_AUTH_SECRET set to ${key}.`);
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
  copy: () => copy(process.argv.slice(3)),
  "pg-schema": async () => {
    console.log(writePostgresSchema() ? "Wrote prisma/postgresql/schema.prisma." : "prisma/postgresql/schema.prisma is current.");
  },
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
