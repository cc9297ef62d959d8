import { searchPageLimit } from "../search/settings";
import type { ScheduleParams } from "../validation/params";
import type { ConferenceInfo } from "./conference";
import { searchSessions, type SearchHit } from "./session-search";
import { countSessions, listSessions, type SessionSummary } from "./sessions";

/** Sessions on one schedule page; a big conference's day is split into pages of this size. */
export const schedulePageSize = 60;

export type ScheduleEntry = SessionSummary & Partial<Pick<SearchHit, "titleHighlight" | "snippet">>;

export type ScheduleView =
  | {
      ok: true;
      day: ConferenceInfo["days"][number] | null;
      track: ConferenceInfo["tracks"][number] | null;
      q: string | null;
      sessions: ScheduleEntry[];
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
  const day = params.day ? conference.days.find((d) => d.date === params.day) : null;
  if (params.day && !day) {
    return { ok: false, problem: "unknown-day", message: `${conference.name} has no day ${params.day}. It runs ${conference.startDate} to ${conference.endDate}.` };
  }
  const track = params.track ? conference.tracks.find((t) => t.slug === params.track) : null;
  if (params.track && !track) {
    return { ok: false, problem: "unknown-track", message: `${conference.name} has no track "${params.track}".` };
  }
  const q = params.q?.trim() || null;
  const filter = { dayId: day?.id, trackId: track?.id };

  if (q) {
    const sessions = await searchSessions(q, { conferenceId: conference.id, viewerId, ...filter, limit: searchLimit });
    return { ok: true, day: day ?? null, track: track ?? null, q, sessions, page: 1, pageCount: 1, total: sessions.length };
  }

  const total = await countSessions(conference.id, filter);
  const pageCount = Math.max(1, Math.ceil(total / pageSize));
  const page = params.page ?? 1;
  if (page > pageCount) {
    return { ok: false, problem: "page-out-of-range", message: `This schedule has ${pageCount} page${pageCount === 1 ? "" : "s"}; there is no page ${page}.` };
  }
  const sessions = await listSessions(conference.id, { ...filter, skip: (page - 1) * pageSize, take: pageSize });
  return { ok: true, day: day ?? null, track: track ?? null, q: null, sessions, page, pageCount, total };
}
