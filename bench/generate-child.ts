/**
 * Builds the benchmark database named on the command line in a process of its own (lib/db/client.ts
 * binds to one DATABASE_URL per process, and the bench's own process holds SQLite's): how the
 * PostgreSQL side of the engines rows is generated. Prints one JSON line: counts and stage times.
 * Usage: bench/generate-child.ts <database URL>
 */
const url = process.argv[2];
if (!url) throw new Error("usage: bench/generate-child.ts <database URL>");
process.env.DATABASE_URL = url;
const { generateBenchDatabase } = await import("./generate");
const { db } = await import("../lib/db/client");
const result = await generateBenchDatabase(url);
await db.$disconnect();
console.log(JSON.stringify(result));
process.exit(0);

// A module (top-level await), though it exports nothing.
export {};
