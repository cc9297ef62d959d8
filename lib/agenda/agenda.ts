import "server-only";
import { db, readSql } from "../db/client";
import { Prisma } from "../generated/prisma/client";
import type { ConferenceInfo } from "../schedule/conference";
import { programOrder, sessionSummarySelect, toSummary, type SessionSummary } from "../schedule/sessions";

/**
 * My agenda: the sessions a person starred. Every function takes the viewer's id
 * and puts it in the `where`, so nobody can list or change someone else's stars
 * by naming a session (docs/decisions/0009-my-agenda-and-time-zones.md).
 */

/** A starred session, with the ids of the other starred sessions whose time it shares. */
export type AgendaSession = SessionSummary & { overlaps: number[] };
export type AgendaDay = { date: string; label: string; sessions: AgendaSession[] };
/** Starred sessions in start order, and the same grouped by conference day. */
export type Agenda = { sessions: AgendaSession[]; days: AgendaDay[] };

const starOrder = programOrder.map((order) => ({ session: order })) satisfies Prisma.StarOrderByWithRelationInput[];

/** What the star form and the agenda's notice need of the session a star URL names (findSession). */
export const starTargetSelect = { id: true, slug: true, title: true, conference: { select: { id: true, slug: true } } } satisfies Prisma.SessionSelect;

export async function listStarredSessionIds(userId: string, conferenceId: number): Promise<number[]> {
  const rows = await db.star.findMany({ where: { userId, session: { conferenceId } }, select: { sessionId: true }, orderBy: starOrder });
  return rows.map((row) => row.sessionId);
}

/** The slugs of my starred sessions at one conference, in start order: what the star buttons need. */
export async function listStarredSessionSlugs(userId: string, conferenceId: number): Promise<string[]> {
  // On the read connection, in program order (programOrder): every page with star buttons asks it.
  const rows = await readSql<{ slug: string }>(Prisma.sql`
    SELECT s."slug" FROM "Star" st
    JOIN "Session" s ON s."id" = st."sessionId"
    LEFT JOIN "Room" r ON r."id" = s."roomId"
    WHERE st."userId" = ${userId} AND s."conferenceId" = ${conferenceId}
    ORDER BY s."startsAt", r."position", s."title"`);
  return rows.map((row) => row.slug);
}

export async function isStarred(userId: string, sessionId: number): Promise<boolean> {
  return (await db.star.count({ where: { userId, sessionId } })) > 0;
}

/** Stars or unstars a session for this person; doing it twice is the same as once. */
export async function setStar(userId: string, sessionId: number, starred: boolean): Promise<void> {
  if (!starred) {
    await db.star.deleteMany({ where: { userId, sessionId } });
    return;
  }
  try {
    await db.star.upsert({ where: { userId_sessionId: { userId, sessionId } }, create: { userId, sessionId }, update: {} });
  } catch (error) {
    // Two tabs starring at once: the other insert won, and the star is there either way.
    if (!(error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002")) throw error;
  }
}

/** My starred sessions at a conference, by conference day in start order, with overlaps flagged. */
export async function getAgenda(userId: string, conference: Pick<ConferenceInfo, "id" | "days">): Promise<Agenda> {
  const rows = await db.star.findMany({
    where: { userId, session: { conferenceId: conference.id } },
    select: { session: { select: sessionSummarySelect } },
    orderBy: starOrder,
  });
  return groupAgenda(flagOverlaps(rows.map((row) => toSummary(row.session))), conference.days);
}

/** Cancelled sessions are kept on the agenda (so the person sees the news) but clash with nothing. */
const attending = (session: SessionSummary) => session.status !== "cancelled";

/** Marks each session with the other sessions whose time range intersects its own; touching ends do not count. */
export function flagOverlaps(sessions: SessionSummary[]): AgendaSession[] {
  const sorted = sessions.map((session) => ({ ...session, overlaps: [] as number[] }));
  sorted.sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
  for (let i = 0; i < sorted.length; i++) {
    const a = sorted[i]!;
    if (!attending(a)) continue;
    for (let j = i + 1; j < sorted.length && sorted[j]!.startsAt < a.endsAt; j++) {
      const b = sorted[j]!;
      if (!attending(b) || b.endsAt <= a.startsAt) continue;
      a.overlaps.push(b.id);
      b.overlaps.push(a.id);
    }
  }
  // Back to the order the caller gave (program order), which a sort by start alone would lose for parallel sessions.
  const byId = new Map(sorted.map((session) => [session.id, session]));
  return sessions.map((session) => byId.get(session.id)!);
}

function groupAgenda(sessions: AgendaSession[], days: ConferenceInfo["days"]): Agenda {
  const grouped = days
    .map((day) => ({ date: day.date, label: day.label, sessions: sessions.filter((session) => session.day === day.date) }))
    .filter((day) => day.sessions.length > 0);
  return { sessions, days: grouped };
}

/**
 * Where to be at `now`: the starred session in progress (the earliest-starting,
 * if several), and the next starred session that starts after `now`.
 */
export function nextUp(agenda: Pick<Agenda, "sessions">, now: Date): { current: AgendaSession | null; next: AgendaSession | null } {
  const candidates = agenda.sessions.filter(attending);
  const current = candidates.find((session) => session.startsAt <= now && now < session.endsAt) ?? null;
  const next = candidates.find((session) => session.startsAt > now) ?? null;
  return { current, next };
}
