import type { Db } from "../db/client";
import type { CalendarConference, CalendarSession } from "./ical";

/**
 * A conference's sessions as `calendarForSessions` takes them, cancelled ones
 * included (a feed tells subscribers so), in start order; `slugs` narrows them
 * to some sessions (a person's own picks). Null for an unknown conference.
 * Read flat and joined here, like readProgram, so any size of program works.
 */
export async function readCalendar(
  db: Db,
  conferenceSlug: string,
  options: { slugs?: string[] } = {},
): Promise<{ conference: CalendarConference; sessions: CalendarSession[] } | null> {
  const conference = await db.conference.findUnique({
    where: { slug: conferenceSlug },
    select: {
      id: true, slug: true, name: true, timeZone: true, venue: true,
      tracks: { select: { id: true, name: true } },
      rooms: { select: { id: true, name: true } },
      speakers: { select: { id: true, name: true } },
    },
  });
  if (!conference) return null;
  const inSessions = { conferenceId: conference.id, ...(options.slugs ? { slug: { in: options.slugs } } : {}) };
  const [rows, links] = await Promise.all([
    db.session.findMany({
      where: inSessions,
      select: {
        id: true, guid: true, slug: true, title: true, abstract: true, startsAt: true, endsAt: true, updatedAt: true, status: true,
        trackId: true, roomId: true,
      },
      orderBy: [{ startsAt: "asc" }, { slug: "asc" }],
    }),
    db.sessionSpeaker.findMany({
      where: { session: inSessions },
      select: { sessionId: true, speakerId: true },
      orderBy: [{ sessionId: "asc" }, { position: "asc" }],
    }),
  ]);
  const names = <T extends { id: number; name: string }>(list: T[]) => new Map(list.map((row) => [row.id, { name: row.name }]));
  const tracks = names(conference.tracks);
  const rooms = names(conference.rooms);
  const speakers = names(conference.speakers);
  const speakersOf = new Map<number, { name: string }[]>();
  for (const link of links) speakersOf.set(link.sessionId, [...(speakersOf.get(link.sessionId) ?? []), speakers.get(link.speakerId)!]);
  const { slug, name, timeZone, venue } = conference;
  return {
    conference: { slug, name, timeZone, venue },
    sessions: rows.map(({ id, trackId, roomId, ...row }) => ({
      ...row,
      track: trackId === null ? null : tracks.get(trackId)!,
      room: roomId === null ? null : rooms.get(roomId)!,
      speakers: speakersOf.get(id) ?? [],
    })),
  };
}
