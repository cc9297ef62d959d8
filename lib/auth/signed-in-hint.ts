/**
 * A cookie that says "this browser signed in", set beside the session cookie and
 * cleared with it (lib/auth/auth.ts), so that a page can tell without asking the
 * server whether to ask for anything personal (docs/decisions/0017-signed-in-speed.md).
 * It carries no secret and proves nothing: the server never reads it, pages read it
 * with `document.cookie` (it is not HttpOnly). A stale one (a session revoked on
 * another device, or expired) costs one 401, after which the page clears it.
 * No imports: the server and the browser both use it.
 */
export const signedInHintName = "hallway.signed_in";

/** Whether a `Cookie` header, or `document.cookie`, carries the hint. */
export function hasSignedInHint(cookies: string): boolean {
  return cookies.split(";").some((pair) => pair.trim().startsWith(`${signedInHintName}=1`));
}
