import "server-only";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { cache } from "react";
import { viewerFromHeaders, type Viewer } from "./request-viewer";
import { href } from "../routes";

// Route handlers ask getViewerFromRequest, which lives apart so tests can load it without Next.js's navigation.
export { getViewerFromRequest, type Viewer } from "./request-viewer";

/** Who is asking, in a page, layout or server action; null when signed out. Memoised per request. */
export const getViewer = cache(async (): Promise<Viewer | null> => viewerFromHeaders(await headers()));

/** The viewer, or a redirect to sign-in that comes back to `returnTo` afterwards. */
export async function requireViewer(returnTo: string): Promise<Viewer> {
  const viewer = await getViewer();
  if (!viewer) redirect(href.signIn(safeReturnPath(returnTo)));
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
