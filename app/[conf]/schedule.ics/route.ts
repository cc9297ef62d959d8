import { calendarResponse } from "@/lib/calendar/responses";
import { jsonError } from "@/lib/http";

/** The whole program as an iCalendar feed. */
export async function GET(request: Request, { params }: RouteContext<"/[conf]/schedule.ics">) {
  const { conf } = await params;
  const calendar = await calendarResponse(request, conf, { name: (name) => name, filename: `${conf}.ics` });
  return calendar?.response ?? jsonError(404, `No conference "${conf}"`);
}
