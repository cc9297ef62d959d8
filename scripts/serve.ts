/**
 * The production server: Next.js behind a few seconds of memory for public
 * pages (lib/server/micro-cache.ts). `npm start` runs it after preparing the
 * database and the build. Configuration: PORT, HOSTNAME, HALLWAY_MICROCACHE_MS.
 */
import { createServer, get } from "node:http";
import next from "next";
import { createMicroCache, keepPrivateWhenSignedIn } from "../lib/server/micro-cache";

const port = Number(process.env.PORT ?? 3000);
const hostname = process.env.HOSTNAME ?? "0.0.0.0";
const app = next({ dev: false, hostname, port, dir: process.cwd() });
const handle = app.getRequestHandler();
const cache = createMicroCache({
  ttlMs: Number(process.env.HALLWAY_MICROCACHE_MS ?? 2000),
  maxEntries: 2000,
  maxBodyBytes: 2 * 1024 * 1024,
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

await app.prepare();
const server = createServer((req, res) => {
  keepPrivateWhenSignedIn(req, res);
  const key = cache.keyFor(req);
  if (key && cache.serve(req, res, key)) return;
  if (key) cache.record(res, key);
  handle(req, res).catch((error: unknown) => {
    console.error(error);
    if (!res.headersSent) res.writeHead(500).end("Internal Server Error");
  });
});
server.keepAliveTimeout = 65_000;
server.listen(port, hostname, () => console.log(`Hallway is listening on http://${hostname === "0.0.0.0" ? "localhost" : hostname}:${port}`));
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => server.close(() => process.exit(0)));
}
