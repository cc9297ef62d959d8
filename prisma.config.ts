import { defineConfig } from "prisma/config";

// The FTS5 search index is created by a hand-written migration; Prisma must not
// try to drop or model its tables (see docs/decisions/0003-search-with-fts5.md).
export const externalSearchTables = [
  "session_search",
  "session_search_config",
  "session_search_content",
  "session_search_data",
  "session_search_docsize",
  "session_search_idx",
  "note_search",
  "note_search_config",
  "note_search_data",
  "note_search_docsize",
  "note_search_idx",
  "session_notes_stale",
];

export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations", seed: "node --import tsx prisma/seed.ts" },
  datasource: { url: process.env.DATABASE_URL ?? "file:./data/hallway.db" },
  experimental: { externalTables: true },
  tables: { external: externalSearchTables },
});
