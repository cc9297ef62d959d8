/**
 * `npm run test:e2e:cluster`: the browser suite on the bigger deployment (PostgreSQL, Redis,
 * two instances behind nginx; e2e/support/serve.ts with E2E_ENGINE=postgresql). Without the
 * servers' binaries it says what to install and skips, except on CI, where it fails.
 */
import { spawnSync } from "node:child_process";
import { nginxBinary } from "./nginx";
import { postgresBinDir } from "./postgres";
import { redisServerBinary } from "./redis";

const missing = [
  postgresBinDir() ? null : "postgresql postgresql-contrib",
  redisServerBinary() ? null : "redis-server",
  nginxBinary() ? null : "nginx",
].filter(Boolean);
if (missing.length) {
  const message = `The browser suite on the cluster needs ${missing.join(", ")} (Debian: apt-get install ${missing.join(" ")}).`;
  if (process.env.CI) {
    console.error(message);
    process.exit(1);
  }
  console.log(`Skipping: ${message}`);
  process.exit(0);
}
const result = spawnSync("npx", ["playwright", "test", ...process.argv.slice(2)], { stdio: "inherit", env: { ...process.env, E2E_ENGINE: "postgresql" } });
process.exit(result.status ?? 1);
