import type { NextRequest } from "next/server";
import { getViewerFromRequest } from "@/lib/auth/viewer";
import { jsonError, personalJson, privateNoStore } from "@/lib/http";
import { searchPageLimit } from "@/lib/search/settings";
import { findConferenceId } from "@/lib/schedule/sessions";
import { ownMatchToJson } from "@/lib/schedule/own-matches";
import { searchOwnNotes } from "@/lib/schedule/session-search";
import { searchTextSchema } from "@/lib/validation/params";

/**
 * My private notes that match a search: `{"sessions": […]}`, best first. The search
 * page itself is cached and public; this is the part only the viewer may see, fetched
 * after it (docs/decisions/0017-signed-in-speed.md). Personal, so never cached.
 */
export async function GET(request: NextRequest, { params }: RouteContext<"/api/conferences/[conf]/me/search">) {
  const { conf } = await params;
  const q = searchTextSchema.safeParse(request.nextUrl.searchParams.get("q") ?? "").data;
  if (!q) return jsonError(400, "Say what to search for: ?q=…", privateNoStore);
  const conferenceId = await findConferenceId(conf);
  if (conferenceId === null) return jsonError(404, `No conference "${conf}"`, privateNoStore);
  const viewer = await getViewerFromRequest(request);
  if (!viewer) return jsonError(401, "Sign in to search your own notes", privateNoStore);
  const hits = await searchOwnNotes(q, { conferenceId, viewerId: viewer.id, limit: searchPageLimit });
  return personalJson({ sessions: hits.map(ownMatchToJson) });
}
