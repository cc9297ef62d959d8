/**
 * Signing up over HTTP, as the sign-up form's client does, for the browser tests,
 * the benchmark and the screenshot script. Plain fetch: nothing here loads Playwright.
 */

export type NewAccount = { name: string; email: string; password: string };

/** Long enough for the password rule, and the same everywhere so a person debugging can sign in. */
export const testPassword = "correct horse battery staple";

/**
 * The sign-up request for `origin`: better-auth's email endpoint, JSON, with the
 * site's own `Origin` (better-auth refuses writes from any other).
 */
export function signUpRequest(origin: string, account: NewAccount) {
  return {
    url: `${origin}/api/auth/sign-up/email`,
    headers: { "content-type": "application/json", origin },
    body: JSON.stringify(account),
  };
}

/** Creates the account; resolves to its session cookie as a `Cookie` header, and throws unless the answer is 200. */
export async function signUpOverHttp(origin: string, account: NewAccount): Promise<string> {
  const { url, headers, body } = signUpRequest(origin, account);
  const response = await fetch(url, { method: "POST", headers, body });
  if (response.status !== 200) throw new Error(`sign-up of ${account.email} failed: ${response.status} ${await response.text()}`);
  return response.headers.getSetCookie().map((cookie) => cookie.split(";")[0]).join("; ");
}
