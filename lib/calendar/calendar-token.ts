import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { db } from "../db/client";

/**
 * A private agenda feed is reached by a secret in its URL, since calendar apps
 * cannot send cookies. Only the secret's SHA-256 is stored; renewing replaces it
 * and revoking deletes it, and either way the old URL answers 404.
 */
function hash(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/** A new secret for this person's feed of this conference; any previous one stops working. */
export async function renewCalendarToken(userId: string, conferenceId: number): Promise<string> {
  const token = randomBytes(24).toString("base64url");
  await db.calendarToken.upsert({
    where: { userId_conferenceId: { userId, conferenceId } },
    create: { userId, conferenceId, tokenHash: hash(token) },
    update: { tokenHash: hash(token), createdAt: new Date() },
  });
  return token;
}

export async function revokeCalendarToken(userId: string, conferenceId: number): Promise<void> {
  await db.calendarToken.deleteMany({ where: { userId, conferenceId } });
}

export async function hasCalendarToken(userId: string, conferenceId: number): Promise<boolean> {
  return (await db.calendarToken.count({ where: { userId, conferenceId } })) > 0;
}

/** Whose feed a secret opens, for that conference only; null when it is unknown or revoked. */
export async function userForCalendarToken(conferenceSlug: string, token: string): Promise<{ userId: string; conferenceId: number; reminderMinutes: number } | null> {
  if (!/^[A-Za-z0-9_-]{16,64}$/.test(token)) return null;
  const row = await db.calendarToken.findUnique({
    where: { tokenHash: hash(token) },
    select: { userId: true, reminderMinutes: true, conference: { select: { id: true, slug: true } } },
  });
  return row && row.conference.slug === conferenceSlug ? { userId: row.userId, conferenceId: row.conference.id, reminderMinutes: row.reminderMinutes } : null;
}

/** My feed's reminder (minutes before each session, 0 for none); null when I have no feed at this conference. */
export async function getCalendarReminder(userId: string, conferenceId: number): Promise<number | null> {
  const row = await db.calendarToken.findUnique({ where: { userId_conferenceId: { userId, conferenceId } }, select: { reminderMinutes: true } });
  return row?.reminderMinutes ?? null;
}

/** Sets my feed's reminder; false when I have no feed at this conference to set it on. */
export async function setCalendarReminder(userId: string, conferenceId: number, minutes: number): Promise<boolean> {
  const { count } = await db.calendarToken.updateMany({ where: { userId, conferenceId }, data: { reminderMinutes: minutes } });
  return count > 0;
}
