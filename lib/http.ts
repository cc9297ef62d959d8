/** JSON error bodies are always `{"error": "<what is wrong>"}`. */
export function jsonError(status: 400 | 401 | 403 | 404 | 409 | 412 | 413 | 415 | 428 | 429, error: string, headers?: HeadersInit) {
  return Response.json({ error }, { status, headers });
}

/** `Cache-Control` for anything personal: never stored by a browser or a shared cache. */
export const privateNoStore = { "Cache-Control": "private, no-store" } as const;

/**
 * The public program, the same for everyone: shared caches (and the server's own
 * micro-cache, lib/server/micro-cache.ts) may keep it as long as the cached pages
 * live; browsers ask again each time.
 */
export const sharedPublic = { "Cache-Control": "public, max-age=0, s-maxage=300" } as const;

/**
 * Personal JSON, never stored (privateNoStore). Next.js gzips every route-handler
 * response however short (it drops Content-Length, so its compression's 1 KB
 * threshold never applies); below 1 KB that costs more CPU at both ends than it
 * saves in bytes, so such answers also say `no-transform`, which it honours.
 */
export function personalJson(data: unknown, init: { status?: number; headers?: Record<string, string> } = {}): Response {
  const body = JSON.stringify(data);
  const cacheControl = Buffer.byteLength(body) < 1024 ? `${privateNoStore["Cache-Control"]}, no-transform` : privateNoStore["Cache-Control"];
  return new Response(body, { status: init.status, headers: { ...init.headers, "Content-Type": "application/json", "Cache-Control": cacheControl } });
}

/** The strong ETag of a versioned resource: `"3"`. */
export function versionETag(version: number): string {
  return `"${version}"`;
}

/**
 * The version an `If-Match` names: null when absent or `"0"` ("I believe there is
 * none"), a number for `"3"` (or `W/"3"`), undefined when it is not a version.
 */
export function parseIfMatchVersion(header: string | null): number | null | undefined {
  if (header === null || header.trim() === "") return null;
  const match = /^(?:W\/)?"(\d{1,9})"$/.exec(header.trim());
  if (!match) return undefined;
  const version = Number(match[1]);
  return version === 0 ? null : version;
}

/**
 * True when a cookie-authenticated write comes from another site: a browser says
 * so in `Sec-Fetch-Site`, and always sends `Origin` on PUT, POST and DELETE, which
 * must then be this server's own origin. A request with neither header is not
 * from a browser page, so it carries no one's cookies but its sender's.
 */
export function isCrossOriginWrite(request: Request): boolean {
  const site = request.headers.get("sec-fetch-site");
  if (site === "cross-site" || site === "same-site") return true;
  const origin = request.headers.get("origin");
  if (origin === null) return site !== null && site !== "same-origin" && site !== "none";
  return !ownOrigins(request).has(origin);
}

/** This server's own origins for a request: its URL's, the Host (or X-Forwarded-Host) it was reached at, and HALLWAY_URL. */
export function ownOrigins(request: Request): Set<string> {
  const url = new URL(request.url);
  const origins = new Set([url.origin]);
  const host = request.headers.get("x-forwarded-host")?.split(",")[0]?.trim() || request.headers.get("host");
  const proto = request.headers.get("x-forwarded-proto")?.split(",")[0]?.trim() || url.protocol.replace(/:$/, "");
  if (host) origins.add(`${proto}://${host}`);
  if (process.env.HALLWAY_URL) {
    try {
      origins.add(new URL(process.env.HALLWAY_URL).origin);
    } catch {
      // A malformed HALLWAY_URL names no origin; the request's own still counts.
    }
  }
  return origins;
}

/** The origin people reach this site at: HALLWAY_URL when set (behind a proxy), else the request's own. */
export function publicOrigin(request: Request): string {
  if (process.env.HALLWAY_URL) {
    try {
      return new URL(process.env.HALLWAY_URL).origin;
    } catch {
      // Fall back to the request below.
    }
  }
  const url = new URL(request.url);
  const host = request.headers.get("x-forwarded-host")?.split(",")[0]?.trim() || request.headers.get("host") || url.host;
  const proto = request.headers.get("x-forwarded-proto")?.split(",")[0]?.trim() || url.protocol.replace(/:$/, "");
  return `${proto}://${host}`;
}
