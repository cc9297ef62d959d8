/**
 * The production server's build step, run by `npm run build` after `next build`:
 * bundles scripts/serve.ts and the lib/ code it imports into one ES module beside
 * the build (`<distDir>/hallway/serve.mjs`), packages left to node_modules, so that
 * the server runs on plain Node. Under `node --import tsx`, Next.js's `import()` of
 * the cache handler, twice a request, was a round trip to tsx's loader thread:
 * about a tenth of the server's time (docs/decisions/0017-signed-in-speed.md).
 */
import { build } from "esbuild";
import { statSync } from "node:fs";
import path from "node:path";
import { serverEntry } from "./build-state";

const root = path.resolve(import.meta.dirname, "..");
const outfile = serverEntry();

await build({
  entryPoints: [path.join(root, "scripts", "serve.ts")],
  outfile,
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  // next, Prisma, better-sqlite3 and the rest load from node_modules as they do for Next.js's own server.
  packages: "external",
  // Stack traces name the TypeScript files (the server runs with --enable-source-maps).
  sourcemap: "linked",
  logLevel: "warning",
});
console.log(`Server: ${path.relative(root, outfile)}, ${(statSync(outfile).size / 1024).toFixed(0)} KB.`);
