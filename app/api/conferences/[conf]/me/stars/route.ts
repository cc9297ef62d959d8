import { getViewerFromRequest } from "@/lib/auth/viewer";
import { listStarredSessionSlugs } from "@/lib/agenda/agenda";
import { jsonError, personalJson, privateNoStore } from "@/lib/http";
import { findConferenceId } from "@/lib/schedule/sessions";

/** The sessions I starred at a conference: `{"sessions": ["slug", …]}` in start order. Personal, so never cached. */
export async function GET(request: Request, { params }: { params: Promise<{ conf: string }> }) {
  const { conf } = await params;
  const conferenceId = await findConferenceId(conf);
  if (conferenceId === null) return jsonError(404, `No conference "${conf}"`, privateNoStore);
  const viewer = await getViewerFromRequest(request);
  if (!viewer) return jsonError(401, "Sign in to keep an agenda", privateNoStore);
  return personalJson({ sessions: await listStarredSessionSlugs(viewer.id, conferenceId) });
}
