import "server-only";
import { db } from "../db/client";
import type { Viewer } from "../auth/viewer";

/** Asked of someone who is not an organiser of this Hallway (`npm run db -- organiser add <email>`). */
export class NotOrganiserError extends Error {
  override readonly name = "NotOrganiserError";
  constructor() {
    super("Only organisers may do this");
  }
}

/** Whether the viewer is an organiser, read from the database on every call, so removing one takes effect at once. */
export async function isOrganiser(viewer: Viewer | null): Promise<boolean> {
  if (!viewer) return false;
  const user = await db.user.findUnique({ where: { id: viewer.id }, select: { organiser: true } });
  return user?.organiser === true;
}

/** Every organiser-only function starts here: a check in the page alone would not guard its actions. */
export async function assertOrganiser(viewer: Viewer | null): Promise<Viewer> {
  if (!viewer || !(await isOrganiser(viewer))) throw new NotOrganiserError();
  return viewer;
}
