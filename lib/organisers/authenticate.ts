import "server-only";
import { getViewerFromRequest, type Viewer } from "../auth/request-viewer";
import { db } from "../db/client";
import { isCrossOriginWrite, jsonError, privateNoStore } from "../http";
import { organiserFromApiToken } from "./api-tokens";

export type OrganiserAuth = { ok: true; organiser: Viewer; via: "session" | "token" } | { ok: false; response: Response };

const readMethods = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * Who is asking for an organiser's API: an `Authorization: Bearer <token>` (an API
 * token), else the session cookie, whose writes must come from this site (the same
 * origin check as every write). Answers 401 when signed out or the token is unknown or
 * revoked, 403 for an attendee or a cross-origin write.
 */
export async function authenticateOrganiser(request: Request): Promise<OrganiserAuth> {
  const authorization = request.headers.get("authorization");
  if (authorization !== null) {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization);
    if (!match) return { ok: false, response: jsonError(401, "Send the API token as `Authorization: Bearer <token>`", privateNoStore) };
    const check = await organiserFromApiToken(match[1]!);
    return check.ok ? { ok: true, organiser: check.organiser, via: "token" } : { ok: false, response: jsonError(check.status, check.error, privateNoStore) };
  }
  if (!readMethods.has(request.method) && isCrossOriginWrite(request)) {
    return { ok: false, response: jsonError(403, "Programs can only be changed from this site, or with an API token", privateNoStore) };
  }
  const viewer = await getViewerFromRequest(request);
  if (!viewer) return { ok: false, response: jsonError(401, "Sign in as an organiser, or send an organiser's API token", privateNoStore) };
  const organiser = await db.user.count({ where: { id: viewer.id, organiser: true } });
  if (!organiser) return { ok: false, response: jsonError(403, "Only organisers can change a conference's program", privateNoStore) };
  return { ok: true, organiser: viewer, via: "session" };
}
