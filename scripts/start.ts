/**
 * `npm start`: prepares the database (migrate; load the demo when empty),
 * builds the app when there is no build or the sources changed since, then
 * serves the production build (scripts/serve.ts). Configuration: DATABASE_URL, PORT, HOSTNAME.
 */
import { spawnSync, spawn } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };
const npm = process.platform === "win32" ? "npm.cmd" : "npm";

function run(command: string, args: string[]) {
  const result = spawnSync(command, args, { cwd: root, env, stdio: "inherit" });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

const serviceWorker = path.join(root, "public", "sw.js");
const sourceDirs = ["app", "components", "lib", "prisma", "public", "sw"];
const sourceFiles = ["next.config.ts", "proxy.ts", "package.json", "postcss.config.mjs", "tsconfig.json"];

function newestSourceMtime(): number {
  let newest = 0;
  const visit = (target: string) => {
    if (!existsSync(target)) return;
    const stat = statSync(target);
    if (stat.isDirectory()) {
      if (target.endsWith(`${path.sep}generated`)) return;
      for (const entry of readdirSync(target)) visit(path.join(target, entry));
    } else if (target !== serviceWorker) {
      // The service worker is built output (scripts/build-sw.ts), written after BUILD_ID.
      newest = Math.max(newest, stat.mtimeMs);
    }
  };
  for (const dir of sourceDirs) visit(path.join(root, dir));
  for (const file of sourceFiles) visit(path.join(root, file));
  return newest;
}

function buildIsCurrent(): boolean {
  const buildId = path.join(root, ".next", "BUILD_ID");
  return existsSync(buildId) && existsSync(serviceWorker) && statSync(buildId).mtimeMs >= newestSourceMtime();
}

run(npm, ["run", "--silent", "db", "--", "setup"]);
if (!buildIsCurrent()) run(npm, ["run", "--silent", "build"]);

console.log(`Hallway is starting on http://localhost:${process.env.PORT ?? "3000"}`);
const server = spawn(process.execPath, ["--import", "tsx", path.join(root, "scripts", "serve.ts")], { cwd: root, env, stdio: "inherit" });
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => server.kill(signal));
server.on("exit", (code) => process.exit(code ?? 0));
