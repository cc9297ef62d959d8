/**
 * The session cookie's name, as better-auth sets it with the "hallway" prefix
 * (lib/auth/auth.ts). Over https it carries the `__Secure-` prefix too, so code
 * that only needs to know whether a request may be signed in looks for this name
 * inside the cookie header. No imports: the proxy and the server both use it.
 */
export const sessionCookieName = "hallway.session_token";

/** Whether a request carries a session cookie: it may belong to someone, so it gets a personal answer. */
export function mayBeSignedIn(cookieHeader: string | null | undefined): boolean {
  return (cookieHeader ?? "").includes(sessionCookieName);
}
