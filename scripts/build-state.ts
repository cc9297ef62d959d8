/**
 * Whether a production build is older than the sources it was built from (scripts/start.ts,
 * scripts/cluster.ts), and how to run the server it built.
 */
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");
const serviceWorker = path.join(root, "public", "sw.js");
const sourceDirs = ["app", "components", "lib", "prisma", "public", "sw"];
const sourceFiles = ["next.config.ts", "proxy.ts", "package.json", "postcss.config.mjs", "tsconfig.json", "scripts/serve.ts"];

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

/** The build folder: next.config.ts's `distDir`. */
const defaultDistDir = () => process.env.NEXT_DIST_DIR || ".next";

/** The production server, compiled beside the build in `distDir` by scripts/build-server.ts. */
export function serverEntry(distDir = defaultDistDir()): string {
  return path.join(root, distDir, "hallway", "serve.mjs");
}

/**
 * How to start the production server of the build in `distDir`: `spawn(process.execPath, serverArgs())`
 * with the server's environment (and NEXT_DIST_DIR when the build is not in .next).
 */
export function serverArgs(distDir = defaultDistDir()): string[] {
  const entry = serverEntry(distDir);
  if (!existsSync(entry)) throw new Error(`There is no compiled server at ${path.relative(root, entry)}: run \`npm run build\` first.`);
  return ["--enable-source-maps", entry];
}

/** A build in `distDir` (relative to the project) exists, with its server, and is newer than every source file. */
export function buildIsCurrent(distDir = defaultDistDir()): boolean {
  const buildId = path.join(root, distDir, "BUILD_ID");
  return existsSync(buildId) && existsSync(serviceWorker) && existsSync(serverEntry(distDir)) && statSync(buildId).mtimeMs >= newestSourceMtime();
}
