import type { NextRequest } from "next/server";
import { getConference } from "@/lib/schedule/conference";
import { sessionToJson } from "@/lib/schedule/api-shape";
import { searchResultLimit } from "@/lib/schedule/schedule-view";
import { listSessions } from "@/lib/schedule/sessions";
import { searchSessions } from "@/lib/search/search-sessions";
import { describeIssues, scheduleParamsSchema, searchParamsToRecord } from "@/lib/validation/params";
import { getViewerFromRequest } from "@/lib/auth/viewer";
import { jsonError, privateNoStore } from "@/lib/http";

/** Sessions in start order, or by relevance when `q` is given. */
export async function GET(request: NextRequest, { params }: RouteContext<"/api/conferences/[conf]/sessions">) {
  const { conf } = await params;
  const parsed = scheduleParamsSchema.omit({ page: true }).safeParse(searchParamsToRecord(request.nextUrl.searchParams));
  if (!parsed.success) return jsonError(400, describeIssues(parsed.error));
  const conference = await getConference(conf);
  if (!conference) return jsonError(404, `No conference "${conf}"`);
  const { day: date, track: trackSlug, q } = parsed.data;
  const day = date ? conference.days.find((d) => d.date === date) : undefined;
  if (date && !day) return jsonError(400, `day ${date} is not a day of ${conference.name} (${conference.startDate} to ${conference.endDate})`);
  const track = trackSlug ? conference.tracks.find((t) => t.slug === trackSlug) : undefined;
  if (trackSlug && !track) return jsonError(400, `track "${trackSlug}" is not a track of ${conference.name}`);
  const filter = { dayId: day?.id, trackId: track?.id };
  if (!q) return Response.json({ sessions: (await listSessions(conference.id, filter)).map((s) => sessionToJson(s, conference.slug)) });
  // A search also matches the signed-in viewer's private notes, so its answer is theirs alone.
  const viewer = await getViewerFromRequest(request);
  const sessions = await searchSessions(q, { conferenceId: conference.id, viewerId: viewer?.id ?? null, limit: searchResultLimit, ...filter });
  return Response.json({ sessions: sessions.map((s) => sessionToJson(s, conference.slug)) }, { headers: viewer ? privateNoStore : undefined });
}
