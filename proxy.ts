import { NextResponse, type NextRequest } from "next/server";
import { mayBeSignedIn } from "@/lib/auth/session-cookie-name";
import { encodeViewKey } from "@/lib/schedule/view-key";
import { encodeSearchKey } from "@/lib/search/search-key";
import { scheduleParamsSchema, searchParamsToRecord, searchTextSchema } from "@/lib/validation/params";

/**
 * Serves public URLs from cached pages (docs/decisions/0005-static-public-pages.md).
 * `/<conf>/schedule?day=&track=&page=` is the public address; each combination
 * without free text is rewritten to its own prerenderable page. Text filters and
 * malformed parameters go to the dynamic page. `/<conf>/search?q=` from someone
 * signed out is rewritten to a cached results page; from someone who may be
 * signed in it stays dynamic, since their private notes count in their results.
 */
export function proxy(request: NextRequest) {
  const { pathname, searchParams } = request.nextUrl;
  const [, conference] = pathname.split("/");
  if (!conference) return NextResponse.next();
  // The matcher also admits "/<conf>/schedule.json" (Next.js lets any matcher end in .json): that is the export, not this page.
  if (pathname.endsWith("/schedule")) {
    const parsed = scheduleParamsSchema.safeParse(searchParamsToRecord(searchParams));
    if (!parsed.success || parsed.data.q) return NextResponse.next();
    return rewrite(request, `/${conference}/schedule/view/${encodeViewKey(parsed.data)}`);
  }
  if (pathname.endsWith("/search")) {
    const q = searchTextSchema.safeParse(searchParams.get("q") ?? "").data;
    if (!q || mayBeSignedIn(request.headers.get("cookie"))) return NextResponse.next();
    return rewrite(request, `/${conference}/search/results/${encodeSearchKey(q)}`);
  }
  return NextResponse.next();
}

function rewrite(request: NextRequest, pathname: string) {
  const url = request.nextUrl.clone();
  url.pathname = pathname;
  url.search = "";
  return NextResponse.rewrite(url);
}

export const config = {
  matcher: ["/:conference/schedule", "/:conference/search"],
};
