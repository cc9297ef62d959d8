import { getViewerFromRequest } from "@/lib/auth/viewer";
import { jsonError, personalJson, privateNoStore } from "@/lib/http";

/**
 * Who is signed in, as the header's account link shows it: `{"name": "Ada", "id": "…"}` (the id
 * tells the service worker whose personal cache is whose, docs/decisions/0021). The
 * route handlers' session check (one prepared statement; better-auth decides every
 * unusual case) rather than better-auth's get-session endpoint, which costs several
 * times more on every page view (docs/decisions/0017-signed-in-speed.md).
 */
export async function GET(request: Request) {
  const viewer = await getViewerFromRequest(request);
  if (!viewer) return jsonError(401, "Not signed in", privateNoStore);
  return personalJson({ name: viewer.name, id: viewer.id });
}
