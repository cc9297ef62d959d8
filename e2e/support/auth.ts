/**
 * Accounts and notes for the browser tests, made over HTTP instead of through the
 * forms: a request context bound to a browser context shares its cookie jar, so
 * signing up with `context.request` signs that browser in.
 */
import { expect, request, test, type APIRequestContext, type BrowserContext } from "@playwright/test";
import { signUpOverHttp, signUpRequest, testPassword, type NewAccount } from "../../lib/test/sign-up";
import { conf } from "./demo";

/** The documented name; over http the app currently sets `__Secure-hallway.session_token` instead (security.spec.ts). */
export const sessionCookie = "hallway.session_token";
export const evilOrigin = "http://evil.example";

export type TestUser = NewAccount;

let counter = 0;
const runId = Date.now();

/** The server's own origin (the notes API requires it as `Origin` on writes). */
export function baseURL(): string {
  const url = test.info().project.use.baseURL;
  if (!url) throw new Error("playwright.config.ts must set use.baseURL");
  return url;
}

export const sameOrigin = () => ({ Origin: baseURL() });

/** Headers for JSON writes to better-auth's `/api/auth/*`: from the site itself, as a browser page sends them. */
export const authApiHeaders = (): Record<string, string> => sameOrigin();

/** An address no other test (or earlier run against a kept database) has used. */
export function uniqueEmail(label = "user"): string {
  const slug = `${test.info().title}-${label}`.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "").slice(0, 40);
  return `${slug}-${Date.now()}-${++counter}@example.com`;
}

/** Letters only, so full-text search treats it as one word nobody else wrote. */
export function uniqueWord(prefix = "zq"): string {
  const letters = (n: number) => n.toString(26).replace(/./g, (d) => String.fromCharCode(97 + parseInt(d, 26)));
  return `${prefix}${letters(Date.now())}${letters(++counter * 7919)}`;
}

export function newUser(label = "user", overrides: Partial<TestUser> = {}): TestUser {
  return { name: `Ada ${label} ${counter + 1}`, email: uniqueEmail(label), password: testPassword, ...overrides };
}

/** Creates an account and leaves every browser signed out (it signs up over plain fetch, and nobody keeps the cookie). */
export async function createAccount(overrides: Partial<TestUser> & { label?: string } = {}): Promise<TestUser> {
  const { label, ...rest } = overrides;
  const user = newUser(label, rest);
  await signUpOverHttp(baseURL(), user);
  return user;
}

/** Creates an account and signs `context` in as it. */
export async function signUp(context: BrowserContext, overrides: Partial<TestUser> & { label?: string } = {}): Promise<TestUser> {
  const { label, ...rest } = overrides;
  const user = newUser(label, rest);
  const { url, headers, body } = signUpRequest(baseURL(), user);
  const response = await context.request.post(url, { headers, data: body });
  expect(response.status(), await response.text()).toBe(200);
  expect(await sessionCookieOf(context)).toBeTruthy();
  return user;
}

/** Signs in a request context that has no session cookie yet (a browser context's `request`, say). */
export async function signIn(request: APIRequestContext, user: Pick<TestUser, "email" | "password">) {
  return request.post("/api/auth/sign-in/email", { data: { email: user.email, password: user.password }, headers: authApiHeaders() });
}

export type SignInAnswer = { status: number; retryAfter: string | undefined; body: unknown };

/**
 * One sign-in attempt from a client of its own: a fresh cookie jar, and a User-Agent
 * naming the test unless `headers` names another, so that the failures the throttle
 * counts per client stay within the test that made them.
 */
export async function trySignIn(user: Pick<TestUser, "email" | "password">, headers: Record<string, string> = {}): Promise<SignInAnswer> {
  const client = await request.newContext({ baseURL: baseURL(), extraHTTPHeaders: { "User-Agent": `hallway-e2e/${test.info().testId}/${runId}`, ...headers } });
  try {
    const response = await signIn(client, user);
    return { status: response.status(), retryAfter: response.headers()["retry-after"], body: await response.json().catch(() => null) };
  } finally {
    await client.dispose();
  }
}

/** The signed-in user's email, or null: what `/api/auth/get-session` says about this cookie jar (or this Cookie header). */
export async function sessionEmail(request: APIRequestContext, cookie?: string): Promise<string | null> {
  const response = await request.get("/api/auth/get-session", { headers: cookie ? { Cookie: cookie } : undefined });
  expect(response.status()).toBe(200);
  const body = (await response.json()) as { user?: { email: string } } | null;
  return body?.user?.email ?? null;
}

export async function sessionCookieOf(context: BrowserContext) {
  return (await context.cookies()).find((c) => c.name === sessionCookie || c.name === `__Secure-${sessionCookie}`);
}

export const noteApi = (slug: string, conference = conf) => `/api/conferences/${conference}/sessions/${slug}/note`;

export type ApiNote = { body: string; visibility: "private" | "public"; version: number; updatedAt: string };

/** PUT a note (creating it unless `version` is given); returns the response for the caller to judge. */
export function putNote(
  request: APIRequestContext,
  slug: string,
  note: { body: string; visibility?: "private" | "public"; version?: number },
  headers: Record<string, string> = sameOrigin(),
) {
  return request.put(noteApi(slug), {
    data: { body: note.body, visibility: note.visibility ?? "private" },
    headers: { ...headers, "If-Match": `"${note.version ?? 0}"` },
  });
}

/** Saves a note that must be accepted, and returns it. */
export async function saveNote(request: APIRequestContext, slug: string, note: { body: string; visibility?: "private" | "public"; version?: number }) {
  const response = await putNote(request, slug, note);
  expect(response.status(), await response.text()).toBe(200);
  return (await response.json()) as ApiNote;
}

/** The viewer's note, or null when the API says 404. */
export async function getNote(request: APIRequestContext, slug: string): Promise<ApiNote | null> {
  const response = await request.get(noteApi(slug));
  if (response.status() === 404) return null;
  expect(response.status()).toBe(200);
  return (await response.json()) as ApiNote;
}
