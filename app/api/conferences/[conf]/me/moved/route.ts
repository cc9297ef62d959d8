import { z } from "zod";
import { listMovedStars, markMovesSeen, newestMoveAt } from "@/lib/agenda/moved-stars";
import { getViewerFromRequest } from "@/lib/auth/viewer";
import { getConference } from "@/lib/schedule/conference";
import { isCrossOriginWrite, jsonError, personalJson, privateNoStore, publicOrigin, seeOther } from "@/lib/http";
import { href } from "@/lib/routes";
import { formFields } from "@/lib/validation/form";

/** What the person was shown: the newest change's time (`upTo`, ISO 8601); absent, everything up to now. */
const seenSchema = z.object({
  upTo: z.preprocess((value) => (value === "" ? undefined : value), z.iso.datetime({ offset: true, message: "upTo must be a date and time (ISO 8601)" }).optional()),
});

async function readSeen(request: Request): Promise<{ upTo?: Date } | { error: string }> {
  const type = request.headers.get("content-type") ?? "";
  let body: unknown = {};
  try {
    if (type.includes("form")) body = formFields(await request.formData());
    else if (type.includes("json")) body = await request.json();
  } catch {
    return { error: "Send what was seen as a form or as JSON" };
  }
  const parsed = seenSchema.safeParse(body);
  if (!parsed.success) return { error: parsed.error.issues[0]?.message ?? "upTo is not valid" };
  return parsed.data.upTo ? { upTo: new Date(parsed.data.upTo) } : {};
}

/**
 * My starred sessions that moved (time, room, cancelled, restored) since I starred
 * them or last marked them seen: `{"sessions": [{"slug", "title"}], "upTo"}` for the
 * banner on the conference's pages. POST marks them seen up to `upTo` (the newest
 * change shown), so a move recorded meanwhile stays flagged; a form post comes back
 * to my agenda.
 */
export async function GET(request: Request, { params }: RouteContext<"/api/conferences/[conf]/me/moved">) {
  const { conf } = await params;
  const viewer = await getViewerFromRequest(request);
  if (!viewer) return jsonError(401, "Not signed in", privateNoStore);
  const conference = await getConference(conf);
  if (!conference) return jsonError(404, `No conference "${conf}"`, privateNoStore);
  const moved = await listMovedStars(viewer.id, conference.id);
  return personalJson({ sessions: moved.map(({ slug, title }) => ({ slug, title })), upTo: newestMoveAt(moved)?.toISOString() ?? null });
}

export async function POST(request: Request, { params }: RouteContext<"/api/conferences/[conf]/me/moved">) {
  if (isCrossOriginWrite(request)) return jsonError(403, "Your agenda can only be changed from this site", privateNoStore);
  const { conf } = await params;
  const viewer = await getViewerFromRequest(request);
  if (!viewer) return jsonError(401, "Sign in to mark changes as seen", privateNoStore);
  const conference = await getConference(conf);
  if (!conference) return jsonError(404, `No conference "${conf}"`, privateNoStore);
  const seen = await readSeen(request);
  if ("error" in seen) return jsonError(400, seen.error, privateNoStore);
  await markMovesSeen(viewer.id, conference.id, seen.upTo);
  if ((request.headers.get("content-type") ?? "").includes("form")) {
    return seeOther(new URL(href.agenda(conf, { seen: "1" }), publicOrigin(request)).toString());
  }
  return new Response(null, { status: 204, headers: privateNoStore });
}
