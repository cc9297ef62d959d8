import { NextResponse, type NextRequest } from "next/server";
import { encodeSearchKey, encodeViewKey } from "@/lib/schedule/view-key";
import { ownNotesSearchParam, scheduleParamsSchema, searchParamsToRecord, searchTextSchema } from "@/lib/validation/params";

/**
 * Serves public URLs from cached pages (docs/decisions/0005-static-public-pages.md).
 * `/<conf>/schedule?day=&track=&page=` is the public address; each combination
 * without free text is rewritten to its own prerenderable page. Text filters and
 * malformed parameters go to the dynamic page. `/<conf>/search?q=` is rewritten
 * to a cached results page for everyone: a signed-in viewer's own private matches
 * are fetched by the page after it (docs/decisions/0017-signed-in-speed.md), and
 * `&mine=1` asks for the dynamic page, which includes them, without JavaScript.
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
    if (!q || searchParams.has(ownNotesSearchParam)) return NextResponse.next();
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
