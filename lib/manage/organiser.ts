import "server-only";
import type { Viewer } from "../auth/viewer";
import { db } from "../db/client";
import { isOrganiser as isOrganiserId } from "../organisers/organisers";

/** Asked of someone who is not an organiser of this Hallway (`npm run db -- organiser add <email>`). */
export class NotOrganiserError extends Error {
  override readonly name = "NotOrganiserError";
  constructor() {
    super("Only organisers may do this");
  }
}

/** Whether the viewer is an organiser, read from the database on every call, so removing one takes effect at once. */
export async function isOrganiser(viewer: Viewer | null): Promise<boolean> {
  return viewer !== null && (await isOrganiserId(db, viewer.id));
}

/** Every organiser-only function starts here: a check in the page alone would not guard its actions. */
export async function assertOrganiser(viewer: Viewer | null): Promise<Viewer> {
  if (!viewer || !(await isOrganiser(viewer))) throw new NotOrganiserError();
  return viewer;
}
