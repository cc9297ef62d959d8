import "server-only";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { cache } from "react";
import { auth } from "./auth";

export type Viewer = { id: string; name: string; email: string };

async function viewerFrom(requestHeaders: Headers): Promise<Viewer | null> {
  const session = await auth.api.getSession({ headers: requestHeaders });
  return session ? { id: session.user.id, name: session.user.name, email: session.user.email } : null;
}

/** Who is asking, in a page, layout or server action; null when signed out. Memoised per request. */
export const getViewer = cache(async (): Promise<Viewer | null> => viewerFrom(await headers()));

/** Who is asking in a route handler. */
export function getViewerFromRequest(request: Request): Promise<Viewer | null> {
  return viewerFrom(request.headers);
}

/** The viewer, or a redirect to sign-in that comes back to `returnTo` afterwards. */
export async function requireViewer(returnTo: string): Promise<Viewer> {
  const viewer = await getViewer();
  if (!viewer) redirect(`/sign-in?next=${encodeURIComponent(safeReturnPath(returnTo))}`);
  return viewer;
}

/**
 * Only paths on this site: "/x" yes; "//evil.example", "/\\evil", "https://…" and
 * tricks a browser would normalise into them (tabs, newlines) no.
 */
export function safeReturnPath(value: unknown, fallback = "/"): string {
  if (typeof value !== "string" || !value.startsWith("/")) return fallback;
  const base = "http://hallway.invalid";
  try {
    const url = new URL(value, base);
    if (url.origin !== base) return fallback;
    return `${url.pathname}${url.search}${url.hash}`;
  } catch {
    return fallback;
  }
}
