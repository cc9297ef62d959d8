import "server-only";
import { redirect } from "next/navigation";
import { getViewer, safeReturnPath } from "../auth/viewer";
import { href } from "../routes";
import { findSession } from "../schedule/sessions";
import { slugSchema } from "../validation/params";
import { setStar, starTargetSelect } from "./agenda";

/**
 * A star clicked while signed out: sign-in carries `star=<session slug>` beside
 * `next`, says why it asks, and stars the session once the person is in. The
 * conference is the one the return path is in, so the intent cannot name another.
 */
export type StarIntent = { conference: string; session: string };

export function parseStarIntent(star: unknown, next: string): StarIntent | null {
  const session = slugSchema.safeParse(Array.isArray(star) ? star[0] : star);
  const conference = slugSchema.safeParse(next.split(/[/?#]/)[1]);
  return session.success && conference.success ? { conference: conference.data, session: session.data } : null;
}

/** The session an intent names, for the sign-in page to say which; null when unknown. */
async function findStarIntentSession(intent: StarIntent) {
  return findSession(intent.conference, intent.session, starTargetSelect);
}

/**
 * Stars the session for the person who has just signed in (their id comes from
 * the sign-in itself, never from the form) and returns my agenda's address that
 * says so; null when the session is unknown, and nothing is written.
 */
export async function applyStarIntent(userId: string, intent: StarIntent, next: string): Promise<string | null> {
  const session = await findSession(intent.conference, intent.session, starTargetSelect);
  if (!session) return null;
  await setStar(userId, session.id, true);
  return href.agenda(session.conference.slug, { changed: session.slug, back: next }, session.slug);
}

/**
 * What the sign-in and sign-up pages start from: where to go afterwards, and the
 * session a star sent the person here for (an unknown one is simply not
 * mentioned). Someone already signed in goes straight on.
 */
export async function readSignInEntry(query: { next?: string | string[]; star?: string | string[] }) {
  const next = safeReturnPath(query.next);
  if (await getViewer()) redirect(next);
  const intent = parseStarIntent(query.star, next);
  const starring = intent ? await findStarIntentSession(intent) : null;
  return { next, starring, star: starring ? starring.slug : null };
}
