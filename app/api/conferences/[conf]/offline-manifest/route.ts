import { jsonError, sharedPublic } from "@/lib/http";
import { getOfflineManifest } from "@/lib/offline/offline-manifest";

/** The public addresses "keep this conference offline" saves, with the program revision they belong to. */
export async function GET(_request: Request, { params }: RouteContext<"/api/conferences/[conf]/offline-manifest">) {
  const { conf } = await params;
  const manifest = await getOfflineManifest(conf);
  if (!manifest) return jsonError(404, `No conference "${conf}"`);
  return Response.json(manifest, { headers: sharedPublic });
}
