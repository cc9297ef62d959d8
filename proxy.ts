import { NextResponse, type NextRequest } from "next/server";
import { encodeViewKey } from "@/lib/schedule/view-key";
import { scheduleParamsSchema, searchParamsToRecord } from "@/lib/validation/params";

/**
 * Serves schedule URLs from cached pages. `/<conf>/schedule?day=&track=&page=`
 * is the public address; each combination without free text is rewritten to
 * its own prerenderable page. Text filters and malformed parameters go to the
 * dynamic page.
 */
export function proxy(request: NextRequest) {
  // The matcher also admits "/<conf>/schedule.json" (Next.js lets any matcher end in .json): that is the export, not this page.
  if (!request.nextUrl.pathname.endsWith("/schedule")) return NextResponse.next();
  const [, conference] = request.nextUrl.pathname.split("/");
  const parsed = scheduleParamsSchema.safeParse(searchParamsToRecord(request.nextUrl.searchParams));
  if (!conference || !parsed.success || parsed.data.q) return NextResponse.next();
  const url = request.nextUrl.clone();
  url.pathname = `/${conference}/schedule/view/${encodeViewKey(parsed.data)}`;
  url.search = "";
  return NextResponse.rewrite(url);
}

export const config = {
  matcher: "/:conference/schedule",
};
