import "server-only";
import type { Viewer } from "../auth/viewer";
import { db } from "../db/client";
import { assertOrganiser } from "../manage/organiser";

/** Setting and clearing the URL a conference follows: organisers only, checked here. */

/** Follows `url` every `intervalMinutes`, from now: a new URL starts afresh (no validators, no lease, no old error). */
export async function followProgramUrl(viewer: Viewer, conferenceSlug: string, url: string, intervalMinutes: number): Promise<boolean> {
  await assertOrganiser(viewer);
  const conference = await db.conference.findUnique({ where: { slug: conferenceSlug }, select: { id: true } });
  if (!conference) return false;
  const existing = await db.programSource.findUnique({ where: { conferenceId: conference.id }, select: { url: true, lastCheckedAt: true } });
  const fresh = { etag: null, lastModified: null, lastStatus: null, lastError: null, lastCheckedAt: null, leaseOwner: null, leaseUntil: null };
  await db.programSource.upsert({
    where: { conferenceId: conference.id },
    create: { conferenceId: conference.id, url, intervalMinutes, nextCheckAt: new Date() },
    // The same URL with another interval keeps its validators; its next check moves with the interval.
    update:
      existing?.url === url
        ? { intervalMinutes, nextCheckAt: new Date((existing.lastCheckedAt?.getTime() ?? Date.now()) + (existing.lastCheckedAt ? intervalMinutes * 60_000 : 0)) }
        : { url, intervalMinutes, nextCheckAt: new Date(), ...fresh },
  });
  return true;
}

export async function unfollowProgramUrl(viewer: Viewer, conferenceSlug: string): Promise<void> {
  await assertOrganiser(viewer);
  await db.programSource.deleteMany({ where: { conference: { slug: conferenceSlug } } });
}
