import type { NextRequest } from "next/server";
import { z } from "zod";
import { jsonError, sharedPublic } from "@/lib/http";
import { href } from "@/lib/routes";
import { listConferenceChanges, maxChangesListed } from "@/lib/schedule/changes";
import { getConference } from "@/lib/schedule/conference";
import { instantSchema } from "@/lib/validation/instant";
import { describeIssues, searchParamsToRecord } from "@/lib/validation/params";

const querySchema = z.object({
  since: z.preprocess((value) => (value === "" ? undefined : value), instantSchema.optional()),
});

/** The conference's program changes, newest first: all recent ones, or those recorded after `since`. */
export async function GET(request: NextRequest, { params }: RouteContext<"/api/conferences/[conf]/changes">) {
  const { conf } = await params;
  const parsed = querySchema.safeParse(searchParamsToRecord(request.nextUrl.searchParams));
  if (!parsed.success) return jsonError(400, describeIssues(parsed.error));
  const conference = await getConference(conf);
  if (!conference) return jsonError(404, `No conference "${conf}"`);
  const changes = await listConferenceChanges(conference.id, { since: parsed.data.since });
  return Response.json(
    {
      changes: changes.map((change) => ({
        session: change.session.slug,
        title: change.session.title,
        url: href.session(conference.slug, change.session.slug),
        kind: change.kind,
        fields: change.fields,
        at: change.createdAt.toISOString(),
      })),
      limit: maxChangesListed,
    },
    { headers: sharedPublic },
  );
}
