import { getViewerFromRequest } from "@/lib/auth/viewer";
import { setStar } from "@/lib/agenda/agenda";
import { isCrossOriginWrite, jsonError, privateNoStore } from "@/lib/http";
import { findSession } from "@/lib/schedule/sessions";

/** PUT stars a session, DELETE unstars it; both are idempotent and answer 204. */

type Context = { params: Promise<{ conf: string; slug: string }> };

async function changeStar(request: Request, context: Context, starred: boolean) {
  if (isCrossOriginWrite(request)) return jsonError(403, "Your agenda can only be changed from this site", privateNoStore);
  const { conf, slug } = await context.params;
  const session = await findSession(conf, slug, { id: true });
  if (!session) return jsonError(404, `No session "${slug}" at conference "${conf}"`, privateNoStore);
  const viewer = await getViewerFromRequest(request);
  if (!viewer) return jsonError(401, "Sign in to keep an agenda", privateNoStore);
  await setStar(viewer.id, session.id, starred);
  return new Response(null, { status: 204, headers: privateNoStore });
}

export function PUT(request: Request, context: Context) {
  return changeStar(request, context, true);
}

export function DELETE(request: Request, context: Context) {
  return changeStar(request, context, false);
}
