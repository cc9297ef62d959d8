import { getViewerFromRequest } from "@/lib/auth/viewer";
import { isCrossOriginWrite, jsonError, personalJson, privateNoStore } from "@/lib/http";
import { getTimeZonePreference, saveTimeZonePreference } from "@/lib/preferences/time-zone";
import { describeIssues } from "@/lib/validation/params";
import { timeZonePreferenceSchema } from "@/lib/validation/time-zone";

/** The zone I read times in: `{"timeZone": "Europe/London"}`, or null for each conference's own. */

const maxRequestBytes = 1_000;

export async function GET(request: Request) {
  const viewer = await getViewerFromRequest(request);
  if (!viewer) return jsonError(401, "Sign in to keep your time zone with your account", privateNoStore);
  return personalJson({ timeZone: await getTimeZonePreference(viewer.id) });
}

export async function PUT(request: Request) {
  if (isCrossOriginWrite(request)) return jsonError(403, "Your time zone can only be changed from this site", privateNoStore);
  const viewer = await getViewerFromRequest(request);
  if (!viewer) return jsonError(401, "Sign in to keep your time zone with your account", privateNoStore);
  if (Number(request.headers.get("content-length") ?? 0) > maxRequestBytes) return jsonError(413, "The request is too large", privateNoStore);
  const text = await request.text();
  if (text.length > maxRequestBytes) return jsonError(413, "The request is too large", privateNoStore);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return jsonError(400, 'Send JSON: {"timeZone": "Europe/London"} or {"timeZone": null}', privateNoStore);
  }
  const parsed = timeZonePreferenceSchema.safeParse(json);
  if (!parsed.success) return jsonError(400, describeIssues(parsed.error), privateNoStore);
  const timeZone = await saveTimeZonePreference(viewer.id, parsed.data.timeZone);
  return Response.json({ timeZone }, { headers: privateNoStore });
}
