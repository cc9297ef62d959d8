import { calendarResponse } from "@/lib/calendar/responses";
import { userForCalendarToken } from "@/lib/calendar/calendar-token";
import { db } from "@/lib/db/client";
import { jsonError } from "@/lib/http";

/** A person's agenda as a private subscription, reached as /<conf>/agenda/<token>.ics (next.config.ts). */
export async function GET(request: Request, { params }: RouteContext<"/api/conferences/[conf]/agenda-feed/[token]">) {
  const { conf, token } = await params;
  const userId = await userForCalendarToken(conf, token);
  // Unknown, revoked and renewed-away secrets all look the same.
  if (!userId) return jsonError(404, "No such calendar");
  const stars = await db.star.findMany({
    where: { userId, session: { conference: { slug: conf } } },
    select: { session: { select: { slug: true } } },
  });
  const response = await calendarResponse(request, conf, {
    name: (name) => `My agenda · ${name}`,
    slugs: stars.map((s) => s.session.slug),
    filename: "agenda.ics",
    personal: true,
  });
  return response ?? jsonError(404, "No such calendar");
}
