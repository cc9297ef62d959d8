import { hasSignedInHint, signedInHintName } from "@/lib/auth/signed-in-hint";

/**
 * Whether this browser may be signed in, from the hint cookie (lib/auth/signed-in-hint.ts):
 * without it, a page asks nothing personal and shows its signed-out state at once.
 */
export function browserMayBeSignedIn(): boolean {
  return typeof document !== "undefined" && hasSignedInHint(document.cookie);
}

/** After a 401 or a signed-out answer: the hint was stale, so the next page asks nothing. */
export function forgetSignedInHint(): void {
  if (typeof document === "undefined") return;
  document.cookie = `${signedInHintName}=; Path=/; Max-Age=0; SameSite=Lax${location.protocol === "https:" ? "; Secure" : ""}`;
}
