import { getViewerFromRequest } from "@/lib/auth/viewer";
import { listStarredSessionSlugs } from "@/lib/agenda/agenda";
import { jsonError, privateNoStore } from "@/lib/http";
import { getConference } from "@/lib/schedule/conference";

/** The sessions I starred at a conference: `{"sessions": ["slug", …]}` in start order. Personal, so never cached. */
export async function GET(request: Request, { params }: { params: Promise<{ conf: string }> }) {
  const { conf } = await params;
  const conference = await getConference(conf);
  if (!conference) return jsonError(404, `No conference "${conf}"`, privateNoStore);
  const viewer = await getViewerFromRequest(request);
  if (!viewer) return jsonError(401, "Sign in to keep an agenda", privateNoStore);
  return Response.json({ sessions: await listStarredSessionSlugs(viewer.id, conference.id) }, { headers: privateNoStore });
}
