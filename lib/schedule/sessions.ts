import { db } from "../db/client";
import type { Prisma } from "../generated/prisma/client";
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

export function toSummary({ day, speakers, ...row }: SummaryRow): SessionSummary {
  return { ...row, day: day.date, speakers: speakers.map((link) => link.speaker) };
}

const programOrder = [{ startsAt: "asc" }, { room: { position: "asc" } }, { title: "asc" }] satisfies Prisma.SessionOrderByWithRelationInput[];

export type ScheduleFilter = { dayId?: number; trackId?: number; skip?: number; take?: number };

/** Sessions of a conference in program order, optionally one day's or one track's. */
export async function listSessions(conferenceId: number, filter: ScheduleFilter = {}): Promise<SessionSummary[]> {
  const rows = await db.session.findMany({
    where: { conferenceId, dayId: filter.dayId, trackId: filter.trackId },
    select: sessionSummarySelect,
    orderBy: programOrder,
    skip: filter.skip,
    take: filter.take,
  });
  return rows.map(toSummary);
}

export async function countSessions(conferenceId: number, filter: Pick<ScheduleFilter, "dayId" | "trackId"> = {}) {
  return db.session.count({ where: { conferenceId, dayId: filter.dayId, trackId: filter.trackId } });
}

export async function listSessionsById(ids: number[]): Promise<Map<number, SessionSummary>> {
  const rows = await db.session.findMany({ where: { id: { in: ids } }, select: sessionSummarySelect });
  return new Map(rows.map((row) => [row.id, toSummary(row)]));
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
    speakers: speakers.map((link) => link.speaker),
    publicNotes: notes.map((note) => ({ id: note.id, body: note.body, updatedAt: note.updatedAt, author: note.user.name })),
    parallel: parallel.map(toSummary),
    parallelCount,
    nextInRoom: nextInRoom ? toSummary(nextInRoom) : null,
  };
}

export type SessionDetail = NonNullable<Awaited<ReturnType<typeof getSessionDetail>>>;
