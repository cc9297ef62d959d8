import "server-only";
import { readSql } from "../db/client";
import { Prisma } from "../generated/prisma/client";
import type { ConferenceInfo } from "./conference";
import type { SearchIndexJson, SearchIndexSession } from "./search-index-shape";

/**
 * The public program of one conference as the browser's offline search indexes it
 * (docs/decisions/0023-offline-search.md): every session with what its result card
 * shows, and its abstract, whole in a small conference and only its start in a big
 * one (abstractLimit). Tracks, rooms and speakers are listed once
 * and named by position, which keeps the 10,000-session conference's answer small.
 * Public notes are left out: they change all day and are most of the server index's bytes.
 */
export async function loadSearchIndex(conference: IndexedConference): Promise<SearchIndexJson> {
  const [rows, speakerRows] = await Promise.all([
    readSql<SessionRow>(Prisma.sql`
      SELECT s."id", s."slug", s."title", s."subtitle", s."kind", s."status", s."abstract", s."startsAt", s."endsAt",
        d."date", s."trackId", s."roomId"
      FROM "Session" s JOIN "Day" d ON d."id" = s."dayId"
      WHERE s."conferenceId" = ${conference.id}
      ORDER BY s."startsAt", s."id"`),
    readSql<{ sessionId: number; slug: string; name: string }>(Prisma.sql`
      SELECT ss."sessionId", sp."slug", sp."name"
      FROM "SessionSpeaker" ss JOIN "Speaker" sp ON sp."id" = ss."speakerId"
      WHERE sp."conferenceId" = ${conference.id}
      ORDER BY ss."sessionId", ss."position"`),
  ]);

  const limit = abstractLimit(rows.length);
  const trackIndex = new Map(conference.tracks.map((track, i) => [track.id, i]));
  const roomIndex = new Map(conference.rooms.map((room, i) => [room.id, i]));
  const speakers: SearchIndexJson["speakers"] = [];
  const speakerIndex = new Map<string, number>();
  const speakersOf = new Map<number, number[]>();
  for (const { sessionId, slug, name } of speakerRows) {
    let index = speakerIndex.get(slug);
    if (index === undefined) {
      index = speakers.push({ slug, name }) - 1;
      speakerIndex.set(slug, index);
    }
    const list = speakersOf.get(sessionId) ?? [];
    list.push(index);
    speakersOf.set(sessionId, list);
  }

  const sessions = rows.map((row): SearchIndexSession => {
    const session: SearchIndexSession = {
      slug: row.slug,
      title: row.title,
      kind: row.kind,
      day: row.date,
      startsAt: isoMinute(row.startsAt),
      endsAt: isoMinute(row.endsAt),
    };
    // Left out when empty or usual, so that most sessions carry only what differs.
    if (row.subtitle) session.subtitle = row.subtitle;
    if (row.status === "cancelled") session.cancelled = true;
    const track = row.trackId === null ? undefined : trackIndex.get(row.trackId);
    if (track !== undefined) session.track = track;
    const room = row.roomId === null ? undefined : roomIndex.get(row.roomId);
    if (room !== undefined) session.room = room;
    const sessionSpeakers = speakersOf.get(row.id);
    if (sessionSpeakers) session.speakers = sessionSpeakers;
    const abstract = trimAbstract(row.abstract, limit);
    if (abstract) session.abstract = abstract;
    return session;
  });

  return {
    version: 1,
    conference: { slug: conference.slug, name: conference.name, timeZone: conference.timeZone },
    revision: conference.programRevision,
    tracks: conference.tracks.map(({ slug, name, color }) => ({ slug, name, color })),
    rooms: conference.rooms.map(({ slug, name }) => ({ slug, name })),
    speakers,
    sessions,
  };
}

/** As getConference read it, program revision and all: the index is at least that revision's program. */
type IndexedConference = Pick<ConferenceInfo, "id" | "slug" | "name" | "timeZone" | "tracks" | "rooms" | "programRevision">;

/** The last answer of each conference, with the program revision it was read at. */
const keptBodies = new Map<number, { revision: number; body: string }>();
const keptConferences = 8;

/**
 * The index as the route sends it, kept per conference until an import moves its
 * program revision: the 10,000-session conference takes a second or more to read and
 * write, and every attendee saving it asks for the same bytes (decision 0023).
 */
export async function searchIndexBody(conference: IndexedConference): Promise<string> {
  const revision = conference.programRevision;
  const kept = keptBodies.get(conference.id);
  if (kept?.revision === revision) return kept.body;
  const body = JSON.stringify(await loadSearchIndex(conference));
  keptBodies.delete(conference.id);
  keptBodies.set(conference.id, { revision, body });
  // Oldest first: a Map keeps insertion order.
  for (const id of keptBodies.keys()) if (keptBodies.size > keptConferences) keptBodies.delete(id);
  return body;
}

type SessionRow = {
  id: number; slug: string; title: string; subtitle: string; kind: string; status: string; abstract: string;
  /** As the driver gives them: SQLite has ISO 8601 text, PostgreSQL a Date. */
  startsAt: string | Date; endsAt: string | Date;
  date: string; trackId: number | null; roomId: number | null;
};

/** `2026-06-08T09:30:00Z`: sessions start on whole minutes, and the milliseconds are 5 bytes a time. */
function isoMinute(value: string | Date): string {
  return new Date(value).toISOString().replace(/\.\d{3}Z$/, "Z");
}

/**
 * The abstracts of a conference share about this many characters: whole in the demo
 * (10 sessions), 1,500 characters each for 1,000 sessions; the figures are in decision 0023.
 */
export const abstractBudget = 1_500_000;
/** ... but never fewer than this: the first sentence or two, enough to match and to show a line of it. */
export const minAbstractCharacters = 160;

/** How much of each abstract a conference of `sessionCount` sessions keeps. */
export function abstractLimit(sessionCount: number): number {
  return Math.max(minAbstractCharacters, Math.floor(abstractBudget / Math.max(1, sessionCount)));
}

/** The abstract as plain words, cut at a word boundary after at most `limit` characters. */
export function trimAbstract(markdown: string, limit: number): string {
  const plain = markdown
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, "$1")
    .replace(/[#*_`>~|[\]]+/g, " ")
    .replace(/\s+/g, " ")
    .trim();
  if (plain.length <= limit) return plain;
  const cut = plain.slice(0, limit);
  const lastSpace = cut.lastIndexOf(" ");
  return `${lastSpace > limit / 2 ? cut.slice(0, lastSpace) : cut}…`;
}
