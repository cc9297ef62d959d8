import { getConference } from "@/lib/schedule/conference";
import { sessionDetailToJson } from "@/lib/schedule/api-shape";
import { getSessionDetail } from "@/lib/schedule/sessions";
import { jsonError, sharedPublic } from "@/lib/http";

export async function GET(_request: Request, { params }: RouteContext<"/api/conferences/[conf]/sessions/[slug]">) {
  const { conf, slug } = await params;
  const conference = await getConference(conf);
  if (!conference) return jsonError(404, `No conference "${conf}"`);
  const session = await getSessionDetail(conference, slug);
  if (!session) return jsonError(404, `No session "${slug}" at ${conference.name}`);
  return Response.json(sessionDetailToJson(session, conference.slug), { headers: sharedPublic });
}
