import "server-only";
import { db } from "../db/client";
import { calendarForSessions } from "../interop/ical";
import { readCalendar } from "../interop/read-calendar";
import { privateNoStore, publicOrigin, sharedPublic } from "../http";

/**
 * An iCalendar answer for some or all of a conference's sessions, with how many it
 * holds (so a caller that named sessions can tell none was found); null when the
 * conference is unknown.
 */
export async function calendarResponse(
  request: Request,
  conferenceSlug: string,
  options: { name: (conferenceName: string) => string; slugs?: string[]; filename: string; personal?: boolean; reminderMinutes?: number },
): Promise<{ response: Response; sessionCount: number } | null> {
  const calendar = await readCalendar(db, conferenceSlug, { slugs: options.slugs });
  if (!calendar) return null;
  const origin = publicOrigin(request);
  const text = calendarForSessions({
    name: options.name(calendar.conference.name),
    sessions: calendar.sessions,
    conference: calendar.conference,
    uidDomain: new URL(origin).hostname,
    baseUrl: origin,
    reminderMinutes: options.reminderMinutes,
  });
  const response = new Response(text, {
    headers: {
      "Content-Type": "text/calendar; charset=utf-8",
      "Content-Disposition": `inline; filename="${options.filename}"`,
      "Cache-Control": options.personal ? privateNoStore["Cache-Control"] : sharedPublic["Cache-Control"],
    },
  });
  return { response, sessionCount: calendar.sessions.length };
}
