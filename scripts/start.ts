/**
 * `npm start`: prepares the database (migrate; load the demo when empty),
 * builds the app when there is no build or the sources changed since, then
 * serves the production build (scripts/serve.ts, compiled by the build). Configuration: DATABASE_URL, PORT, HOSTNAME.
 */
import { spawnSync, spawn } from "node:child_process";
import path from "node:path";
import { buildIsCurrent, serverArgs } from "./build-state";

const root = path.resolve(import.meta.dirname, "..");
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };
const npm = process.platform === "win32" ? "npm.cmd" : "npm";

function run(command: string, args: string[]) {
  const result = spawnSync(command, args, { cwd: root, env, stdio: "inherit" });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

run(npm, ["run", "--silent", "db", "--", "setup"]);
if (!buildIsCurrent()) run(npm, ["run", "--silent", "build"]);

console.log(`Hallway is starting on http://localhost:${process.env.PORT ?? "3000"}`);
const server = spawn(process.execPath, serverArgs(), { cwd: root, env, stdio: "inherit" });
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => server.kill(signal));
server.on("exit", (code) => process.exit(code ?? 0));
