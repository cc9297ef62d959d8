/**
 * The import benchmark, in a process of its own (its own database, and the
 * WebAssembly schema engine needs --experimental-wasm-modules): a generated
 * frab schedule of 1,000 events is imported into an empty database, then again
 * unchanged. Prints one JSON line of timings. The database is a SQLite file, or a PostgreSQL
 * database (a URL), dropped and created again.
 */
import { rmSync } from "node:fs";
import path from "node:path";
import { isPostgresUrl } from "../lib/db/postgres-url";
import { recreatePostgresDatabase } from "./postgres";

const target = process.argv[2];
if (!target) throw new Error("usage: bench/import.ts <database file | postgresql:// URL>");
let url: string;
if (isPostgresUrl(target)) {
  await recreatePostgresDatabase(target);
  url = target;
} else {
  for (const suffix of ["", "-wal", "-shm"]) rmSync(`${target}${suffix}`, { force: true });
  url = `file:${path.resolve(target)}`;
}
process.env.DATABASE_URL = url;

const { applyMigrations } = await import("../lib/db/schema-engine");
await applyMigrations(url);
const { db } = await import("../lib/db/client");
const { generateFrabFixture } = await import("../lib/interop/fixtures/generate");
const { parseProgram } = await import("../lib/interop/detect");
const { importProgram } = await import("../lib/interop/import-program");

const text = generateFrabFixture({ events: 1000, speakers: 400, rooms: 30, seed: 2017 });
const timed = async <T>(work: () => Promise<T>) => {
  const started = performance.now();
  const result = await work();
  return { ms: performance.now() - started, result };
};
const first = await timed(() => importProgram(db, parseProgram(text, { sourceName: "bench.json" })));
const again = await timed(() => importProgram(db, parseProgram(text, { sourceName: "bench.json" })));
const counts = { sessions: await db.session.count(), speakers: await db.speaker.count(), rooms: await db.room.count() };
await db.$disconnect();
console.log(
  JSON.stringify({
    bytes: Buffer.byteLength(text),
    counts,
    firstMs: first.ms,
    firstAdded: first.result.report.added.length,
    againMs: again.ms,
    againChanged: again.result.report.added.length + again.result.report.changed.length + again.result.report.cancelled.length,
    againUnchanged: again.result.report.unchanged,
  }),
);
