/**
 * `npm run cluster`: Hallway as a bigger deployment runs it, on one machine for trying
 * it (docs/decisions/0020-several-instances.md): PostgreSQL and Redis on loopback
 * (started if nothing answers on their ports, their data in the state folder), the
 * database migrated and the demo loaded when empty, one build (in .next), N instances of
 * scripts/serve.ts on their own ports, and nginx in front (deploy/nginx/hallway.conf).
 * Ctrl-C stops everything it started.
 * Configuration: PORT (nginx, default 3000), HOSTNAME (nginx's address, default 0.0.0.0),
 * HALLWAY_INSTANCES (default 2), HALLWAY_INSTANCE_PORT (the first instance's, default PORT+1),
 * DATABASE_URL (else PostgreSQL on HALLWAY_POSTGRES_PORT, default 55433), HALLWAY_REDIS_URL
 * (else Redis on HALLWAY_REDIS_PORT, default 56380), HALLWAY_CLUSTER_DIR (default data/cluster),
 * BETTER_AUTH_SECRET and NEXT_SERVER_ACTIONS_ENCRYPTION_KEY (else generated once and kept there).
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { connect } from "node:net";
import path from "node:path";
import { buildIsCurrent, serverArgs } from "./build-state";
import { startNginx } from "./nginx";
import { startLastingCluster } from "./postgres";
import { redisAnswers, startRedis } from "./redis";
import { httpAnswers, runIfMain, untilAnswers } from "./servers";

const root = path.resolve(import.meta.dirname, "..");
const npm = process.platform === "win32" ? "npm.cmd" : "npm";

export type ClusterOptions = {
  /** Where secrets, nginx's files and (when started here) PostgreSQL's and Redis's data live. */
  stateDir: string;
  port: number;
  host?: string;
  instances: number;
  firstInstancePort: number;
  /** A database to use; else a lasting PostgreSQL in the state folder on `postgresPort`. */
  databaseUrl?: string;
  postgresPort?: number;
  redisUrl?: string;
  redisPort?: number;
  /** The build folder (relative to the project; `.next`, which `npm start` uses too). */
  distDir?: string;
  /** Whether to build: when the sources or the key changed since this arrangement's build (default), always, or never. */
  build?: "if-stale" | "always" | "never";
  /** Each instance's micro-cache, in ms (scripts/serve.ts's default when unset). */
  microCacheMs?: number;
  /** How long nginx keeps a public page. */
  nginxCacheSeconds?: number;
  /** More `location` blocks for nginx's server (the benchmark's file served beside the pages). */
  nginxExtra?: string;
  /** More variables for every instance. */
  env?: Record<string, string>;
  log?: (line: string) => void;
};

export type RunningCluster = {
  url: string;
  instanceUrls: string[];
  /** The instances' and nginx's process ids, for the benchmark's CPU figures. */
  instancePids: number[];
  nginxPid: number;
  databaseUrl: string;
  redisUrl: string;
  /** The environment every instance was given (for a command run beside them). */
  env: NodeJS.ProcessEnv;
  /** Resolves when something it started stops on its own. */
  exited: Promise<string>;
  stop(): Promise<void>;
};

type Secrets = { betterAuthSecret: string; serverActionsKey: string };

/** The keys every instance shares, generated the first time and kept (mode 600) in the state folder. */
export function clusterSecrets(stateDir: string): Secrets {
  const file = path.join(stateDir, "secrets.json");
  if (!existsSync(file)) {
    mkdirSync(stateDir, { recursive: true });
    const secrets: Secrets = { betterAuthSecret: randomBytes(32).toString("base64url"), serverActionsKey: randomBytes(32).toString("base64") };
    writeFileSync(file, JSON.stringify(secrets, null, 2), { mode: 0o600, flag: "wx" });
  }
  return JSON.parse(readFileSync(file, "utf8")) as Secrets;
}

/** Whether something listens on 127.0.0.1:`port` (a PostgreSQL a previous run left, or the user's own). */
function listening(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host: "127.0.0.1", port });
    socket.setTimeout(1000, () => (socket.destroy(), resolve(false)));
    socket.on("error", () => resolve(false));
    socket.on("connect", () => (socket.destroy(), resolve(true)));
  });
}

async function untilInstanceAnswers(url: string, child: ChildProcess, timeoutMs: number) {
  const outcome = await untilAnswers(() => httpAnswers(url, { timeoutMs: 5000 }), { child, timeoutMs, intervalMs: 250 });
  if (outcome === "stopped") throw new Error(`The instance for ${url} stopped before it answered.`);
  if (outcome === "timed out") throw new Error(`${url} did not answer within ${timeoutMs / 1000} s.`);
}

export async function startHallwayCluster(options: ClusterOptions): Promise<RunningCluster> {
  const log = options.log ?? ((line: string) => console.log(line));
  const stops: (() => Promise<void> | void)[] = [];
  const stopAll = async () => {
    for (const stop of stops.splice(0).reverse()) {
      try {
        await stop();
      } catch (error) {
        console.error(error instanceof Error ? error.message : error);
      }
    }
  };
  try {
    mkdirSync(options.stateDir, { recursive: true });
    const secrets = clusterSecrets(options.stateDir);

    let databaseUrl = options.databaseUrl;
    if (!databaseUrl) {
      const port = options.postgresPort ?? 55433;
      databaseUrl = `postgresql://postgres@127.0.0.1:${port}/hallway`;
      if (!(await listening(port))) {
        log(`Starting PostgreSQL on 127.0.0.1:${port} (data in ${path.join(options.stateDir, "postgres")})`);
        const cluster = startLastingCluster(path.join(options.stateDir, "postgres"), port);
        stops.push(() => cluster.stop());
      }
    }

    let redisUrl = options.redisUrl;
    if (!redisUrl) {
      const port = options.redisPort ?? 56380;
      redisUrl = `redis://127.0.0.1:${port}`;
      if (!(await redisAnswers(port))) {
        log(`Starting Redis on 127.0.0.1:${port}`);
        const redis = await startRedis({ port, dir: path.join(options.stateDir, "redis") });
        stops.push(() => redis.stop());
      }
    }

    // Next writes a build folder's type paths into tsconfig.json: any folder but .next would change it.
    const distDir = options.distDir ?? ".next";
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      NEXT_TELEMETRY_DISABLED: "1",
      DATABASE_URL: databaseUrl,
      HALLWAY_REDIS_URL: redisUrl,
      BETTER_AUTH_SECRET: process.env.BETTER_AUTH_SECRET || secrets.betterAuthSecret,
      NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: process.env.NEXT_SERVER_ACTIONS_ENCRYPTION_KEY || secrets.serverActionsKey,
      NEXT_DIST_DIR: distDir,
      ...options.env,
    };
    const run = (args: string[]) => {
      const result = spawnSync(npm, args, { cwd: root, env, stdio: "inherit" });
      if (result.status !== 0) throw new Error(`npm ${args.join(" ")} failed (${result.status ?? result.signal}).`);
    };
    run(["run", "--silent", "db", "--", "setup"]);

    // One build for every instance, made with their key: a build made with another would refuse their server actions.
    const built = path.join(options.stateDir, "build.json");
    const buildIdFile = path.join(root, distDir, "BUILD_ID");
    const keyHash = createHash("sha256").update(env.NEXT_SERVER_ACTIONS_ENCRYPTION_KEY!).digest("hex");
    const record = existsSync(built) ? (JSON.parse(readFileSync(built, "utf8")) as { keyHash?: string; buildId?: string }) : {};
    const builtHere = existsSync(buildIdFile) && record.keyHash === keyHash && record.buildId === readFileSync(buildIdFile, "utf8");
    const build = options.build ?? "if-stale";
    if (build === "always" || (build === "if-stale" && !(builtHere && buildIsCurrent(distDir)))) {
      log(`Building into ${distDir}`);
      run(["run", "--silent", "build"]);
      writeFileSync(built, JSON.stringify({ keyHash, buildId: readFileSync(buildIdFile, "utf8") }));
    }

    const instancePorts = Array.from({ length: options.instances }, (_, i) => options.firstInstancePort + i);
    const children = instancePorts.map((port) => {
      const child = spawn(process.execPath, serverArgs(distDir), {
        cwd: root,
        env: {
          ...env,
          PORT: String(port),
          HOSTNAME: "127.0.0.1",
          ...(options.microCacheMs === undefined ? {} : { HALLWAY_MICROCACHE_MS: String(options.microCacheMs) }),
        },
        stdio: ["ignore", "inherit", "inherit"],
      });
      stops.push(
        () =>
          new Promise<void>((resolve) => {
            if (child.exitCode !== null || child.signalCode !== null) return resolve();
            child.once("exit", () => resolve());
            child.kill("SIGTERM");
          }),
      );
      return child;
    });
    await Promise.all(children.map((child, i) => untilInstanceAnswers(`http://127.0.0.1:${instancePorts[i]}/`, child, 120_000)));

    const nginx = await startNginx({
      port: options.port,
      host: options.host ?? "127.0.0.1",
      upstreamPorts: instancePorts,
      stateDir: path.join(options.stateDir, "nginx"),
      cacheSeconds: options.nginxCacheSeconds,
      extra: options.nginxExtra,
    });
    stops.push(() => nginx.stop());

    let stopping = false;
    const exited = new Promise<string>((resolve) => {
      for (const [i, child] of children.entries()) child.once("exit", (code) => !stopping && resolve(`The instance on port ${instancePorts[i]} stopped (${code}).`));
      nginx.process.once("exit", (code) => !stopping && resolve(`nginx stopped (${code}).`));
    });
    const shownHost = !options.host || options.host === "0.0.0.0" || options.host === "127.0.0.1" ? "localhost" : options.host;
    return {
      url: `http://${shownHost}:${options.port}`,
      instanceUrls: instancePorts.map((port) => `http://127.0.0.1:${port}`),
      instancePids: children.map((child) => child.pid!),
      nginxPid: nginx.process.pid!,
      databaseUrl,
      redisUrl,
      env,
      exited,
      stop: async () => {
        stopping = true;
        await stopAll();
      },
    };
  } catch (error) {
    await stopAll();
    throw error;
  }
}

function positive(name: string, fallback: number): number {
  const raw = process.env[name];
  const value = raw === undefined || raw === "" ? fallback : Number(raw);
  if (!Number.isInteger(value) || value < 1 || value > 65535) throw new Error(`${name} must be a whole number from 1, not "${raw}".`);
  return value;
}

async function main() {
  const port = positive("PORT", 3000);
  const cluster = await startHallwayCluster({
    stateDir: path.resolve(root, process.env.HALLWAY_CLUSTER_DIR || "data/cluster"),
    port,
    host: process.env.HOSTNAME || "0.0.0.0",
    instances: positive("HALLWAY_INSTANCES", 2),
    firstInstancePort: positive("HALLWAY_INSTANCE_PORT", port + 1),
    databaseUrl: process.env.DATABASE_URL || undefined,
    postgresPort: positive("HALLWAY_POSTGRES_PORT", 55433),
    redisUrl: process.env.HALLWAY_REDIS_URL || undefined,
    redisPort: positive("HALLWAY_REDIS_PORT", 56380),
  });
  console.log(`Hallway is listening on ${cluster.url} (nginx in front of ${cluster.instanceUrls.join(", ")}). Ctrl-C stops it.`);
  let stopping = false;
  const stop = async (code: number) => {
    if (stopping) return;
    stopping = true;
    await cluster.stop();
    process.exit(code);
  };
  for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => void stop(0));
  const reason = await cluster.exited;
  console.error(`${reason} Stopping the rest.`);
  await stop(1);
}

runIfMain(import.meta.url, main);
