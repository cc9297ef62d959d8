import { listMovedStars, markMovesSeen } from "@/lib/agenda/moved-stars";
import { getViewerFromRequest } from "@/lib/auth/viewer";
import { getConference } from "@/lib/schedule/conference";
import { isCrossOriginWrite, jsonError, personalJson, privateNoStore, publicOrigin, seeOther } from "@/lib/http";
import { href } from "@/lib/routes";

/**
 * My starred sessions that moved (time, room, cancelled, restored) since I starred
 * them or last marked them seen: `{"sessions": [{"slug", "title"}]}` for the banner
 * on the conference's pages. POST marks them seen; a form post comes back to my agenda.
 */
export async function GET(request: Request, { params }: RouteContext<"/api/conferences/[conf]/me/moved">) {
  const { conf } = await params;
  const viewer = await getViewerFromRequest(request);
  if (!viewer) return jsonError(401, "Not signed in", privateNoStore);
  const conference = await getConference(conf);
  if (!conference) return jsonError(404, `No conference "${conf}"`, privateNoStore);
  const moved = await listMovedStars(viewer.id, conference.id);
  return personalJson({ sessions: moved.map(({ slug, title }) => ({ slug, title })) });
}

export async function POST(request: Request, { params }: RouteContext<"/api/conferences/[conf]/me/moved">) {
  if (isCrossOriginWrite(request)) return jsonError(403, "Your agenda can only be changed from this site", privateNoStore);
  const { conf } = await params;
  const viewer = await getViewerFromRequest(request);
  if (!viewer) return jsonError(401, "Sign in to mark changes as seen", privateNoStore);
  const conference = await getConference(conf);
  if (!conference) return jsonError(404, `No conference "${conf}"`, privateNoStore);
  await markMovesSeen(viewer.id, conference.id);
  if ((request.headers.get("content-type") ?? "").includes("form")) {
    return seeOther(new URL(href.agenda(conf, { seen: "1" }), publicOrigin(request)).toString());
  }
  return new Response(null, { status: 204, headers: privateNoStore });
}
