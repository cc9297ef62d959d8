import { calendarResponse } from "@/lib/calendar/responses";
import { jsonError } from "@/lib/http";
import { slugSchema } from "@/lib/validation/params";

/** One session as an iCalendar file ("Add to calendar"); reached as /<conf>/sessions/<slug>.ics (next.config.ts). */
export async function GET(request: Request, { params }: RouteContext<"/[conf]/sessions/[slug]/calendar">) {
  const { conf, slug } = await params;
  if (!slugSchema.safeParse(slug).success) return jsonError(404, `No session "${slug}"`);
  const calendar = await calendarResponse(request, conf, { name: (name) => name, slugs: [slug], filename: `${slug}.ics` });
  if (!calendar) return jsonError(404, `No conference "${conf}"`);
  if (calendar.sessionCount === 0) return jsonError(404, `No session "${slug}"`);
  return calendar.response;
}
