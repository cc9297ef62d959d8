/**
 * The test server's database, whichever engine runs it (e2e/support/serve.ts writes
 * e2e/.data/server-env.json), and changes to it that no API makes (a session cancelled
 * by an import, say), through the app's own data layer in a process of its own.
 */
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "../..");
export const serverEnvFile = path.join(root, "e2e", ".data", "server-env.json");

/**
 * What a server or a command beside the test server needs to reach the same data: DATABASE_URL,
 * and on the cluster the shared keys, the page cache and the build. Read when asked: the file is
 * written when the test server starts, after the specs are loaded.
 */
export function e2eServerEnv(): Record<string, string> {
  return JSON.parse(readFileSync(serverEnvFile, "utf8")) as Record<string, string>;
}

/** Whether the suite runs on the cluster (PostgreSQL, two instances behind nginx). */
export function onCluster(): boolean {
  return process.env.E2E_ENGINE === "postgresql";
}

/** Runs `body` (module code with `db` in scope) against the test server's database; returns what it prints. */
export function withDatabase(body: string): string {
  const code = `
    const { db } = await import(${JSON.stringify(path.join(root, "lib", "db", "client.ts"))});
    try { ${body} } finally { await db.$disconnect(); }`;
  const { NODE_OPTIONS: _ignored, ...env } = process.env;
  const result = spawnSync(process.execPath, ["--import", "tsx", "--input-type=module", "-e", code], {
    cwd: root,
    env: { ...env, ...e2eServerEnv() },
    encoding: "utf8",
  });
  if (result.status !== 0) throw new Error(`a change to the e2e database failed: ${result.stderr}`);
  return result.stdout;
}

export function setSessionStatus(sessionSlug: string, status: "scheduled" | "cancelled") {
  withDatabase(`
    const { count } = await db.session.updateMany({ where: { slug: ${JSON.stringify(sessionSlug)} }, data: { status: ${JSON.stringify(status)} } });
    if (count !== 1) throw new Error("expected one session, changed " + count);`);
}
