import { getConference } from "@/lib/schedule/conference";
import { conferenceToJson } from "@/lib/schedule/api-shape";
import { jsonError, sharedPublic } from "@/lib/http";

export async function GET(_request: Request, { params }: RouteContext<"/api/conferences/[conf]">) {
  const { conf } = await params;
  const conference = await getConference(conf);
  if (!conference) return jsonError(404, `No conference "${conf}"`);
  return Response.json(conferenceToJson(conference), { headers: sharedPublic });
}
