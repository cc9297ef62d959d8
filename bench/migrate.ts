/**
 * Applies the migrations to the database named on the command line, in a process of its own:
 * the WebAssembly schema engine needs `--experimental-wasm-modules`, and applyMigrations
 * leaves its SQLite connection (and lock) open until garbage collection, which would make
 * the next connection in the same process fail with SQLITE_BUSY.
 */
import { applyMigrations } from "../lib/db/schema-engine";

const url = process.argv[2];
if (!url) throw new Error("usage: bench/migrate.ts file:<path>");
await applyMigrations(url);
