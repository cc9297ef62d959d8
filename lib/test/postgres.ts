/**
 * A PostgreSQL server for tests: DATABASE_URL_POSTGRES when set (then it must answer), else
 * one already listening on the test port (POSTGRES_TEST_PORT, default 55432), else a
 * throwaway cluster this process starts there and stops when its tests end (scripts/postgres.ts).
 * Without the server's binaries the PostgreSQL tests are skipped, saying why.
 */
import { randomBytes } from "node:crypto";
import { after } from "node:test";
import pg from "pg";
import { defaultPostgresPort, postgresBinDir, startCluster, stopCluster } from "../../scripts/postgres";
import { applyMigrations } from "../db/schema-engine";
import { withDatabase } from "../db/postgres-url";

export type PostgresServer = { url: string } | { skip: string };

async function answers(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2_000 });
  try {
    await client.connect();
    await client.query("SELECT 1");
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

let server: Promise<PostgresServer> | undefined;

/** The server's URL (its maintenance database), or why there is none. */
export function postgresServer(): Promise<PostgresServer> {
  return (server ??= findServer());
}

async function findServer(): Promise<PostgresServer> {
  const given = process.env.DATABASE_URL_POSTGRES;
  if (given) {
    if (!(await answers(given))) throw new Error(`DATABASE_URL_POSTGRES (${new URL(given).host}) does not answer.`);
    return { url: given };
  }
  const port = Number(process.env.POSTGRES_TEST_PORT ?? defaultPostgresPort);
  const local = `postgresql://postgres@127.0.0.1:${port}/postgres`;
  if (await answers(local)) return { url: local };
  if (!postgresBinDir()) {
    return { skip: "no PostgreSQL server: set DATABASE_URL_POSTGRES, or install postgresql and postgresql-contrib so the tests start one" };
  }
  const cluster = startCluster(port);
  // At exit, after every test's own teardown (which may still drop its database on it).
  process.on("exit", () => stopCluster(cluster.dir));
  return { url: withDatabase(cluster.url, "postgres") };
}

/** A new, migrated database on the test server, dropped when the tests end; its URL. */
export async function createPostgresTestDatabase(serverUrl: string, beforeDrop: () => Promise<void> = async () => {}): Promise<string> {
  const name = `hallway_test_${randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  const url = withDatabase(serverUrl, name);
  await applyMigrations(url);
  after(async () => {
    await beforeDrop();
    const cleanup = new pg.Client({ connectionString: serverUrl });
    await cleanup.connect();
    await cleanup.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await cleanup.end();
  });
  return url;
}

/**
 * A new, migrated database on the test server for this process, named in DATABASE_URL (call
 * before importing anything that reads it); dropped when the tests end. Null, with the reason
 * logged, when there is no server.
 */
export async function setupPostgresTestDatabase(): Promise<string | null> {
  const found = await postgresServer();
  if ("skip" in found) {
    console.log(`# skipping PostgreSQL tests: ${found.skip}`);
    return null;
  }
  // What the tests opened on it closes first.
  const url = await createPostgresTestDatabase(found.url, async () => {
    const { closeReadConnection, db } = await import("../db/client");
    await db.$disconnect();
    await closeReadConnection();
  });
  process.env.DATABASE_URL = url;
  return url;
}
