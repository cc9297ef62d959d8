import { PrismaClient } from "../generated/prisma/client";
import { sqliteAdapterFactory } from "./sqlite";
import { databaseUrl } from "./url";

function createClient() {
  return new PrismaClient({ adapter: sqliteAdapterFactory(databaseUrl()) });
}

// One client per process; dev-mode module reloading must not open a new connection each time.
const globalForPrisma = globalThis as unknown as { hallwayPrisma?: ReturnType<typeof createClient> };

export const db = globalForPrisma.hallwayPrisma ?? createClient();
if (process.env.NODE_ENV !== "production") globalForPrisma.hallwayPrisma = db;

export type Db = typeof db;
