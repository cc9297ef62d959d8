/** Whether a production build is older than the sources it was built from (scripts/start.ts, scripts/cluster.ts). */
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");
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

/** A build in `distDir` (relative to the project) exists and is newer than every source file. */
export function buildIsCurrent(distDir = ".next"): boolean {
  const buildId = path.join(root, distDir, "BUILD_ID");
  return existsSync(buildId) && existsSync(serviceWorker) && statSync(buildId).mtimeMs >= newestSourceMtime();
}
