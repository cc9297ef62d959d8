import "server-only";
import { db } from "../db/client";
import { addDays, formatShortDate, formatTime, toZonedIsoString, zonedTimeToUtc } from "../time";
import type { ConferenceInfo } from "./conference";
import { programOrder, sessionSummarySelect, toSummary, type SessionSummary } from "./sessions";

/**
 * What is on now and next in every room at one instant. A session is on when
 * startsAt ≤ at < endsAt; next is the first to start after `at` in that room,
 * that day or any later one. Cancelled sessions are neither.
 */

export type RoomNowAndNext = { room: { slug: string; name: string }; now: SessionSummary | null; next: SessionSummary | null };

export async function getNowAndNext(conference: Pick<ConferenceInfo, "id" | "rooms">, at: Date): Promise<RoomNowAndNext[]> {
  const scheduled = { conferenceId: conference.id, status: "scheduled", roomId: { not: null } };
  const [running, firstStarts] = await Promise.all([
    db.session.findMany({ where: { ...scheduled, startsAt: { lte: at }, endsAt: { gt: at } }, select: sessionSummarySelect, orderBy: programOrder }),
    db.session.groupBy({ by: ["roomId"], where: { ...scheduled, startsAt: { gt: at } }, _min: { startsAt: true } }),
  ]);
  const pairs = firstStarts.flatMap((group) => (group.roomId !== null && group._min.startsAt ? [{ roomId: group.roomId, startsAt: group._min.startsAt }] : []));
  const upcoming = pairs.length
    ? await db.session.findMany({ where: { ...scheduled, OR: pairs }, select: sessionSummarySelect, orderBy: programOrder })
    : [];

  // Rows are in program order, so the first one seen for a room is the one to show.
  const nowByRoom = new Map<string, SessionSummary>();
  for (const row of running) if (row.room && !nowByRoom.has(row.room.slug)) nowByRoom.set(row.room.slug, toSummary(row));
  const nextByRoom = new Map<string, SessionSummary>();
  for (const row of upcoming) if (row.room && !nextByRoom.has(row.room.slug)) nextByRoom.set(row.room.slug, toSummary(row));

  return conference.rooms.map((room) => ({
    room: { slug: room.slug, name: room.name },
    now: nowByRoom.get(room.slug) ?? null,
    next: nextByRoom.get(room.slug) ?? null,
  }));
}

/** The first and last instants of the conference's days in its own zone: [start, end). */
export function conferenceSpan(conference: Pick<ConferenceInfo, "startDate" | "endDate" | "timeZone">): { start: Date; end: Date } {
  return {
    start: zonedTimeToUtc(`${conference.startDate}T00:00`, conference.timeZone),
    end: zonedTimeToUtc(`${addDays(conference.endDate, 1)}T00:00`, conference.timeZone),
  };
}

export type ExploreMoment = { date: string; at: Date; label: string; param: string };

/**
 * One moment per conference day worth looking at: ten minutes into the start
 * time that most sessions share (the earliest, on a tie), or half-way through
 * when its shortest session is briefer than twenty minutes.
 */
export async function listExploreMoments(conference: Pick<ConferenceInfo, "id" | "days" | "timeZone">): Promise<ExploreMoment[]> {
  const slots = await db.session.groupBy({
    by: ["dayId", "startsAt"],
    where: { conferenceId: conference.id, status: "scheduled" },
    _count: { _all: true },
    _min: { endsAt: true },
    orderBy: { startsAt: "asc" },
  });
  const busiest = new Map<number, (typeof slots)[number]>();
  for (const slot of slots) {
    const best = busiest.get(slot.dayId);
    if (!best || slot._count._all > best._count._all) busiest.set(slot.dayId, slot);
  }
  return conference.days.flatMap((day) => {
    const slot = busiest.get(day.id);
    if (!slot) return [];
    const shortest = (slot._min.endsAt ?? slot.startsAt).getTime() - slot.startsAt.getTime();
    const at = new Date(slot.startsAt.getTime() + Math.min(10 * 60_000, Math.floor(shortest / 2 / 60_000) * 60_000));
    return [{ date: day.date, at, label: `${formatShortDate(day.date)} ${formatTime(at, conference.timeZone)}`, param: toZonedIsoString(at, conference.timeZone) }];
  });
}
