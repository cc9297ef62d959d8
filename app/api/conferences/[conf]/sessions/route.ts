import type { NextRequest } from "next/server";
import { getConference } from "@/lib/schedule/conference";
import { sessionToJson } from "@/lib/schedule/api-shape";
import { loadScheduleView } from "@/lib/schedule/schedule-view";
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
  // A search also matches the signed-in viewer's private notes, so their answer is theirs alone;
  // a signed-out one is public, and the same address with a session cookie is another answer.
  const viewer = parsed.data.q ? await getViewerFromRequest(request) : null;
  const view = await loadScheduleView(conference, parsed.data, viewer?.id ?? null, { pageSize: apiPageSize, searchLimit: searchResultLimit });
  if (!view.ok) return jsonError(400, view.message);
  const sessions = view.sessions.map((s) => sessionToJson(s, conference.slug));
  if (view.q) return Response.json({ sessions }, { headers: viewer ? privateNoStore : { ...sharedPublic, Vary: "Cookie" } });
  const { page, pageCount, total } = view;
  const next = new URL(request.nextUrl.pathname, request.nextUrl.origin);
  request.nextUrl.searchParams.forEach((value, key) => next.searchParams.set(key, value));
  next.searchParams.set("page", String(page + 1));
  return Response.json(
    { sessions, page, pageCount, total, next: page < pageCount ? `${next.pathname}${next.search}` : null },
    { headers: sharedPublic },
  );
}
