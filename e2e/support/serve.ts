/**
 * The server the browser tests run against: the production build, on a fresh
 * SQLite file migrated and seeded like a new user's (e2e/.data/e2e.db); or, with
 * E2E_ENGINE=postgresql, the bigger deployment (scripts/cluster.ts): a throwaway
 * PostgreSQL, Redis, two instances and nginx on E2E_PORT. It writes what a command
 * or a second server beside it needs to reach the same data to e2e/.data/server-env.json.
 */
import { spawn, spawnSync } from "node:child_process";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { serverArgs } from "../../scripts/build-state";

const root = path.resolve(import.meta.dirname, "../..");
const dataDir = path.join(root, "e2e", ".data");
rmSync(dataDir, { recursive: true, force: true });
mkdirSync(dataDir, { recursive: true });
const port = Number(process.env.E2E_PORT ?? 3210);
const writeServerEnv = (env: Record<string, string>) => writeFileSync(path.join(dataDir, "server-env.json"), JSON.stringify(env, null, 2));

if (process.env.E2E_ENGINE === "postgresql") {
  const { startCluster, stopCluster } = await import("../../scripts/postgres");
  const { startHallwayCluster } = await import("../../scripts/cluster");
  const { startRedis } = await import("../../scripts/redis");
  const database = startCluster(Number(process.env.E2E_POSTGRES_PORT ?? 55440));
  const redis = await startRedis({ port: Number(process.env.E2E_REDIS_PORT ?? 56440) });
  const cluster = await startHallwayCluster({
    stateDir: path.join(dataDir, "cluster"),
    port,
    host: "127.0.0.1",
    instances: 2,
    firstInstancePort: Number(process.env.E2E_INSTANCE_PORT ?? port + 1),
    databaseUrl: database.url,
    redisUrl: redis.url,
    build: process.env.E2E_SKIP_BUILD ? "never" : "always",
    // A fixed key for tests, so that E2E_SKIP_BUILD's reused build accepts the instances' server actions.
    env: { NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: "aGFsbHdheS1lMmUtY2x1c3Rlci1rZXktMzItYnl0ZXM=" },
    // As in the SQLite run, a test sees its own writes at once; nginx keeps its few seconds, as deployed.
    microCacheMs: 0,
  }).catch((error: unknown) => {
    stopCluster(database.dir);
    throw error;
  });
  const shared = ["DATABASE_URL", "BETTER_AUTH_SECRET", "HALLWAY_REDIS_URL", "NEXT_SERVER_ACTIONS_ENCRYPTION_KEY", "NEXT_DIST_DIR"];
  writeServerEnv({ ...Object.fromEntries(shared.map((name) => [name, cluster.env[name]!])), E2E_INSTANCE_URLS: cluster.instanceUrls.join(" ") });
  let stopping = false;
  const stop = async (code: number) => {
    if (stopping) return;
    stopping = true;
    await cluster.stop();
    await redis.stop();
    stopCluster(database.dir);
    process.exit(code);
  };
  for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => void stop(0));
  void cluster.exited.then((reason) => {
    console.error(reason);
    void stop(1);
  });
} else {
  const env = { ...process.env, DATABASE_URL: `file:${path.join(dataDir, "e2e.db")}`, NEXT_TELEMETRY_DISABLED: "1" };
  writeServerEnv({ DATABASE_URL: env.DATABASE_URL });
  const run = (args: string[]) => {
    const result = spawnSync("npm", args, { cwd: root, env, stdio: "inherit" });
    if (result.status !== 0) process.exit(result.status ?? 1);
  };

  run(["run", "--silent", "db", "--", "setup"]);
  if (!process.env.E2E_SKIP_BUILD) run(["run", "--silent", "build"]);

  // The production server itself; its few-second cache of public pages is off so a test sees its own writes at once.
  const server = spawn(process.execPath, serverArgs(), {
    cwd: root,
    env: { ...env, PORT: String(port), HOSTNAME: "127.0.0.1", HALLWAY_MICROCACHE_MS: "0" },
    stdio: "inherit",
  });
  for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => server.kill(signal));
  server.on("exit", (code) => process.exit(code ?? 0));
}
