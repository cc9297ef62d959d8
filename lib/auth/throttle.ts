/**
 * Throttles password guessing without locking out a venue: failed sign-ins are
 * counted per account, per client (address and browser) and, with a much higher
 * ceiling, per address. Successful sign-ins and sign-ups are never counted, so
 * a hall full of attendees behind one address signs in freely
 * (docs/decisions/0006-accounts-with-better-auth.md).
 */
import { createHash } from "node:crypto";
import { db } from "../db/client";

export const failureWindowMs = 15 * 60 * 1000;
export const accountFailureLimit = 10;
export const clientFailureLimit = 10;
export const addressFailureLimit = 200;

export type SignInAttempt = { email: string; address: string; userAgent: string };

function keysFor(attempt: SignInAttempt) {
  const client = createHash("sha256").update(`${attempt.address}|${attempt.userAgent}`).digest("base64url").slice(0, 22);
  return [
    { key: `account:${attempt.email.trim().toLowerCase()}`, limit: accountFailureLimit },
    { key: `client:${client}`, limit: clientFailureLimit },
    { key: `address:${attempt.address}`, limit: addressFailureLimit },
  ];
}

/** Seconds until the attempt may be made, or 0 when it may be made now. */
export async function secondsUntilAllowed(attempt: SignInAttempt, now = Date.now()): Promise<number> {
  const since = new Date(now - failureWindowMs);
  let wait = 0;
  for (const { key, limit } of keysFor(attempt)) {
    const recent = await db.signInFailure.findMany({
      where: { key, createdAt: { gt: since } },
      select: { createdAt: true },
      orderBy: { createdAt: "desc" },
      take: limit,
    });
    if (recent.length < limit) continue;
    // Allowed again once the oldest of the last `limit` failures leaves the window.
    const oldest = recent[recent.length - 1]!.createdAt.getTime();
    wait = Math.max(wait, Math.ceil((oldest + failureWindowMs - now) / 1000));
  }
  return wait;
}

export async function recordFailure(attempt: SignInAttempt) {
  await db.signInFailure.createMany({ data: keysFor(attempt).map(({ key }) => ({ key })) });
  // Old failures count for nothing; dropping them keeps the table small.
  if (Math.random() < 0.05) await db.signInFailure.deleteMany({ where: { createdAt: { lt: new Date(Date.now() - failureWindowMs) } } });
}

/** A correct password clears its account's count; the client's stays, so guessing across accounts still slows down. */
export async function clearAccountFailures(email: string) {
  await db.signInFailure.deleteMany({ where: { key: `account:${email.trim().toLowerCase()}` } });
}

/** The address this server saw the request from: the last hop it appended to X-Forwarded-For. */
export function clientAddress(headers: Headers): string {
  const forwarded = headers.get("x-forwarded-for");
  const hops = forwarded?.split(",").map((hop) => hop.trim()).filter(Boolean) ?? [];
  return hops.at(-1) ?? headers.get("x-real-ip") ?? "unknown";
}
