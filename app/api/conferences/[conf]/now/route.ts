import type { NextRequest } from "next/server";
import { jsonError, sharedPublic } from "@/lib/http";
import { sessionToJson } from "@/lib/schedule/api-shape";
import { getConference } from "@/lib/schedule/conference";
import { getNowAndNext } from "@/lib/schedule/now";
import { atParamSchema } from "@/lib/validation/instant";
import { describeIssues, searchParamsToRecord } from "@/lib/validation/params";

/** What is on now and next in every room at `?at=<ISO 8601 instant>`, or at the real current time without it. */
export async function GET(request: NextRequest, { params }: { params: Promise<{ conf: string }> }) {
  const { conf } = await params;
  const parsed = atParamSchema.safeParse(searchParamsToRecord(request.nextUrl.searchParams));
  if (!parsed.success) return jsonError(400, describeIssues(parsed.error));
  const conference = await getConference(conf);
  if (!conference) return jsonError(404, `No conference "${conf}"`);
  const at = parsed.data.at ?? new Date();
  const rooms = await getNowAndNext(conference, at);
  return Response.json(
    {
      at: at.toISOString(),
      rooms: rooms.map(({ room, now, next }) => ({
        room,
        now: now && sessionToJson(now, conference.slug),
        next: next && sessionToJson(next, conference.slug),
      })),
    },
    // The real time changes the answer every minute; a given instant's answer changes only with the program.
    { headers: parsed.data.at ? sharedPublic : { "Cache-Control": "no-store" } },
  );
}
