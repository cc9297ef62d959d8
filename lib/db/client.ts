import { PrismaClient } from "../generated/prisma/client";
import { sqliteAdapterFactory } from "./sqlite";
import { databaseUrl } from "./url";

function createClient() {
  return new PrismaClient({ adapter: sqliteAdapterFactory(databaseUrl()) });
}

// One client, so one SQLite connection, per process. The bundler may load this module once
// per route bundle (and dev reloads it); two connections would queue writes behind each
// other's locks, sleeping in SQLite's busy handler.
const globalForPrisma = globalThis as unknown as { hallwayPrisma?: ReturnType<typeof createClient> };

export const db = (globalForPrisma.hallwayPrisma ??= createClient());

export type Db = typeof db;
