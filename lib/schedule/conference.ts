import { cache } from "react";
import { db } from "../db/client";

export type ConferenceInfo = NonNullable<Awaited<ReturnType<typeof getConference>>>;

/** A conference with its days, tracks, rooms and program revision, or null. Memoised per request. */
export const getConference = cache(async (slug: string) => {
  const conference = await db.conference.findUnique({
    where: { slug },
    select: {
      id: true, slug: true, name: true, tagline: true, venue: true, city: true, timeZone: true,
      startDate: true, endDate: true, url: true,
      // Read with the rest, so that what is read after it is at least this revision's program (the search index).
      programRevision: true,
      days: { select: { id: true, date: true, label: true }, orderBy: { date: "asc" } },
      tracks: { select: { id: true, slug: true, name: true, color: true }, orderBy: [{ position: "asc" }, { name: "asc" }] },
      rooms: { select: { id: true, slug: true, name: true }, orderBy: [{ position: "asc" }, { name: "asc" }] },
    },
  });
  if (!conference) return null;
  // Counted here rather than with Prisma's relation `_count`, which groups every session of
  // every conference on each call (10 ms a page with a big conference beside). By day id,
  // the count reads only the (dayId, startsAt) index.
  const [perDay, speakerCount] = await Promise.all([
    db.session.groupBy({ by: ["dayId"], where: { dayId: { in: conference.days.map((day) => day.id) } }, _count: { _all: true } }),
    db.speaker.count({ where: { conferenceId: conference.id } }),
  ]);
  const sessionsOnDay = new Map(perDay.map((row) => [row.dayId, row._count._all]));
  const { days, ...rest } = conference;
  return {
    ...rest,
    days: days.map((day) => ({ ...day, sessionCount: sessionsOnDay.get(day.id) ?? 0 })),
    sessionCount: perDay.reduce((sum, row) => sum + row._count._all, 0),
    speakerCount,
  };
});

export async function listConferences() {
  return db.conference.findMany({
    select: { slug: true, name: true, tagline: true, venue: true, city: true, startDate: true, endDate: true, timeZone: true },
    orderBy: [{ startDate: "desc" }, { name: "asc" }],
  });
}
