import "server-only";
import { slugSchema } from "../validation/params";
import { findStarTarget, setStar } from "./agenda";

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
export async function findStarIntentSession(intent: StarIntent) {
  return (await findStarTarget(intent.conference, intent.session))?.session ?? null;
}

/**
 * Stars the session for the person who has just signed in (their id comes from
 * the sign-in itself, never from the form) and returns my agenda's address that
 * says so; null when the session is unknown, and nothing is written.
 */
export async function applyStarIntent(userId: string, intent: StarIntent, next: string): Promise<string | null> {
  const target = await findStarTarget(intent.conference, intent.session);
  if (!target) return null;
  await setStar(userId, target.session.id, true);
  const { conference, session } = target;
  return `/${conference.slug}/me/agenda?${new URLSearchParams({ changed: session.slug, back: next })}#${session.slug}`;
}

/** The sign-in address that asks for a star: the star button's and the star form's way in. */
export function signInToStar(next: string, sessionSlug: string): string {
  return `/sign-in?${new URLSearchParams({ next, star: sessionSlug })}`;
}
