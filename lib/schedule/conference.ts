import { cache } from "react";
import { db } from "../db/client";

export type ConferenceInfo = NonNullable<Awaited<ReturnType<typeof getConference>>>;

/** A conference with its days, tracks and rooms, or null. Memoised per request. */
export const getConference = cache(async (slug: string) => {
  const conference = await db.conference.findUnique({
    where: { slug },
    select: {
      id: true, slug: true, name: true, tagline: true, venue: true, city: true, timeZone: true,
      startDate: true, endDate: true, url: true,
      days: { select: { id: true, date: true, label: true, _count: { select: { sessions: true } } }, orderBy: { date: "asc" } },
      tracks: { select: { id: true, slug: true, name: true, color: true }, orderBy: [{ position: "asc" }, { name: "asc" }] },
      rooms: { select: { id: true, slug: true, name: true }, orderBy: [{ position: "asc" }, { name: "asc" }] },
      _count: { select: { sessions: true, speakers: true } },
    },
  });
  if (!conference) return null;
  const { days, _count, ...rest } = conference;
  return {
    ...rest,
    days: days.map(({ _count: count, ...day }) => ({ ...day, sessionCount: count.sessions })),
    sessionCount: _count.sessions,
    speakerCount: _count.speakers,
  };
});

export async function listConferences() {
  return db.conference.findMany({
    select: { slug: true, name: true, tagline: true, venue: true, city: true, startDate: true, endDate: true, timeZone: true },
    orderBy: [{ startDate: "desc" }, { name: "asc" }],
  });
}
