import { getConference } from "@/lib/schedule/conference";
import { searchIndexBody } from "@/lib/schedule/search-index";
import { jsonError, sharedPublic } from "@/lib/http";

/**
 * The conference's public program as the browser's offline search indexes it
 * (docs/decisions/0023-offline-search.md). Public and the same for everyone, so cached
 * as the rest of the public API is; an import moves the program revision, which the
 * server's micro-cache checks for every /api/conferences/<conf>/… answer, and which
 * decides when the process reads the index again.
 */
export async function GET(_request: Request, { params }: RouteContext<"/api/conferences/[conf]/search-index">) {
  const { conf } = await params;
  const conference = await getConference(conf);
  if (!conference) return jsonError(404, `No conference "${conf}"`);
  return new Response(await searchIndexBody(conference), { headers: { ...sharedPublic, "Content-Type": "application/json" } });
}
