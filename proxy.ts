import { NextResponse, type NextRequest } from "next/server";
import { jsonError } from "@/lib/http";
import { encodeViewKey } from "@/lib/schedule/view-key";
import { encodeSearchKey } from "@/lib/search/search-key";
import { ownNotesSearchParam, scheduleParamsSchema, searchParamsToRecord, searchTextSchema } from "@/lib/validation/params";
import { href } from "@/lib/routes";

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
  // Next.js decodes a path's segments to match its routes, and a path that is not
  // valid percent-encoded UTF-8 makes that throw: a 500 unless it is refused here.
  if (!decodes(pathname)) return jsonError(400, "This address is not valid: it has a malformed percent-encoding (%).");
  // Only "/<conf>/schedule" and "/<conf>/search" are rewritten. The matcher also admits "/<conf>/schedule.json"
  // (Next.js lets any matcher end in .json), which is the export, and any path with a "%".
  const [, conference, page, ...rest] = pathname.split("/");
  if (!conference || rest.length > 0) return NextResponse.next();
  if (page === "schedule") {
    const parsed = scheduleParamsSchema.safeParse(searchParamsToRecord(searchParams));
    if (!parsed.success || parsed.data.q) return NextResponse.next();
    return rewrite(request, href.scheduleViewPage(conference, encodeViewKey(parsed.data)));
  }
  if (page === "search") {
    const q = searchTextSchema.safeParse(searchParams.get("q") ?? "").data;
    if (!q || searchParams.has(ownNotesSearchParam)) return NextResponse.next();
    return rewrite(request, href.searchResultsPage(conference, encodeSearchKey(q)));
  }
  return NextResponse.next();
}

function decodes(pathname: string): boolean {
  try {
    decodeURIComponent(pathname);
    return true;
  } catch {
    return false;
  }
}

function rewrite(request: NextRequest, pathname: string) {
  const url = request.nextUrl.clone();
  url.pathname = pathname;
  url.search = "";
  return NextResponse.rewrite(url);
}

export const config = {
  // The last entry admits any path with a "%" in it, so that a malformed one is answered above.
  matcher: ["/:conference/schedule", "/:conference/search", "/(.*%.*)"],
};
