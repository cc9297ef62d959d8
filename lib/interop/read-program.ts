import type { Db } from "../db/client";
import type { Program } from "../program/program-schema";
import { zoneClock } from "./clock";

/**
 * A conference read back from the database in the shape `loadProgram` takes:
 * what an exporter writes out, and what loading again would leave unchanged.
 * Cancelled sessions are included, with their status. Null for an unknown slug.
 *
 * Sessions and their speakers are read flat and joined here: nested relations
 * over ten thousand sessions would pass more ids than SQLite takes parameters.
 */
export async function readProgram(db: Db, conferenceSlug: string): Promise<Program | null> {
  const conference = await db.conference.findUnique({
    where: { slug: conferenceSlug },
    select: {
      id: true, slug: true, name: true, tagline: true, venue: true, city: true, timeZone: true, startDate: true, endDate: true, url: true,
      days: { select: { id: true, date: true, label: true }, orderBy: { date: "asc" } },
      tracks: { select: { id: true, slug: true, name: true, color: true }, orderBy: [{ position: "asc" }, { slug: "asc" }] },
      rooms: { select: { id: true, slug: true, name: true }, orderBy: [{ position: "asc" }, { slug: "asc" }] },
      speakers: { select: { id: true, slug: true, name: true, affiliation: true, bio: true }, orderBy: { slug: "asc" } },
    },
  });
  if (!conference) return null;
  const [sessions, links] = await Promise.all([
    db.session.findMany({
      where: { conferenceId: conference.id },
      select: {
        id: true, guid: true, slug: true, title: true, subtitle: true, kind: true, abstract: true, language: true,
        startsAt: true, endsAt: true, status: true, illustrative: true, dayId: true, trackId: true, roomId: true,
      },
      orderBy: [{ startsAt: "asc" }, { room: { position: "asc" } }, { slug: "asc" }],
    }),
    db.sessionSpeaker.findMany({
      where: { session: { conferenceId: conference.id } },
      select: { sessionId: true, speakerId: true },
      orderBy: [{ sessionId: "asc" }, { position: "asc" }],
    }),
  ]);

  const { id: _id, days, tracks, rooms, speakers, url, ...fields } = conference;
  const slugOf = <T extends { id: number; slug: string }>(rows: T[]) => new Map(rows.map((row) => [row.id, row.slug]));
  const dayDates = new Map(days.map((d) => [d.id, d.date]));
  const trackSlugs = slugOf(tracks);
  const roomSlugs = slugOf(rooms);
  const speakerSlugs = slugOf(speakers);
  const speakersOf = new Map<number, string[]>();
  for (const link of links) speakersOf.set(link.sessionId, [...(speakersOf.get(link.sessionId) ?? []), speakerSlugs.get(link.speakerId)!]);
  const clock = zoneClock(conference.timeZone);

  return {
    conference: { ...fields, ...(url ? { url } : {}) },
    days: days.map(({ date, label }) => ({ date, label })),
    tracks: tracks.map(({ id: _, ...track }) => track),
    rooms: rooms.map(({ id: _, ...room }) => room),
    speakers: speakers.map(({ id: _, ...speaker }) => speaker),
    sessions: sessions.map((s) => ({
      guid: s.guid,
      slug: s.slug,
      title: s.title,
      subtitle: s.subtitle,
      kind: s.kind as Program["sessions"][number]["kind"],
      abstract: s.abstract,
      language: s.language,
      day: dayDates.get(s.dayId)!,
      start: clock.local(s.startsAt),
      end: clock.local(s.endsAt),
      track: s.trackId === null ? null : trackSlugs.get(s.trackId)!,
      room: s.roomId === null ? null : roomSlugs.get(s.roomId)!,
      speakers: speakersOf.get(s.id) ?? [],
      status: s.status === "cancelled" ? "cancelled" : "scheduled",
      illustrative: s.illustrative,
    })),
  };
}
