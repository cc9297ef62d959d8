import "server-only";
import { db } from "../db/client";
import { programOrder } from "../schedule/sessions";
import { schedulePageSize } from "../schedule/schedule-view";
import { href } from "../routes";
import type { OfflineManifest } from "./offline-urls";

/**
 * Every public address of a conference that "keep this conference offline"
 * saves, or null for an unknown conference. The same for everyone, so it is
 * cached like the rest of the public API; the revision tells a browser that its
 * saved copy is out of date (docs/decisions/0021-offline-with-a-service-worker.md).
 */
export async function getOfflineManifest(conferenceSlug: string): Promise<OfflineManifest | null> {
  const conference = await db.conference.findUnique({
    where: { slug: conferenceSlug },
    select: {
      id: true, slug: true, programRevision: true,
      days: { select: { id: true, date: true }, orderBy: { date: "asc" } },
    },
  });
  if (!conference) return null;
  const conf = conference.slug;
  const [perDay, sessions, speakers] = await Promise.all([
    db.session.groupBy({ by: ["dayId"], where: { conferenceId: conference.id }, _count: { _all: true } }),
    db.session.findMany({ where: { conferenceId: conference.id }, select: { slug: true }, orderBy: programOrder }),
    db.speaker.findMany({ where: { conferenceId: conference.id }, select: { slug: true }, orderBy: { name: "asc" } }),
  ]);
  const onDay = new Map(perDay.map((row) => [row.dayId, row._count._all]));
  const days = conference.days.map((day) => ({ date: day.date, pages: Math.max(1, Math.ceil((onDay.get(day.id) ?? 0) / schedulePageSize)) }));
  // Each day's first list page and grid first, so a cap still leaves every day readable.
  const schedule = [
    href.schedule(conf),
    ...days.flatMap((day) => [href.schedule(conf, { day: day.date }), href.schedule(conf, { day: day.date, view: "grid" })]),
    href.now(conf),
    href.search(conf),
    href.speakers(conf),
    href.changes(conf),
  ];
  return {
    conference: conf,
    revision: conference.programRevision,
    schedule,
    sessions: sessions.map((session) => href.session(conf, session.slug)),
    speakers: speakers.map((speaker) => href.speaker(conf, speaker.slug)),
    morePages: days.flatMap((day) => Array.from({ length: day.pages - 1 }, (_, i) => href.schedule(conf, { day: day.date, page: i + 2 }))),
    // The search index's address is the offline search's (its own route); literal until both are merged.
    data: [`/api/conferences/${encodeURIComponent(conf)}`, `/api/conferences/${encodeURIComponent(conf)}/search-index`],
  };
}
