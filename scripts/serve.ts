/**
 * The production server: Next.js behind a few seconds of memory for public
 * pages (lib/server/micro-cache.ts). `npm start` runs it after preparing the
 * database and the build. It also follows the schedule URLs organisers set on
 * /manage (lib/follow/, docs/decisions/0015-following-a-schedule-url.md).
 * Configuration: PORT, HOSTNAME, HALLWAY_MICROCACHE_MS, HALLWAY_PROGRAM_STALE_MS, HALLWAY_FOLLOW_SECONDS, and the
 * variables of a bigger deployment (README, docs/decisions/0020-several-instances.md).
 */
import { createServer, get } from "node:http";
import next from "next";
import { authSecret } from "../lib/auth/secret";
import { db } from "../lib/db/client";
import { readProgramRevisions } from "../lib/db/program-revisions";
import { startFollowing } from "../lib/follow/follow-timer";
import { createMicroCache, keepPrivateWhenSignedIn } from "../lib/server/micro-cache";
import { createProgramRevisions, installProgramRevisions } from "../lib/server/program-revisions";

const port = Number(process.env.PORT ?? 3000);
const hostname = process.env.HOSTNAME ?? "0.0.0.0";
const app = next({ dev: false, hostname, port, dir: process.cwd() });
const handle = app.getRequestHandler();
// Every cache in this process drops what an import, here or in another process, made stale.
const revisions = installProgramRevisions(createProgramRevisions(readProgramRevisions));
const cache = createMicroCache({
  ttlMs: Number(process.env.HALLWAY_MICROCACHE_MS ?? 2000),
  maxEntries: 2000,
  maxBodyBytes: 2 * 1024 * 1024,
  stampOf: revisions.stampOf,
  // For a moment after an import the previous answer is served while one request renders the new one (as the page cache does).
  movedAgo: revisions.movedAgo,
  staleMs: Number(process.env.HALLWAY_PROGRAM_STALE_MS ?? 500),
  // Through this server itself, without cookies: the answer is kept as any signed-out visitor's is.
  refresh: (url, gzip) =>
    new Promise<void>((resolve, reject) => {
      const request = get({ host: hostname === "0.0.0.0" ? "127.0.0.1" : hostname, port, path: url, headers: gzip ? { "accept-encoding": "gzip" } : {} }, (response) => {
        response.resume().on("end", () => resolve()).on("error", reject);
      });
      request.on("error", reject);
      request.setTimeout(10_000, () => request.destroy(new Error("refresh timed out")));
    }),
});

// Without the cookie key (required on PostgreSQL: every instance must share it) the server stops here, not at the first request.
try {
  authSecret();
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
}
await app.prepare();
const server = createServer((req, res) => {
  keepPrivateWhenSignedIn(req, res);
  const key = cache.keyFor(req);
  const answer = () => {
    if (key && cache.serve(req, res, key)) return;
    if (key) cache.record(res, key);
    handle(req, res).catch((error: unknown) => {
      console.error(error);
      if (!res.headersSent) res.writeHead(500).end("Internal Server Error");
    });
  };
  if (key) revisions.poll().then(answer, answer);
  else answer();
});
server.keepAliveTimeout = 65_000;
server.listen(port, hostname, () => console.log(`Hallway is listening on http://${hostname === "0.0.0.0" ? "localhost" : hostname}:${port}`));
// How often to look for a due schedule URL; 0 leaves following to `npm run db -- follow` from cron.
const followSeconds = Number(process.env.HALLWAY_FOLLOW_SECONDS ?? 30);
const follower = followSeconds > 0 ? startFollowing(db, { tickMs: followSeconds * 1000 }) : null;
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  // A fetch under way finishes and records itself (or its lease lapses) before the process goes.
  process.on(signal, () => server.close(() => void (follower?.stop() ?? Promise.resolve()).finally(() => process.exit(0))));
}
