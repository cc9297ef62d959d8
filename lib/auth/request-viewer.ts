import "server-only";
import { auth } from "./auth";
import { readCookie, verifySignedValue } from "./session-cookie";
import { findSessionRow } from "./session-row";

export type Viewer = { id: string; name: string; email: string };

/** Who the session cookie in these headers belongs to, by auth.api.getSession; null when signed out. */
export async function viewerFromHeaders(requestHeaders: Headers): Promise<Viewer | null> {
  const session = await auth.api.getSession({ headers: requestHeaders });
  return session ? { id: session.user.id, name: session.user.name, email: session.user.email } : null;
}

/**
 * Who is asking in a route handler. The usual case, a live session not yet due
 * for its daily refresh, is read from the session table; every other case is
 * auth.api.getSession's to decide, refresh or clear
 * (docs/decisions/0011-session-check-in-route-handlers.md).
 */
export async function getViewerFromRequest(request: Request): Promise<Viewer | null> {
  const viewer = await viewerFromSessionTable(request.headers);
  return viewer === undefined ? viewerFromHeaders(request.headers) : viewer;
}

type AuthContext = Awaited<typeof auth.$context>;
/** better-auth's context, once resolved: awaiting it on every request costs a turn of the event loop for nothing. */
let resolvedContext: AuthContext | undefined;

/**
 * The viewer when the session table settles it, as getSession would: the cookie's
 * signature checked with the same secret, the session and its user read in one
 * prepared statement (findSessionRow), expiry compared the same way. Undefined when
 * getSession has more to do.
 */
async function viewerFromSessionTable(requestHeaders: Headers): Promise<Viewer | null | undefined> {
  const cookieHeader = requestHeaders.get("cookie");
  // No cookies at all: getSession answers null and changes nothing.
  if (!cookieHeader) return null;
  const context = (resolvedContext ??= await auth.$context);
  // A leftover cookie-cache cookie is getSession's to clear (the cache itself is off).
  if (cookieHeader.includes(context.authCookies.sessionData.name)) return undefined;
  const signed = readCookie(cookieHeader, context.authCookies.sessionToken.name);
  // Other cookies only (the signed-in hint, say): getSession answers null and changes nothing.
  if (signed === null) return null;
  const token = signed && verifySignedValue(signed, context.secret);
  if (!token) return undefined;
  const found = await findSessionRow(token);
  if (!found) return undefined;
  const { expiresAt: sessionExpiresAt, user } = found;
  const now = Date.now();
  const expiresAt = sessionExpiresAt.getTime();
  if (expiresAt < now) return undefined;
  // Due for its refresh (the expiry is pushed back once every updateAge): getSession writes that, and the new cookie.
  const { expiresIn, updateAge } = context.sessionConfig;
  if (expiresAt - expiresIn * 1000 + updateAge * 1000 <= now) return undefined;
  return { id: user.id, name: user.name, email: user.email };
}
