/** `Cache-Control` for anything personal: never stored by a browser or a shared cache. */
export const privateNoStore = { "Cache-Control": "private, no-store" } as const;

/**
 * The public program, the same for everyone: shared caches (and the server's own
 * micro-cache, lib/server/micro-cache.ts) may keep it as long as the cached pages
 * live; browsers ask again each time.
 */
export const sharedPublic = { "Cache-Control": "public, max-age=0, s-maxage=300" } as const;

/**
 * JSON error bodies are always `{"error": "<what is wrong>"}`. One sent with
 * privateNoStore is personal, and goes out as personalJson sends it.
 */
export function jsonError(status: 400 | 401 | 403 | 404 | 409 | 412 | 413 | 415 | 428 | 429, error: string, headers?: HeadersInit) {
  const all = new Headers(headers);
  if (all.get("cache-control") === privateNoStore["Cache-Control"]) return personalJson({ error }, { status, headers: all });
  return Response.json({ error }, { status, headers: all });
}

/**
 * Personal JSON, never stored (privateNoStore). Next.js gzips every route-handler
 * response however short (it drops Content-Length, so its compression's 1 KB
 * threshold never applies); below 1 KB that costs more CPU at both ends than it
 * saves in bytes, so such answers also say `no-transform`, which it honours.
 */
export function personalJson(data: unknown, init: { status?: number; headers?: HeadersInit } = {}): Response {
  const body = JSON.stringify(data);
  const headers = new Headers(init.headers);
  headers.set("Content-Type", "application/json");
  headers.set("Cache-Control", Buffer.byteLength(body) < 1024 ? `${privateNoStore["Cache-Control"]}, no-transform` : privateNoStore["Cache-Control"]);
  return new Response(body, { status: init.status, headers });
}

/** A form post's answer that sends the browser on (303, so it asks with GET); personal, since it follows someone's action. */
export function seeOther(location: string): Response {
  return new Response(null, { status: 303, headers: { ...privateNoStore, Location: location } });
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

/** The first value of a header a chain of proxies may have appended to ("a, b"), or null. */
function firstForwarded(headers: Pick<Headers, "get">, name: string): string | null {
  return headers.get(name)?.split(",")[0]?.trim() || null;
}

/** This server's own origins for a request: its URL's, the Host (or X-Forwarded-Host) it was reached at, and HALLWAY_URL. */
export function ownOrigins(request: Request): Set<string> {
  const url = new URL(request.url);
  const origins = new Set([url.origin]);
  const host = firstForwarded(request.headers, "x-forwarded-host") || request.headers.get("host");
  const proto = firstForwarded(request.headers, "x-forwarded-proto") || url.protocol.replace(/:$/, "");
  if (host) origins.add(`${proto}://${host}`);
  const configured = configuredOrigin();
  if (configured) origins.add(configured);
  return origins;
}

/** HALLWAY_URL's origin, or null when it is unset or malformed (the request's own origin then counts). */
function configuredOrigin(): string | null {
  if (!process.env.HALLWAY_URL) return null;
  try {
    return new URL(process.env.HALLWAY_URL).origin;
  } catch {
    return null;
  }
}

/**
 * The origin people reach this site at: HALLWAY_URL when set (behind a proxy), else
 * the one the request came to. Takes a route handler's request, or a page's
 * `headers()` (which has no URL, so the Host header alone names it).
 */
export function publicOrigin(from: Request | Pick<Headers, "get">): string {
  const configured = configuredOrigin();
  if (configured) return configured;
  const headers = "url" in from ? from.headers : from;
  const url = "url" in from ? new URL(from.url) : null;
  const host = firstForwarded(headers, "x-forwarded-host") || headers.get("host") || url?.host || "localhost";
  const proto = firstForwarded(headers, "x-forwarded-proto") || url?.protocol.replace(/:$/, "") || "http";
  return `${proto}://${host}`;
}
