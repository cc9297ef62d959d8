import "server-only";
import { betterAuth } from "better-auth";
import { prismaAdapter } from "better-auth/adapters/prisma";
import { APIError, createAuthMiddleware } from "better-auth/api";
import { parseSetCookieHeader } from "better-auth/cookies";
import { nextCookies } from "better-auth/next-js";
import { db } from "../db/client";
import { databaseEngine } from "../db/engine";
import { ownOrigins } from "../http";
import { maxPasswordLength, minPasswordLength } from "./limits";
import { authSecret } from "./secret";
import { signedInHintName } from "./signed-in-hint";
import { clearAccountFailures, clientAddress, recordFailure, secondsUntilAllowed, type SignInAttempt } from "./throttle";


function signInAttempt(ctx: { body?: unknown; headers?: Headers }): SignInAttempt | null {
  const email = (ctx.body as { email?: unknown } | undefined)?.email;
  if (typeof email !== "string" || !ctx.headers) return null;
  return { email, address: clientAddress(ctx.headers), userAgent: ctx.headers.get("user-agent") ?? "" };
}

/**
 * Sets the signed-in hint (lib/auth/signed-in-hint.ts) whenever an answer sets the
 * session cookie (sign-in, sign-up, the daily refresh), and clears it whenever an
 * answer clears that cookie (sign-out, a deleted account, a revoked or expired
 * session that get-session finds): whatever the path, the two move together.
 */
type HookContext = Parameters<Parameters<typeof createAuthMiddleware>[0]>[0];

function syncSignedInHint(ctx: HookContext) {
  const setCookie = ctx.context.responseHeaders?.get("set-cookie");
  if (!setCookie) return;
  const { name, attributes } = ctx.context.authCookies.sessionToken;
  const session = parseSetCookieHeader(setCookie).get(name);
  if (!session) return;
  const maxAge = session["max-age"] ?? ctx.context.sessionConfig.expiresIn;
  const live = session.value !== "" && maxAge > 0;
  ctx.setCookie(signedInHintName, live ? "1" : "", {
    path: "/", sameSite: "lax", httpOnly: false, secure: attributes.secure, maxAge: live ? maxAge : 0,
  });
}

/**
 * Accounts, sessions and passwords (docs/decisions/0006-accounts-with-better-auth.md):
 * sessions live in the AuthSession table behind an opaque HttpOnly cookie,
 * passwords are hashed with scrypt, and cross-origin writes are refused.
 */
export const auth = betterAuth({
  appName: "Hallway",
  secret: authSecret(),
  baseURL: process.env.HALLWAY_URL || undefined,
  // The site's own origin, however it is reached (Host, X-Forwarded-*, HALLWAY_URL): writes from anywhere else are refused.
  trustedOrigins: (request) => (request ? [...ownOrigins(request)] : process.env.HALLWAY_URL ? [process.env.HALLWAY_URL] : []),
  database: prismaAdapter(db, { provider: databaseEngine().provider }),
  session: {
    modelName: "authSession",
    expiresIn: 60 * 60 * 24 * 30,
    updateAge: 60 * 60 * 24,
    // Every request checks the database, so a revoked session is signed out at once.
    cookieCache: { enabled: false },
  },
  user: { deleteUser: { enabled: true } },
  emailAndPassword: {
    enabled: true,
    autoSignIn: true,
    minPasswordLength,
    maxPasswordLength,
    revokeSessionsOnPasswordReset: true,
  },
  advanced: {
    cookiePrefix: "hallway",
    // Secure cookies when the public address is https; a plain-http install (a laptop, a LAN) must still be able to sign in.
    useSecureCookies: process.env.HALLWAY_URL?.startsWith("https://") ?? false,
    defaultCookieAttributes: { httpOnly: true, sameSite: "lax" },
  },
  rateLimit: {
    // Our own failure-based throttle guards sign-in; this only caps floods, high enough for a venue behind one address.
    enabled: true,
    // Counted in the RateLimit table, so several instances of the app share one count (a per-process count
    // would let N instances allow N times the limit). Only the limited paths write: not /get-session, not sign-in.
    storage: "database",
    window: 60,
    max: 1000,
    customRules: { "/sign-in/email": false, "/get-session": false, "/sign-up/email": { window: 60, max: 300 } },
  },
  hooks: {
    before: createAuthMiddleware(async (ctx) => {
      if (ctx.path !== "/sign-in/email") return;
      const attempt = signInAttempt(ctx);
      if (!attempt) return;
      const wait = await secondsUntilAllowed(attempt);
      if (wait > 0) {
        throw new APIError(
          "TOO_MANY_REQUESTS",
          { message: `Too many failed sign-ins. Try again in ${Math.ceil(wait / 60)} minute${wait > 60 ? "s" : ""}.`, code: "TOO_MANY_FAILED_SIGN_INS" },
          { "Retry-After": String(wait) },
        );
      }
    }),
    after: createAuthMiddleware(async (ctx) => {
      syncSignedInHint(ctx);
      if (ctx.path !== "/sign-in/email") return;
      const attempt = signInAttempt(ctx);
      if (!attempt) return;
      const returned = ctx.context.returned;
      if (returned instanceof APIError) {
        if (returned.statusCode === 401 || returned.status === "UNAUTHORIZED") await recordFailure(attempt);
      } else {
        await clearAccountFailures(attempt.email);
      }
    }),
  },
  plugins: [nextCookies()],
});
