/**
 * What the scripts that start a server on loopback share (scripts/postgres.ts, redis.ts,
 * nginx.ts, cluster.ts): finding the server's program from Debian's packages, waiting
 * until it answers, and the `run [--port N] -- <command…>` arguments.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import { pathToFileURL } from "node:url";

/** Where `name` is on the PATH, or null. */
export function onPath(name: string): string | null {
  const found = spawnSync("sh", ["-c", `command -v ${name}`], { encoding: "utf8" });
  return (found.status === 0 && found.stdout.trim()) || null;
}

/**
 * A server's program: `override` (from the variable that names it) when set, and only if it
 * exists; else the first of `candidates` that exists, tried lazily (a candidate may cost a
 * subprocess); null when none does, so a caller can skip or say what to install.
 */
export function findProgram(override: string | undefined, candidates: () => Iterable<string | null>): string | null {
  if (override) return existsSync(override) ? override : null;
  for (const candidate of candidates()) if (candidate && existsSync(candidate)) return candidate;
  return null;
}

export type WaitOutcome = "answered" | "stopped" | "timed out";

/** Asks `answers` every `intervalMs` until it says yes, `child` exits, or `timeoutMs` pass. */
export async function untilAnswers(
  answers: () => Promise<boolean>,
  { child, timeoutMs, intervalMs = 100 }: { child: ChildProcess; timeoutMs: number; intervalMs?: number },
): Promise<WaitOutcome> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await answers()) return "answered";
    if (child.exitCode !== null || child.signalCode !== null) return "stopped";
    if (Date.now() > deadline) return "timed out";
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}

/** Whether `url` answers at all (any status): a server listening behind it. */
export function httpAnswers(url: string, { method = "GET", timeoutMs = 1000 }: { method?: string; timeoutMs?: number } = {}): Promise<boolean> {
  return fetch(url, { method, signal: AbortSignal.timeout(timeoutMs) }).then(
    () => true,
    () => false,
  );
}

/** A TCP port from `--port N` in `args`, else `fallback`. */
export function portOption(args: string[], fallback: number): number {
  const at = args.indexOf("--port");
  const port = at === -1 ? fallback : Number(args[at + 1]);
  if (!Number.isInteger(port) || port < 1 || port > 65535) throw new Error(`--port takes a port number, not ${args[at + 1]}`);
  return port;
}

/** `[--port N] -- <command…>`: the port and the command to run beside the server. */
export function runArguments(args: string[], fallbackPort: number): { port: number; command: [string, ...string[]] } {
  const dashes = args.indexOf("--");
  const command = dashes === -1 ? [] : args.slice(dashes + 1);
  if (!command.length) throw new Error("run takes a command after --");
  return { port: portOption(dashes === -1 ? args : args.slice(0, dashes), fallbackPort), command: command as [string, ...string[]] };
}

/** Runs `command` beside the server, with `env` added to this environment; resolves with its exit status. */
export function runCommand([program, ...args]: [string, ...string[]], env: Record<string, string>): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(program, args, { stdio: "inherit", env: { ...process.env, ...env } });
    child.on("error", (error) => {
      console.error(`${program}: ${error.message}`);
      resolve(1);
    });
    child.on("exit", (code) => resolve(code ?? 1));
  });
}

/** Runs `main` with the command line when `moduleUrl` is the script node was started with; an error ends it with status 1. */
export function runIfMain(moduleUrl: string, main: (args: string[]) => unknown) {
  if (!process.argv[1] || moduleUrl !== pathToFileURL(process.argv[1]).href) return;
  new Promise((resolve) => resolve(main(process.argv.slice(2)))).catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
