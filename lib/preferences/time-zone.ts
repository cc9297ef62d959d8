import "server-only";
import { db, readSql } from "../db/client";
import { Prisma } from "../generated/prisma/client";

/**
 * The zone a person chose to read times in; null is the conference's own. Pages
 * are shared, so this is applied in the browser (docs/decisions/0009-my-agenda-and-time-zones.md).
 */
export async function getTimeZonePreference(userId: string): Promise<string | null> {
  // On the read connection: a page asks this on every view (docs/decisions/0017-signed-in-speed.md).
  const [user] = await readSql<{ timeZone: string | null }>(Prisma.sql`SELECT "timeZone" FROM "User" WHERE "id" = ${userId}`);
  return user?.timeZone ?? null;
}

/** `timeZone` must already be a canonical IANA name (lib/validation/time-zone.ts). */
export async function saveTimeZonePreference(userId: string, timeZone: string | null): Promise<string | null> {
  const user = await db.user.update({ where: { id: userId }, data: { timeZone }, select: { timeZone: true } });
  return user.timeZone;
}
