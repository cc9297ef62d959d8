import { db, readSql } from "../db/client";
import { Prisma } from "../generated/prisma/client";
import type { ConferenceInfo } from "./conference";

export const sessionSummarySelect = {
  id: true, slug: true, title: true, subtitle: true, kind: true, status: true, illustrative: true,
  startsAt: true, endsAt: true,
  day: { select: { date: true } },
  track: { select: { slug: true, name: true, color: true } },
  room: { select: { slug: true, name: true } },
  speakers: { select: { speaker: { select: { slug: true, name: true } } }, orderBy: { position: "asc" } },
} satisfies Prisma.SessionSelect;

type SummaryRow = Prisma.SessionGetPayload<{ select: typeof sessionSummarySelect }>;

export type SessionSummary = Omit<SummaryRow, "day" | "speakers"> & {
  day: string;
  speakers: { slug: string; name: string }[];
};

/**
 * The speakers of a session's links. Prisma reads a relation in a query of its own, so
 * an import that commits between the two (removing a speaker with its links) can leave
 * a link whose speaker is gone by the time it is read: that speaker is no longer on the
 * program, so it is left out rather than failing the page.
 */
export function linkedSpeakers<Speaker>(links: { speaker: Speaker | null }[]): Speaker[] {
  return links.flatMap((link) => (link.speaker ? [link.speaker] : []));
}

export function toSummary({ day, speakers, ...row }: SummaryRow): SessionSummary {
  return { ...row, day: day.date, speakers: linkedSpeakers(speakers) };
}

/** The program's one order: by start, then room, then title. Stars and notes sort by their session's. */
export const programOrder = [{ startsAt: "asc" }, { room: { position: "asc" } }, { title: "asc" }] satisfies Prisma.SessionOrderByWithRelationInput[];

export type ScheduleFilter = {
  dayId?: number; trackId?: number; skip?: number; take?: number;
  /** Only sessions starting in [from, to), and those already running at `from` (the timetable grid's pages). */
  window?: { from: Date; to: Date };
};

/** Sessions of a conference in program order, optionally one day's or one track's. */
export async function listSessions(conferenceId: number, filter: ScheduleFilter = {}): Promise<SessionSummary[]> {
  const { window } = filter;
  const page = await db.session.findMany({
    where: {
      conferenceId, dayId: filter.dayId, trackId: filter.trackId,
      ...(window ? { OR: [{ startsAt: { gte: window.from, lt: window.to } }, { startsAt: { lt: window.from }, endsAt: { gt: window.from } }] } : {}),
    },
    select: { id: true },
    orderBy: programOrder,
    skip: filter.skip,
    take: filter.take,
  });
  const ids = page.map((row) => row.id);
  const summaries = await listSessionsById(ids);
  return ids.flatMap((id) => summaries.get(id) ?? []);
}

/**
 * The session a URL names by conference and session slug, with what the caller
 * selects; null when either slug is unknown. The one lookup behind the notes and
 * star APIs, the star form and the note pages (one query when `select` has no
 * relations; each relation adds one). The id alone, which every note save and star
 * asks, is one statement on the read connection (`readSql`), without Prisma's cost
 * per query (docs/decisions/0017-signed-in-speed.md).
 */
export async function findSession<S extends Prisma.SessionSelect>(
  conferenceSlug: string,
  sessionSlug: string,
  select: S,
): Promise<Prisma.SessionGetPayload<{ select: S }> | null> {
  if (Object.keys(select).length === 1 && select.id === true) {
    const [found] = await readSql<{ id: number }>(Prisma.sql`
      SELECT s."id" FROM "Session" s JOIN "Conference" c ON c."id" = s."conferenceId"
      WHERE c."slug" = ${conferenceSlug} AND s."slug" = ${sessionSlug}`);
    return (found ? { id: found.id } : null) as Prisma.SessionGetPayload<{ select: S }> | null;
  }
  const row = await db.session.findFirst({ where: { slug: sessionSlug, conference: { slug: conferenceSlug } }, select });
  return row as Prisma.SessionGetPayload<{ select: S }> | null;
}

/** The id of the conference a URL names, or null: all the personal APIs need of it. */
export async function findConferenceId(conferenceSlug: string): Promise<number | null> {
  const [row] = await readSql<{ id: number }>(Prisma.sql`SELECT "id" FROM "Conference" WHERE "slug" = ${conferenceSlug}`);
  return row?.id ?? null;
}

export async function countSessions(conferenceId: number, filter: Pick<ScheduleFilter, "dayId" | "trackId"> = {}) {
  return db.session.count({ where: { conferenceId, dayId: filter.dayId, trackId: filter.trackId } });
}

type SummaryJoinRow = {
  id: number; slug: string; title: string; subtitle: string; kind: string; status: string;
  /** As the driver gives them (SQLite: 0 and 1, and the ISO 8601 text Prisma's adapter writes); converted below. */
  illustrative: number | boolean; startsAt: string | Date; endsAt: string | Date; date: string;
  trackSlug: string | null; trackName: string | null; trackColor: string | null;
  roomSlug: string | null; roomName: string | null;
};

/**
 * The summaries of the given sessions, in no particular order. Two plain SQL
 * queries (sessions with their day, track and room; then their speakers) where
 * Prisma's nested select makes six, run through `readSql`, which skips Prisma's
 * cost per query: a search result page or an API page of 200 sessions is read
 * several times faster. Portable SQL, no SQLite dialect.
 */
export async function listSessionsById(ids: number[]): Promise<Map<number, SessionSummary>> {
  const result = new Map<number, SessionSummary>();
  if (!ids.length) return result;
  const idList = Prisma.join(ids.map((id) => Math.trunc(id)));
  const rows = await readSql<SummaryJoinRow>(Prisma.sql`
    SELECT s."id", s."slug", s."title", s."subtitle", s."kind", s."status", s."illustrative", s."startsAt", s."endsAt", d."date",
      t."slug" AS "trackSlug", t."name" AS "trackName", t."color" AS "trackColor", r."slug" AS "roomSlug", r."name" AS "roomName"
    FROM "Session" s
    JOIN "Day" d ON d."id" = s."dayId"
    LEFT JOIN "Track" t ON t."id" = s."trackId"
    LEFT JOIN "Room" r ON r."id" = s."roomId"
    WHERE s."id" IN (${idList})`);
  const speakerRows = await readSql<{ sessionId: number; slug: string; name: string }>(Prisma.sql`
    SELECT ss."sessionId", sp."slug", sp."name"
    FROM "SessionSpeaker" ss JOIN "Speaker" sp ON sp."id" = ss."speakerId"
    WHERE ss."sessionId" IN (${idList})
    ORDER BY ss."sessionId", ss."position"`);
  const speakers = new Map<number, { slug: string; name: string }[]>();
  for (const { sessionId, slug, name } of speakerRows) {
    const list = speakers.get(sessionId) ?? [];
    list.push({ slug, name });
    speakers.set(sessionId, list);
  }
  for (const row of rows) {
    const { id } = row;
    result.set(id, {
      id, slug: row.slug, title: row.title, subtitle: row.subtitle, kind: row.kind, status: row.status,
      illustrative: Boolean(row.illustrative),
      startsAt: new Date(row.startsAt), endsAt: new Date(row.endsAt),
      day: row.date,
      track: row.trackSlug === null ? null : { slug: row.trackSlug, name: row.trackName ?? "", color: row.trackColor ?? "" },
      room: row.roomSlug === null ? null : { slug: row.roomSlug, name: row.roomName ?? "" },
      speakers: speakers.get(id) ?? [],
    });
  }
  return result;
}

/** A big conference runs dozens of sessions at once: the page names a few and links to the rest. */
export const parallelShown = 8;

/** One session with everything its page shows, or null. Only public notes are read here. */
export async function getSessionDetail(conference: Pick<ConferenceInfo, "id">, slug: string) {
  const row = await db.session.findUnique({
    where: { conferenceId_slug: { conferenceId: conference.id, slug } },
    select: {
      ...sessionSummarySelect,
      abstract: true, language: true, guid: true, roomId: true, updatedAt: true,
      speakers: {
        select: { speaker: { select: { slug: true, name: true, affiliation: true } } },
        orderBy: { position: "asc" },
      },
      notes: {
        where: { visibility: "public" },
        select: { id: true, body: true, updatedAt: true, user: { select: { name: true } } },
        orderBy: { updatedAt: "asc" },
      },
    },
  });
  if (!row) return null;
  const { day, speakers, notes, roomId, ...rest } = row;
  const overlapping = { conferenceId: conference.id, id: { not: row.id }, startsAt: { lt: row.endsAt }, endsAt: { gt: row.startsAt } };
  const [parallel, parallelCount, nextInRoom] = await Promise.all([
    db.session.findMany({ where: overlapping, select: sessionSummarySelect, orderBy: programOrder, take: parallelShown }),
    db.session.count({ where: overlapping }),
    roomId === null
      ? null
      : db.session.findFirst({
          where: { conferenceId: conference.id, roomId, id: { not: row.id }, startsAt: { gte: row.endsAt } },
          select: sessionSummarySelect,
          orderBy: { startsAt: "asc" },
        }),
  ]);
  return {
    ...rest,
    day: day.date,
    speakers: linkedSpeakers(speakers),
    publicNotes: notes.map((note) => ({ id: note.id, body: note.body, updatedAt: note.updatedAt, author: note.user.name })),
    parallel: parallel.map(toSummary),
    parallelCount,
    nextInRoom: nextInRoom ? toSummary(nextInRoom) : null,
  };
}

export type SessionDetail = NonNullable<Awaited<ReturnType<typeof getSessionDetail>>>;
