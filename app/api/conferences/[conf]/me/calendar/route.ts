import { getViewerFromRequest } from "@/lib/auth/viewer";
import { renewCalendarToken, revokeCalendarToken, setCalendarReminder } from "@/lib/calendar/calendar-token";
import { reminderMinutesSchema } from "@/lib/validation/reminder";
import { z } from "zod";
import { getConference } from "@/lib/schedule/conference";
import { isCrossOriginWrite, jsonError, privateNoStore, publicOrigin } from "@/lib/http";
import { formFields } from "@/lib/validation/form";
import { href } from "@/lib/routes";

async function authorise(request: Request, conf: string) {
  if (isCrossOriginWrite(request)) return { error: jsonError(403, "Calendars can only be changed from this site") };
  const viewer = await getViewerFromRequest(request);
  if (!viewer) return { error: jsonError(401, "Sign in to subscribe to your agenda") };
  const conference = await getConference(conf);
  if (!conference) return { error: jsonError(404, `No conference "${conf}"`) };
  return { viewer, conference };
}

/**
 * POST makes (or renews) my agenda's private subscription URL; DELETE revokes it.
 * A form post (no JavaScript) comes back to the agenda page.
 */
export async function POST(request: Request, { params }: RouteContext<"/api/conferences/[conf]/me/calendar">) {
  const { conf } = await params;
  const auth = await authorise(request, conf);
  if ("error" in auth) return auth.error;
  const fromForm = (request.headers.get("content-type") ?? "").includes("form");
  let action = "renew";
  let fields: Record<string, string> = {};
  if (fromForm) {
    try {
      fields = formFields(await request.formData());
      action = fields.action ?? "renew";
    } catch {
      return jsonError(400, "Send the calendar form as form data");
    }
  }
  if (action === "reminder") {
    const minutes = reminderMinutesSchema.safeParse(fields.minutes);
    if (!minutes.success) return jsonError(400, `The ${minutes.error.issues[0]?.message ?? "reminder is not valid"}`, privateNoStore);
    if (!(await setCalendarReminder(auth.viewer.id, auth.conference.id, minutes.data))) return jsonError(409, "Make a subscription address first", privateNoStore);
    return Response.redirect(new URL(href.agenda(conf, undefined, "calendar"), publicOrigin(request)), 303);
  }
  if (action === "revoke") {
    await revokeCalendarToken(auth.viewer.id, auth.conference.id);
    return fromForm ? Response.redirect(new URL(href.agenda(conf, { calendar: "revoked" }, "calendar"), publicOrigin(request)), 303) : new Response(null, { status: 204 });
  }
  const token = await renewCalendarToken(auth.viewer.id, auth.conference.id);
  const url = `${publicOrigin(request)}${href.agendaFeed(conf, token)}`;
  if (fromForm) return Response.redirect(new URL(href.agenda(conf, { calendar: token }, "calendar"), publicOrigin(request)), 303);
  return Response.json({ url }, { headers: privateNoStore });
}

export async function DELETE(request: Request, { params }: RouteContext<"/api/conferences/[conf]/me/calendar">) {
  const { conf } = await params;
  const auth = await authorise(request, conf);
  if ("error" in auth) return auth.error;
  await revokeCalendarToken(auth.viewer.id, auth.conference.id);
  return new Response(null, { status: 204, headers: privateNoStore });
}

const reminderBodySchema = z.object({ reminderMinutes: reminderMinutesSchema });

/** PATCH `{"reminderMinutes": 0|5|10|15|30}` sets the feed's reminder (0: none). */
export async function PATCH(request: Request, { params }: RouteContext<"/api/conferences/[conf]/me/calendar">) {
  const { conf } = await params;
  const auth = await authorise(request, conf);
  if ("error" in auth) return auth.error;
  let body: unknown;
  try {
    body = await request.json();
  } catch {
    return jsonError(400, "Send the reminder as JSON", privateNoStore);
  }
  const parsed = reminderBodySchema.safeParse(body);
  if (!parsed.success) return jsonError(400, `The ${parsed.error.issues[0]?.message ?? "reminder is not valid"}`, privateNoStore);
  if (!(await setCalendarReminder(auth.viewer.id, auth.conference.id, parsed.data.reminderMinutes))) return jsonError(409, "Make a subscription address first", privateNoStore);
  return Response.json({ reminderMinutes: parsed.data.reminderMinutes }, { headers: privateNoStore });
}
