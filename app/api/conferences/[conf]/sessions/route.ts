import type { NextRequest } from "next/server";
import { getConference } from "@/lib/schedule/conference";
import { sessionToJson } from "@/lib/schedule/api-shape";
import { searchSessions } from "@/lib/schedule/session-search";
import { countSessions, listSessions } from "@/lib/schedule/sessions";
import { searchResultLimit } from "@/lib/search/settings";
import { describeIssues, scheduleParamsSchema, searchParamsToRecord } from "@/lib/validation/params";
import { getViewerFromRequest } from "@/lib/auth/viewer";
import { jsonError, privateNoStore, sharedPublic } from "@/lib/http";

/** At most this many sessions per answer; a big conference's day comes in pages. */
const apiPageSize = 200;

/** Sessions in start order (paged, `page=1…`), or by relevance when `q` is given (best 100). */
export async function GET(request: NextRequest, { params }: RouteContext<"/api/conferences/[conf]/sessions">) {
  const { conf } = await params;
  const parsed = scheduleParamsSchema.safeParse(searchParamsToRecord(request.nextUrl.searchParams));
  if (!parsed.success) return jsonError(400, describeIssues(parsed.error));
  const conference = await getConference(conf);
  if (!conference) return jsonError(404, `No conference "${conf}"`);
  const { day: date, track: trackSlug, q, page = 1 } = parsed.data;
  const day = date ? conference.days.find((d) => d.date === date) : undefined;
  if (date && !day) return jsonError(400, `day ${date} is not a day of ${conference.name} (${conference.startDate} to ${conference.endDate})`);
  const track = trackSlug ? conference.tracks.find((t) => t.slug === trackSlug) : undefined;
  if (trackSlug && !track) return jsonError(400, `track "${trackSlug}" is not a track of ${conference.name}`);
  const filter = { dayId: day?.id, trackId: track?.id };
  if (!q) {
    const total = await countSessions(conference.id, filter);
    const pageCount = Math.max(1, Math.ceil(total / apiPageSize));
    if (page > pageCount) return jsonError(400, `page ${page} is past the last page, ${pageCount}`);
    const sessions = await listSessions(conference.id, { ...filter, skip: (page - 1) * apiPageSize, take: apiPageSize });
    const next = new URL(request.nextUrl.pathname, request.nextUrl.origin);
    request.nextUrl.searchParams.forEach((value, key) => next.searchParams.set(key, value));
    next.searchParams.set("page", String(page + 1));
    return Response.json({
      sessions: sessions.map((s) => sessionToJson(s, conference.slug)),
      page,
      pageCount,
      total,
      next: page < pageCount ? `${next.pathname}${next.search}` : null,
    }, { headers: sharedPublic });
  }
  // A search also matches the signed-in viewer's private notes, so their answer is theirs alone;
  // a signed-out one is public, and the same address with a session cookie is another answer.
  const viewer = await getViewerFromRequest(request);
  const sessions = await searchSessions(q, { conferenceId: conference.id, viewerId: viewer?.id ?? null, limit: searchResultLimit, ...filter });
  return Response.json(
    { sessions: sessions.map((s) => sessionToJson(s, conference.slug)) },
    { headers: viewer ? privateNoStore : { ...sharedPublic, Vary: "Cookie" } },
  );
}
