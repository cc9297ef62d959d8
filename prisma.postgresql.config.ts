import { defineConfig } from "prisma/config";

// The PostgreSQL side of prisma.config.ts: the schema written from prisma/schema.prisma by
// scripts/postgres-schema.ts and its own migration history, for the Prisma CLI
// (`prisma migrate deploy --config prisma.postgresql.config.ts` where the native engine
// downloads) and for lib/db/schema-engine.ts. The search tables and their triggers are
// hand-written SQL (docs/decisions/0018-postgresql.md); on PostgreSQL Prisma names
// external tables with their schema.
export const externalPostgresSearchTables = ["public.session_search", "public.note_search"];

export default defineConfig({
  schema: "prisma/postgresql/schema.prisma",
  migrations: { path: "prisma/postgresql/migrations", seed: "node --import tsx prisma/seed.ts" },
  datasource: { url: process.env.DATABASE_URL ?? "postgresql://localhost:5432/hallway" },
  experimental: { externalTables: true },
  tables: { external: externalPostgresSearchTables },
});
