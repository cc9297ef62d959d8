/**
 * nginx in front of several Hallway instances, from Debian's /usr/sbin/nginx
 * (`apt-get install nginx`), configured by deploy/nginx/hallway.conf: fills the
 * template, checks it with `nginx -t` and runs nginx in the foreground with
 * everything it writes in one state folder.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { findProgram, httpAnswers, onPath, untilAnswers } from "./servers";

const root = path.resolve(import.meta.dirname, "..");
export const nginxTemplate = path.join(root, "deploy", "nginx", "hallway.conf");

export type NginxOptions = {
  /** The port nginx listens on (127.0.0.1 unless `host` says otherwise). */
  port: number;
  host?: string;
  /** The instances' ports on 127.0.0.1. */
  upstreamPorts: number[];
  /** Where the filled config, pid, logs, temporary files and cache go. */
  stateDir: string;
  /** How long a public page is kept; see the template. */
  cacheSeconds?: number;
  workers?: number;
  /** More `location` blocks, for the benchmark. */
  extra?: string;
};

/** The nginx binary: NGINX, else nginx on the PATH or /usr/sbin/nginx; null when absent. */
export function nginxBinary(): string | null {
  return findProgram(process.env.NGINX, () => [onPath("nginx"), "/usr/sbin/nginx"]);
}

/** The template with its names filled. */
export function renderNginxConfig({ port, host = "127.0.0.1", upstreamPorts, stateDir, cacheSeconds = 1, workers = 1, extra = "" }: NginxOptions): string {
  if (!upstreamPorts.length) throw new Error("nginx needs at least one instance to pass requests to.");
  const values: Record<string, string> = {
    // As root, nginx's workers would otherwise run as nobody and could not write the state folder.
    user: process.getuid?.() === 0 ? "user root;" : "",
    workers: String(workers),
    state: stateDir,
    listen: `${host}:${port}`,
    servers: upstreamPorts.map((upstream) => `    server 127.0.0.1:${upstream} max_fails=1 fail_timeout=2s;`).join("\n"),
    cacheSeconds: String(cacheSeconds),
    extra,
  };
  return readFileSync(nginxTemplate, "utf8").replace(/\{\{(\w+)\}\}/g, (_, name: string) => {
    if (!(name in values)) throw new Error(`deploy/nginx/hallway.conf names {{${name}}}, which nothing fills.`);
    return values[name]!;
  });
}

/** Writes the config into the state folder, checks it and starts nginx; resolves once it listens. */
export async function startNginx(options: NginxOptions): Promise<{ process: ChildProcess; configFile: string; stop(): Promise<void> }> {
  const binary = nginxBinary();
  if (!binary) throw new Error("No nginx found (install nginx, or set NGINX).");
  mkdirSync(options.stateDir, { recursive: true });
  const configFile = path.join(options.stateDir, "nginx.conf");
  writeFileSync(configFile, renderNginxConfig(options));
  // -e: the error log before the config is read; Debian's default (/var/log/nginx) needs root.
  const args = ["-p", options.stateDir, "-e", path.join(options.stateDir, "error.log"), "-c", configFile];
  const check = spawnSync(binary, [...args, "-t", "-q"], { encoding: "utf8" });
  if (check.status !== 0) throw new Error(`nginx refused ${configFile}: ${check.stderr.trim()}`);
  const child = spawn(binary, args, { stdio: ["ignore", "inherit", "inherit"] });
  let exited = false;
  child.on("exit", () => (exited = true));
  const listening = () => httpAnswers(`http://${options.host ?? "127.0.0.1"}:${options.port}/`, { method: "HEAD" });
  if ((await untilAnswers(listening, { child, timeoutMs: 10_000 })) !== "answered") {
    child.kill("SIGKILL");
    throw new Error(`nginx did not start on port ${options.port} (see ${path.join(options.stateDir, "error.log")}).`);
  }
  return {
    process: child,
    configFile,
    stop: () =>
      new Promise<void>((resolve) => {
        if (exited) return resolve();
        child.once("exit", () => resolve());
        // QUIT lets requests under way finish.
        child.kill("SIGQUIT");
      }),
  };
}
