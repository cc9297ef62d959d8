import { createHmac, timingSafeEqual } from "node:crypto";

/**
 * Reading better-auth's signed session cookie without its endpoint machinery
 * (docs/decisions/0011-session-check-in-route-handlers.md). Both functions do
 * what better-call's `getSignedCookie` does inside `auth.api.getSession`, step
 * for step, and lib/auth/session-cookie.test.ts holds them to that.
 */

/** The first cookie called `name` in a `Cookie` header, percent-decoded: better-call's parseCookies. */
export function readCookie(header: string, name: string): string | null {
  let index = 0;
  while (index < header.length) {
    const eq = header.indexOf("=", index);
    if (eq === -1) break;
    let end = header.indexOf(";", index);
    if (end === -1) end = header.length;
    else if (end < eq) {
      // A pair without "=": skip to the last ";" before the next "=".
      index = header.lastIndexOf(";", eq - 1) + 1;
      continue;
    }
    if (header.slice(index, eq).trim() === name) {
      let value = header.slice(eq + 1, end).trim();
      if (value.codePointAt(0) === 34) value = value.slice(1, -1);
      try {
        return value.includes("%") ? decodeURIComponent(value) : value;
      } catch {
        return value;
      }
    }
    index = end + 1;
  }
  return null;
}

/**
 * The value a signed cookie (`<value>.<base64 HMAC-SHA256>`) carries when its
 * signature is the secret's, else null. Same checks as better-call: a 44-character
 * padded base64 signature, decoded by `atob`, compared as bytes in constant time.
 */
export function verifySignedValue(signedCookie: string, secret: string): string | null {
  const dot = signedCookie.lastIndexOf(".");
  if (dot < 1) return null;
  const value = signedCookie.slice(0, dot);
  const signature = signedCookie.slice(dot + 1);
  if (signature.length !== 44 || !signature.endsWith("=")) return null;
  let given: Buffer;
  try {
    given = Buffer.from(atob(signature), "latin1");
  } catch {
    return null;
  }
  const expected = createHmac("sha256", secret).update(value, "utf8").digest();
  return given.length === expected.length && timingSafeEqual(given, expected) ? value : null;
}
