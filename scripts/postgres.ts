/**
 * A throwaway PostgreSQL cluster for tests and CI, from the server's own binaries
 * (Debian: `apt-get install postgresql postgresql-contrib`):
 *   node --import tsx scripts/postgres.ts start [--port 55432]   prints DATABASE_URL and the cluster's folder
 *   node --import tsx scripts/postgres.ts stop <folder>
 *   node --import tsx scripts/postgres.ts run [--port 55432] -- <command…>   start, run with DATABASE_URL set, stop
 * The cluster lives in a temporary folder, listens on loopback only, trusts local connections
 * and keeps nothing: it is never a place for real data. PostgreSQL refuses to run as root, so as
 * root the server runs as the `postgres` user.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { chownSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { findProgram, portOption, runArguments, runCommand, runIfMain } from "./servers";

export const defaultPostgresPort = 55432;
export const clusterDatabase = "hallway";

export type Cluster = { dir: string; port: number; url: string };

/** The server's binaries: PG_BIN, else the newest /usr/lib/postgresql/<version>/bin, else pg_config's; null when absent. */
export function postgresBinDir(): string | null {
  const initdb = findProgram(process.env.PG_BIN && path.join(process.env.PG_BIN, "initdb"), function* () {
    const debian = "/usr/lib/postgresql";
    if (existsSync(debian)) {
      const versions = readdirSync(debian).filter((v) => /^\d+$/.test(v)).sort((a, b) => Number(b) - Number(a));
      for (const version of versions) yield path.join(debian, version, "bin", "initdb");
    }
    const fromConfig = spawnSync("pg_config", ["--bindir"], { encoding: "utf8" });
    const bin = fromConfig.status === 0 ? fromConfig.stdout.trim() : "";
    yield bin ? path.join(bin, "initdb") : null;
  });
  return initdb && path.dirname(initdb);
}

const asRoot = () => process.getuid?.() === 0;

/** Runs one of the server's programs, as the `postgres` user when this process is root. */
function runServerTool(bin: string, tool: string, args: string[]) {
  const [command, commandArgs] = asRoot() ? ["runuser", ["-u", "postgres", "--", path.join(bin, tool), ...args]] : [path.join(bin, tool), args];
  const result = spawnSync(command, commandArgs, { encoding: "utf8" });
  if (result.status !== 0) {
    throw new Error(`${tool} failed (${result.status ?? result.signal}): ${(result.stderr || result.stdout || String(result.error ?? "")).trim()}`);
  }
  return result.stdout;
}

/** Gives `dir` to the `postgres` user when this process is root: the server runs as that user. */
function ownForServer(dir: string) {
  if (!asRoot()) return;
  const uid = Number(execFileSync("id", ["-u", "postgres"], { encoding: "utf8" }).trim());
  const gid = Number(execFileSync("id", ["-g", "postgres"], { encoding: "utf8" }).trim());
  chownSync(dir, uid, gid);
}

/** initdb, pg_ctl start on 127.0.0.1:`port` (its socket in `dir`) and the `hallway` database when it is missing. */
function initAndStart(bin: string, dir: string, port: number, { durable }: { durable: boolean }) {
  const data = path.join(dir, "data");
  // C.UTF-8 classifies every Unicode letter, so the text-search parser splits words as FTS5's unicode61 does.
  if (!existsSync(path.join(data, "PG_VERSION"))) {
    runServerTool(bin, "initdb", ["-D", data, "-U", "postgres", "--auth=trust", "--encoding=UTF8", "--locale=C.UTF-8"]);
  }
  // A throwaway cluster keeps nothing worth a crash, so it skips the flushes that make data durable.
  const flushes = durable ? "" : " -c fsync=off -c synchronous_commit=off -c full_page_writes=off";
  const options = `-c listen_addresses=127.0.0.1 -p ${port} -k ${dir}${flushes}`;
  const log = path.join(dir, "server.log");
  try {
    runServerTool(bin, "pg_ctl", ["-D", data, "-l", log, "-w", "-t", "60", "-o", options, "start"]);
  } catch (error) {
    // pg_ctl only says it could not start; the server's own log says why, and a throwaway cluster's folder is deleted next.
    const tail = existsSync(log) ? readFileSync(log, "utf8").trim().split("\n").slice(-15).join("\n") : "";
    throw new Error(`${error instanceof Error ? error.message : String(error)}${tail ? `\nThe server's log (${log}) ends:\n${tail}` : ""}`, { cause: error });
  }
  const exists = runServerTool(bin, "psql", ["-h", "127.0.0.1", "-p", String(port), "-U", "postgres", "-d", "postgres", "-tAc", `SELECT 1 FROM pg_database WHERE datname = '${clusterDatabase}'`]);
  if (exists.trim() !== "1") runServerTool(bin, "createdb", ["-h", "127.0.0.1", "-p", String(port), "-U", "postgres", clusterDatabase]);
}

/** Initialises a cluster in a new temporary folder, starts it on `port` (127.0.0.1 only) and creates the `hallway` database. */
export function startCluster(port = defaultPostgresPort): Cluster {
  const bin = postgresBinDir();
  if (!bin) throw new Error("No PostgreSQL server binaries found (install postgresql and postgresql-contrib, or set PG_BIN).");
  const dir = mkdtempSync(path.join(tmpdir(), "hallway-pg-"));
  ownForServer(dir);
  try {
    initAndStart(bin, dir, port, { durable: false });
  } catch (error) {
    stopCluster(dir);
    throw error;
  }
  const cluster = { dir, port, url: `postgresql://postgres@127.0.0.1:${port}/${clusterDatabase}` };
  writeFileSync(path.join(dir, "cluster.json"), JSON.stringify(cluster));
  return cluster;
}

/**
 * Starts the lasting cluster kept in `dir` (initialised the first time, durable, loopback
 * only, trusting local connections: for trying Hallway on one machine, as `npm run cluster`
 * does). `stop` stops the server and keeps its data.
 */
export function startLastingCluster(dir: string, port: number): Cluster & { stop(): void } {
  const bin = postgresBinDir();
  if (!bin) throw new Error("No PostgreSQL server binaries found (install postgresql and postgresql-contrib, or set PG_BIN).");
  mkdirSync(dir, { recursive: true });
  ownForServer(dir);
  initAndStart(bin, dir, port, { durable: true });
  return {
    dir,
    port,
    url: `postgresql://postgres@127.0.0.1:${port}/${clusterDatabase}`,
    stop: () => runServerTool(bin, "pg_ctl", ["-D", path.join(dir, "data"), "-m", "fast", "-w", "stop"]),
  };
}

/** Stops the cluster in `dir` (when running) and deletes the folder. */
export function stopCluster(dir: string): void {
  const bin = postgresBinDir();
  const data = path.join(dir, "data");
  if (bin && existsSync(path.join(data, "postmaster.pid"))) {
    try {
      runServerTool(bin, "pg_ctl", ["-D", data, "-m", "fast", "-w", "stop"]);
    } catch (error) {
      console.error(error instanceof Error ? error.message : error);
    }
  }
  rmSync(dir, { recursive: true, force: true });
}

async function main(args: string[]) {
  const [task, ...rest] = args;
  if (task === "start") {
    const cluster = startCluster(portOption(rest, defaultPostgresPort));
    console.log(`DATABASE_URL=${cluster.url}\nPOSTGRES_CLUSTER_DIR=${cluster.dir}`);
  } else if (task === "stop") {
    const dir = rest[0];
    if (!dir || !existsSync(path.join(dir, "cluster.json"))) throw new Error("stop takes the folder `start` printed (POSTGRES_CLUSTER_DIR).");
    const { port } = JSON.parse(readFileSync(path.join(dir, "cluster.json"), "utf8")) as Cluster;
    stopCluster(dir);
    console.log(`Stopped the cluster on port ${port}.`);
  } else if (task === "run") {
    const { port, command } = runArguments(rest, defaultPostgresPort);
    const cluster = startCluster(port);
    let status = 1;
    try {
      status = await runCommand(command, { DATABASE_URL: cluster.url });
    } finally {
      stopCluster(cluster.dir);
    }
    process.exit(status);
  } else {
    throw new Error(`Unknown task "${task ?? ""}". Tasks: start [--port N], stop <folder>, run [--port N] -- <command…>`);
  }
}

runIfMain(import.meta.url, main);
