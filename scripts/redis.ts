/**
 * A Redis server on loopback for the shared page cache, from Debian's redis-server
 * (`apt-get install redis-server`), for the cluster command, the tests and CI:
 *   node --import tsx scripts/redis.ts run [--port 56379] -- <command…>   start, run with HALLWAY_REDIS_URL set, stop
 * It keeps nothing on disk (the page cache is rebuilt from the database) and evicts
 * the least recently used pages past its memory cap.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, openSync, rmSync } from "node:fs";
import { connect } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";

export const defaultRedisPort = 56379;

export type RedisServer = { url: string; port: number; stop(): Promise<void> };

/** The server binary: REDIS_SERVER, else redis-server on the PATH or in /usr/bin; null when absent. */
export function redisServerBinary(): string | null {
  if (process.env.REDIS_SERVER) return existsSync(process.env.REDIS_SERVER) ? process.env.REDIS_SERVER : null;
  const found = spawnSync("sh", ["-c", "command -v redis-server"], { encoding: "utf8" });
  const onPath = found.status === 0 ? found.stdout.trim() : "";
  if (onPath) return onPath;
  return existsSync("/usr/bin/redis-server") ? "/usr/bin/redis-server" : null;
}

/** Whether a Redis server answers PING on 127.0.0.1:`port`. */
export function redisAnswers(port: number, timeoutMs = 1000): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host: "127.0.0.1", port });
    const done = (answer: boolean) => {
      socket.destroy();
      resolve(answer);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.on("error", () => done(false));
    socket.on("connect", () => socket.write("PING\r\n"));
    socket.on("data", (data) => done(data.toString().startsWith("+PONG")));
  });
}

/**
 * Starts redis-server on 127.0.0.1:`port`, its log in `dir` (a new temporary folder
 * when not given), and waits until it answers. `stop` ends it (and deletes a temporary folder).
 */
export async function startRedis({ port = defaultRedisPort, dir, maxMemory = "256mb" }: { port?: number; dir?: string; maxMemory?: string } = {}): Promise<RedisServer> {
  const binary = redisServerBinary();
  if (!binary) throw new Error("No redis-server found (install redis-server, or set REDIS_SERVER).");
  const temporary = !dir;
  const folder = dir ?? mkdtempSync(path.join(tmpdir(), "hallway-redis-"));
  mkdirSync(folder, { recursive: true });
  const log = openSync(path.join(folder, "redis.log"), "a");
  const args = [
    "--port", String(port), "--bind", "127.0.0.1", "--dir", folder,
    // A cache: nothing to persist, and the oldest pages go first when it is full.
    "--save", "", "--appendonly", "no", "--maxmemory", maxMemory, "--maxmemory-policy", "allkeys-lru",
    "--daemonize", "no",
  ];
  const child: ChildProcess = spawn(binary, args, { stdio: ["ignore", log, log] });
  // The server does not keep this process alive; the exit handler below ends it.
  child.unref();
  let exited = false;
  child.on("exit", () => (exited = true));
  const deadline = Date.now() + 15_000;
  while (!(await redisAnswers(port, 300))) {
    if (exited || Date.now() > deadline) {
      child.kill("SIGKILL");
      throw new Error(`redis-server did not start on port ${port} (see ${path.join(folder, "redis.log")}).`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  // A test or a command that dies takes its server with it.
  const killAtExit = () => child.kill("SIGTERM");
  process.on("exit", killAtExit);
  return {
    url: `redis://127.0.0.1:${port}`,
    port,
    stop: () =>
      new Promise<void>((resolve) => {
        process.off("exit", killAtExit);
        const finish = () => {
          if (temporary) rmSync(folder, { recursive: true, force: true });
          resolve();
        };
        if (exited) return finish();
        // Held again until it has exited: otherwise this process could end first, with what it had left to stop.
        child.ref();
        child.once("exit", finish);
        child.kill("SIGTERM");
      }),
  };
}

function portOption(args: string[]): number {
  const at = args.indexOf("--port");
  const port = at === -1 ? defaultRedisPort : Number(args[at + 1]);
  if (!Number.isInteger(port) || port < 1 || port > 65535) throw new Error(`--port takes a port number, not ${args[at + 1]}`);
  return port;
}

async function main(args: string[]) {
  const [task, ...rest] = args;
  if (task !== "run") throw new Error(`Unknown task "${task ?? ""}". Tasks: run [--port N] -- <command…>`);
  const dashes = rest.indexOf("--");
  const command = dashes === -1 ? [] : rest.slice(dashes + 1);
  if (!command.length) throw new Error("run takes a command after --");
  const redis = await startRedis({ port: portOption(dashes === -1 ? rest : rest.slice(0, dashes)) });
  const child = spawn(command[0]!, command.slice(1), { stdio: "inherit", env: { ...process.env, HALLWAY_REDIS_URL: redis.url } });
  const status = await new Promise<number>((resolve) => child.on("exit", (code) => resolve(code ?? 1)));
  await redis.stop();
  process.exit(status);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main(process.argv.slice(2)).catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
