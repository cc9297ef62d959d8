/**
 * The in-process search measurement (search-latency.ts), in a process of its own, as a
 * server's search runs: not in the process that has just generated the database, whose
 * heap still holds what loading 10,000 sessions and 50,000 notes left behind.
 * Prints one JSON line. Usage: bench/search.ts file:<path> <conference slug> <queries per kind>
 */
const [url, slug, perCategory] = process.argv.slice(2);
if (!url || !slug) throw new Error("usage: bench/search.ts file:<path> <conference slug> [queries per kind]");
// lib/db/client.ts reads this once, when first imported.
process.env.DATABASE_URL = url;
const { measureSearchLatency } = await import("./search-latency");
const { db } = await import("../lib/db/client");
const result = await measureSearchLatency(slug, Number(perCategory ?? 170));
await db.$disconnect();
console.log(JSON.stringify(result));

// A module (top-level await), though it exports nothing.
export {};
