/**
 * The server the browser tests run against: the production build, on a fresh
 * SQLite file migrated and seeded like a new user's (e2e/.data/e2e.db).
 */
import { spawn, spawnSync } from "node:child_process";
import { mkdirSync, rmSync } from "node:fs";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "../..");
const dataDir = path.join(root, "e2e", ".data");
rmSync(dataDir, { recursive: true, force: true });
mkdirSync(dataDir, { recursive: true });

const env = { ...process.env, DATABASE_URL: `file:${path.join(dataDir, "e2e.db")}`, NEXT_TELEMETRY_DISABLED: "1" };
const run = (args: string[]) => {
  const result = spawnSync("npm", args, { cwd: root, env, stdio: "inherit" });
  if (result.status !== 0) process.exit(result.status ?? 1);
};

run(["run", "--silent", "db", "--", "setup"]);
if (!process.env.E2E_SKIP_BUILD) run(["run", "--silent", "build"]);

// The production server itself; its few-second cache of public pages is off so a test sees its own writes at once.
const server = spawn(process.execPath, ["--import", "tsx", path.join(root, "scripts", "serve.ts")], {
  cwd: root,
  env: { ...env, PORT: process.env.E2E_PORT ?? "3210", HOSTNAME: "127.0.0.1", HALLWAY_MICROCACHE_MS: "0" },
  stdio: "inherit",
});
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => server.kill(signal));
server.on("exit", (code) => process.exit(code ?? 0));
