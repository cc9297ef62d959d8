/**
 * The service worker's build step, run by `npm run build` after `next build`:
 * bundles sw/sw.ts with esbuild, then has @serwist/build inject the precache
 * manifest of the app shell's built assets (.next/static, content-hashed) into
 * public/sw.js (docs/decisions/0021-offline-with-a-service-worker.md).
 * HALLWAY_OFFLINE_CAP_BYTES overrides the 15 MB a conference may take offline.
 */
import { build } from "esbuild";
import { injectManifest } from "@serwist/build";
import { existsSync, mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");
const staticDir = path.join(root, ".next", "static");
if (!existsSync(staticDir)) throw new Error("Run `next build` first: .next/static is missing.");

const cap = Number(process.env.HALLWAY_OFFLINE_CAP_BYTES);
const workDir = mkdtempSync(path.join(tmpdir(), "hallway-sw-"));
const bundled = path.join(workDir, "sw.js");
const swDest = path.join(root, "public", "sw.js");

try {
  await build({
    entryPoints: [path.join(root, "sw", "sw.ts")],
    outfile: bundled,
    bundle: true,
    format: "iife",
    target: "es2022",
    minify: true,
    legalComments: "none",
    define: {
      HALLWAY_OFFLINE_CAP_BYTES: Number.isFinite(cap) && cap > 0 ? String(Math.round(cap)) : "undefined",
      "process.env.NODE_ENV": '"production"',
    },
    logLevel: "warning",
  });
  const { count, size, warnings } = await injectManifest({
    swSrc: bundled,
    swDest,
    globDirectory: staticDir,
    globPatterns: ["**/*.{js,css,woff2,svg}"],
    modifyURLPrefix: { "": "/_next/static/" },
    // Built assets carry their content hash in their name: no revision needed.
    dontCacheBustURLsMatching: /.*/,
    maximumFileSizeToCacheInBytes: 2 * 1024 * 1024,
  });
  for (const warning of warnings) console.warn(warning);
  console.log(`Service worker: public/sw.js, ${(statSync(swDest).size / 1024).toFixed(1)} KB, precaching ${count} files (${(size / 1024).toFixed(0)} KB).`);
} finally {
  rmSync(workDir, { recursive: true, force: true });
}
