import type { Db } from "../db/client";

/**
 * Organisers of this Hallway instance: accounts that may import programs, over
 * HTTP or on /manage, and hold API tokens. Made from the command line
 * (`npm run db -- organiser add <email>`), never through the web.
 */

export type Organiser = { id: string; name: string; email: string };

export type SetOrganiserResult = { ok: true; organiser: Organiser; changed: boolean } | { ok: false; error: string };

export async function setOrganiser(db: Db, email: string, organiser: boolean): Promise<SetOrganiserResult> {
  const user = await db.user.findUnique({ where: { email: email.trim().toLowerCase() }, select: { id: true, name: true, email: true, organiser: true } });
  if (!user) return { ok: false, error: `No account has the email ${email.trim()}: sign up with it first, then run this again.` };
  if (user.organiser !== organiser) await db.user.update({ where: { id: user.id }, data: { organiser }, select: { id: true } });
  return { ok: true, organiser: { id: user.id, name: user.name, email: user.email }, changed: user.organiser !== organiser };
}

export async function listOrganisers(db: Db): Promise<Organiser[]> {
  return db.user.findMany({ where: { organiser: true }, select: { id: true, name: true, email: true }, orderBy: { email: "asc" } });
}

export async function isOrganiser(db: Db, userId: string): Promise<boolean> {
  return (await db.user.count({ where: { id: userId, organiser: true } })) > 0;
}
