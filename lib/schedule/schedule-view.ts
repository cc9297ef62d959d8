import { searchPageLimit } from "../search/settings";
import type { ScheduleParams } from "../validation/params";
import type { ConferenceInfo } from "./conference";
import { db } from "../db/client";
import { zoneOffsetMinutes } from "../time";
import { searchSessions, type SearchHit } from "./session-search";
import { countSessions, listSessions, type SessionSummary } from "./sessions";

/** Sessions on one schedule page; a big conference's day is split into pages of this size. */
export const schedulePageSize = 60;
/**
 * At most this many sessions start on one page of the timetable grid: a big
 * conference's day is cut into whole half-hours that fit, so that its page weighs
 * about what a list page does (docs/decisions/0016-timetable-grid.md).
 */
export const timetablePageSize = 90;

export type ScheduleEntry = SessionSummary & Partial<Pick<SearchHit, "titleHighlight" | "snippet">>;

export type ScheduleView =
  | {
      ok: true;
      day: ConferenceInfo["days"][number] | null;
      track: ConferenceInfo["tracks"][number] | null;
      q: string | null;
      /** The grid shows one whole day (the first, when none is chosen); a text filter always lists. */
      view: "list" | "grid";
      /** The tracks with a session on the chosen day, so the track chips can leave out the others; null without a day. */
      dayTracks: string[] | null;
      sessions: ScheduleEntry[];
      /** The grid page's stretch of the day: sessions starting in it, and those running at its start. */
      window?: { from: Date; to: Date } | null;
      page: number;
      pageCount: number;
      total: number;
    }
  | { ok: false; problem: "unknown-day" | "unknown-track" | "page-out-of-range"; message: string };

/** How much one answer holds: the schedule page's sizes unless a caller (the JSON API) asks for others. */
export type ScheduleViewSizes = { pageSize?: number; searchLimit?: number };

/** The sessions a schedule URL (page or API) asks for: validated against the conference, then read. */
export async function loadScheduleView(
  conference: ConferenceInfo,
  params: Partial<ScheduleParams>,
  viewerId: string | null = null,
  { pageSize = schedulePageSize, searchLimit = searchPageLimit }: ScheduleViewSizes = {},
): Promise<ScheduleView> {
  const q = params.q?.trim() || null;
  const view = params.view === "grid" && !q ? "grid" : "list";
  const day = params.day ? conference.days.find((d) => d.date === params.day) : view === "grid" ? conference.days[0] : null;
  if (params.day && !day) {
    return { ok: false, problem: "unknown-day", message: `${conference.name} has no day ${params.day}. It runs ${conference.startDate} to ${conference.endDate}.` };
  }
  const track = params.track ? conference.tracks.find((t) => t.slug === params.track) : null;
  if (params.track && !track) {
    return { ok: false, problem: "unknown-track", message: `${conference.name} has no track "${params.track}".` };
  }
  const filter = { dayId: day?.id, trackId: track?.id };
  const dayTracks = day ? listTracksOnDay(day.id) : Promise.resolve(null);

  if (q) {
    const sessions = await searchSessions(q, { conferenceId: conference.id, viewerId, ...filter, limit: searchLimit });
    return { ok: true, day: day ?? null, track: track ?? null, q, view, dayTracks: await dayTracks, sessions, page: 1, pageCount: 1, total: sessions.length };
  }
  if (view === "grid") {
    // A day at a time, in pages of whole half-hours for a big one; every room on each page.
    const windows = day ? await listTimetableWindows(day.id, track?.id, conference.timeZone) : [];
    const pageCount = Math.max(1, windows.length);
    const page = params.page ?? 1;
    if (page > pageCount) {
      return { ok: false, problem: "page-out-of-range", message: `This grid has ${pageCount} page${pageCount === 1 ? "" : "s"}; there is no page ${page}.` };
    }
    const window = windows[page - 1];
    const sessions = window ? await listSessions(conference.id, { ...filter, window }) : [];
    const total = windows.reduce((sum, w) => sum + w.count, 0);
    return { ok: true, day: day ?? null, track: track ?? null, q, view, dayTracks: await dayTracks, sessions, page, pageCount, total, window: window ?? null };
  }

  const total = await countSessions(conference.id, filter);
  const pageCount = Math.max(1, Math.ceil(total / pageSize));
  const page = params.page ?? 1;
  if (page > pageCount) {
    return { ok: false, problem: "page-out-of-range", message: `This schedule has ${pageCount} page${pageCount === 1 ? "" : "s"}; there is no page ${page}.` };
  }
  const sessions = await listSessions(conference.id, { ...filter, skip: (page - 1) * pageSize, take: pageSize });
  return { ok: true, day: day ?? null, track: track ?? null, q: null, view, dayTracks: await dayTracks, sessions, page, pageCount, total };
}

/**
 * A day's grid pages: consecutive whole half-hours (of the conference's clock), as
 * many as fit `timetablePageSize` starting sessions, and at least one each.
 */
async function listTimetableWindows(dayId: number, trackId: number | undefined, timeZone: string) {
  const starts = await db.session.groupBy({ by: ["startsAt"], where: { dayId, trackId }, _count: { _all: true }, orderBy: { startsAt: "asc" } });
  const step = 30 * 60_000;
  const perStep = new Map<number, number>();
  for (const slot of starts) {
    const offset = zoneOffsetMinutes(slot.startsAt, timeZone) * 60_000;
    const from = Math.floor((slot.startsAt.getTime() + offset) / step) * step - offset;
    perStep.set(from, (perStep.get(from) ?? 0) + slot._count._all);
  }
  const windows: { from: Date; to: Date; count: number }[] = [];
  for (const [from, count] of perStep) {
    const last = windows.at(-1);
    if (last && last.count + count <= timetablePageSize) {
      last.to = new Date(from + step);
      last.count += count;
    } else windows.push({ from: new Date(from), to: new Date(from + step), count });
  }
  // Each page runs up to the next one's start, so no start falls between two pages.
  for (let i = 0; i < windows.length - 1; i++) windows[i]!.to = windows[i + 1]!.from;
  return windows;
}

/** Slugs of the tracks with at least one session on a day. */
async function listTracksOnDay(dayId: number): Promise<string[]> {
  const rows = await db.track.findMany({ where: { sessions: { some: { dayId } } }, select: { slug: true } });
  return rows.map((row) => row.slug);
}
