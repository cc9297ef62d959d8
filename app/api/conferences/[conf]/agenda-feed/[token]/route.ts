import { listStarredSessionSlugs } from "@/lib/agenda/agenda";
import { calendarResponse } from "@/lib/calendar/responses";
import { userForCalendarToken } from "@/lib/calendar/calendar-token";
import { jsonError } from "@/lib/http";

/** A person's agenda as a private subscription, reached as /<conf>/agenda/<token>.ics (next.config.ts). */
export async function GET(request: Request, { params }: RouteContext<"/api/conferences/[conf]/agenda-feed/[token]">) {
  const { conf, token } = await params;
  const owner = await userForCalendarToken(conf, token);
  // Unknown, revoked and renewed-away secrets all look the same.
  if (!owner) return jsonError(404, "No such calendar");
  const calendar = await calendarResponse(request, conf, {
    name: (name) => `My agenda · ${name}`,
    slugs: await listStarredSessionSlugs(owner.userId, owner.conferenceId),
    filename: "agenda.ics",
    personal: true,
    reminderMinutes: owner.reminderMinutes,
  });
  return calendar?.response ?? jsonError(404, "No such calendar");
}
