/**
 * A Redis server on loopback for the shared page cache, from Debian's redis-server
 * (`apt-get install redis-server`), for the cluster command, the tests and CI:
 *   node --import tsx scripts/redis.ts run [--port 56379] -- <command…>   start, run with HALLWAY_REDIS_URL set, stop
 * It keeps nothing on disk (the page cache is rebuilt from the database) and evicts
 * the least recently used pages past its memory cap.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { mkdirSync, mkdtempSync, openSync, rmSync } from "node:fs";
import { connect } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { findProgram, onPath, runArguments, runCommand, runIfMain, untilAnswers } from "./servers";

export const defaultRedisPort = 56379;

export type RedisServer = { url: string; port: number; stop(): Promise<void> };

/** The server binary: REDIS_SERVER, else redis-server on the PATH or in /usr/bin; null when absent. */
export function redisServerBinary(): string | null {
  return findProgram(process.env.REDIS_SERVER, () => [onPath("redis-server"), "/usr/bin/redis-server"]);
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
  if ((await untilAnswers(() => redisAnswers(port, 300), { child, timeoutMs: 15_000 })) !== "answered") {
    child.kill("SIGKILL");
    throw new Error(`redis-server did not start on port ${port} (see ${path.join(folder, "redis.log")}).`);
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

async function main(args: string[]) {
  const [task, ...rest] = args;
  if (task !== "run") throw new Error(`Unknown task "${task ?? ""}". Tasks: run [--port N] -- <command…>`);
  const { port, command } = runArguments(rest, defaultRedisPort);
  const redis = await startRedis({ port });
  const status = await runCommand(command, { HALLWAY_REDIS_URL: redis.url });
  await redis.stop();
  process.exit(status);
}

runIfMain(import.meta.url, main);
