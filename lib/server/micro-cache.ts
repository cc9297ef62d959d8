import type { IncomingMessage, ServerResponse } from "node:http";
import { mayBeSignedIn } from "../auth/session-cookie-name";

/**
 * A few seconds of memory in front of Next.js for public pages and public API
 * answers: a burst of identical requests costs one render, and the rest are
 * answered without entering the framework (docs/decisions/0005-static-public-pages.md).
 * Only answers to requests without a session cookie are kept, and only those marked
 * shareable (`s-maxage`, no `Set-Cookie`; Next.js marks cached pages so, and the
 * public API says so itself), so nothing personal is ever stored. A request with a
 * session cookie may be served a kept answer, the same bytes Next.js would send it,
 * unless the answer varies on `Cookie` (the JSON search does: signed in, it is
 * personal); it is then marked private (docs/decisions/0017-signed-in-speed.md).
 */

type Entry = { status: number; headers: Record<string, string | string[]>; body: Buffer; expires: number; variesOnCookie: boolean; stamp: string | null };

/** What an answer to a request with a session cookie says, whatever it holds: no cache in front may keep it. */
const privateAnswer = { "cache-control": "private, no-store" } as const;

/**
 * Marks every shareable answer (`s-maxage`) to a request with a session cookie
 * private, as `serve` does for kept ones: a cached page sent to someone signed in is
 * public in what it holds, but a cache in front that does not know the session
 * cookie must not keep it.
 */
export function keepPrivateWhenSignedIn(req: IncomingMessage, res: ServerResponse): void {
  if (!mayBeSignedIn(req.headers.cookie)) return;
  const writeHead = res.writeHead.bind(res) as (...args: unknown[]) => ServerResponse;
  res.writeHead = ((status: number, ...rest: unknown[]) => {
    const headers = rest.find((arg) => typeof arg === "object" && arg !== null && !Array.isArray(arg)) as Record<string, unknown> | undefined;
    const cacheControl = String(headers?.["cache-control"] ?? headers?.["Cache-Control"] ?? res.getHeader("cache-control") ?? "");
    // s-maxage is what invites a shared cache; static assets (public, immutable, hashed names) stay as they are.
    if (/\bs-maxage\b/.test(cacheControl)) {
      if (headers) for (const name of Object.keys(headers)) if (name.toLowerCase() === "cache-control") delete headers[name];
      res.setHeader("cache-control", privateAnswer["cache-control"]);
    }
    return writeHead(status, ...rest);
  }) as ServerResponse["writeHead"];
}

export type MicroCacheOptions = {
  ttlMs: number;
  maxEntries: number;
  maxBodyBytes: number;
  /**
   * Asks the server for `url` again without cookies (gzipped or not), so that its answer
   * is kept anew. With it, a signed-in request for an answer that expired moments ago is
   * served that answer while the request without cookies replaces it: answers are only
   * ever kept from requests without a session cookie, so without this an audience that
   * is all signed in would never find one fresh.
   */
  refresh?: (url: string, gzip: boolean) => Promise<void>;
  /** The program revision a URL's answer depends on (lib/server/program-revisions.ts): an entry whose stamp moved is not served… */
  stampOf?: (url: string) => string;
  /**
   * …except for `staleMs` after this process saw the move (`movedAgo`, in ms): while one
   * request without cookies asks Next.js for the new answer, the others are given the
   * previous one, so a loaded page costs one render after an import, not a rush of them.
   */
  movedAgo?: (url: string) => number;
  staleMs?: number;
};

/** How long past its time a kept answer may still be served while it is being replaced, in TTLs. */
const staleTtls = 5;

export function createMicroCache({ ttlMs, maxEntries, maxBodyBytes, refresh, stampOf, movedAgo, staleMs = 0 }: MicroCacheOptions) {
  const stampFor = (key: string) => (stampOf ? stampOf(key.slice(3)) : null);
  /** The conference's revision moved less than `staleMs` ago: previous answers may still be served. */
  const inWindow = (key: string) => staleMs > 0 && movedAgo !== undefined && movedAgo(key.slice(3)) <= staleMs;
  const entries = new Map<string, Entry>();
  const refreshing = new Set<string>();
  /** key → the stamp a request without cookies is asking Next.js for, after a move. */
  const renderingAt = new Map<string, string>();

  function refreshInBackground(key: string) {
    if (!refresh || refreshing.has(key)) return;
    refreshing.add(key);
    refresh(key.slice(3), key.startsWith("gz ")).catch(() => {
      // The next request renders it instead.
    }).finally(() => refreshing.delete(key));
  }

  function keyFor(req: IncomingMessage): string | null {
    if (ttlMs <= 0 || (req.method !== "GET" && req.method !== "HEAD")) return null;
    const url = req.url ?? "/";
    // Static assets are Next.js's to serve; sign-in and sign-out answers are never shared.
    if (url.startsWith("/_next/") || url.startsWith("/api/auth/")) return null;
    // Client-side navigations ask for other representations of the same URL.
    if (req.headers.rsc || req.headers["next-router-state-tree"] || req.headers["next-router-prefetch"] || req.headers["next-action"]) return null;
    const gzip = /\bgzip\b/.test(String(req.headers["accept-encoding"] ?? ""));
    return `${gzip ? "gz" : "id"} ${url}`;
  }

  function serve(req: IncomingMessage, res: ServerResponse, key: string): boolean {
    const entry = entries.get(key);
    if (!entry) return false;
    const personal = mayBeSignedIn(req.headers.cookie);
    if (personal && entry.variesOnCookie) return false;
    const now = Date.now();
    let state = "HIT";
    const stamp = stampFor(key);
    if (entry.stamp !== stamp) {
      // An import moved the program since this was kept: served again only for a moment, and only while the new answer is on its way.
      const sameConference = entry.stamp !== null && stamp !== null && entry.stamp.split(":")[0] === stamp.split(":")[0];
      if (!sameConference || !inWindow(key) || entry.expires + staleTtls * ttlMs < now) {
        entries.delete(key);
        return false;
      }
      if (renderingAt.get(key) !== stamp) {
        // This request asks for the new answer (record() follows); someone signed in leaves that to a request without cookies.
        if (!personal) {
          if (renderingAt.size >= maxEntries) renderingAt.clear();
          renderingAt.set(key, stamp!);
        }
        return false;
      }
      state = "STALE";
    } else if (entry.expires < now) {
      // Someone signed in: this answer, a few seconds old, while a request without cookies replaces it.
      if (!personal || !refresh || entry.expires + staleTtls * ttlMs < now) {
        entries.delete(key);
        return false;
      }
      refreshInBackground(key);
      state = "STALE";
    }
    const headers = personal ? { ...entry.headers, ...privateAnswer } : entry.headers;
    res.writeHead(entry.status, { ...headers, "x-hallway-cache": state });
    res.end(req.method === "HEAD" ? undefined : entry.body);
    return true;
  }

  /** Watches the response Next.js writes and keeps it when it is shareable and was asked for without a session cookie. */
  function record(res: ServerResponse, key: string) {
    if (mayBeSignedIn(res.req.headers.cookie)) return;
    // Taken before Next.js renders: what it renders is at least this revision.
    const stamp = stampFor(key);
    // Just after a move, Next.js may answer with a previous copy (its own, or another instance's): not kept under the new stamp.
    const keepable = !inWindow(key);
    const chunks: Buffer[] = [];
    let size = 0;
    const writeHead = res.writeHead.bind(res) as (...args: unknown[]) => ServerResponse;
    // Headers given to writeHead are not visible to getHeaders(); move them there first.
    res.writeHead = ((status: number, ...rest: unknown[]) => {
      const headers = rest.find((arg) => typeof arg === "object" && arg !== null) as Record<string, string | string[]> | undefined;
      if (headers && !Array.isArray(headers)) {
        for (const [name, value] of Object.entries(headers)) if (value !== undefined) res.setHeader(name, value);
        return writeHead(status, ...rest.filter((arg) => arg !== headers));
      }
      return writeHead(status, ...rest);
    }) as ServerResponse["writeHead"];
    const write = res.write.bind(res) as (...args: unknown[]) => boolean;
    const end = res.end.bind(res) as (...args: unknown[]) => ServerResponse;
    const collect = (chunk: unknown, encoding?: unknown) => {
      if (chunk === undefined || chunk === null || typeof chunk === "function" || size > maxBodyBytes) return;
      const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as string, typeof encoding === "string" ? (encoding as BufferEncoding) : "utf8");
      size += buffer.length;
      chunks.push(buffer);
    };
    res.write = ((chunk: unknown, ...rest: unknown[]) => {
      collect(chunk, rest[0]);
      return write(chunk, ...rest);
    }) as ServerResponse["write"];
    res.end = ((chunk?: unknown, ...rest: unknown[]) => {
      collect(chunk, rest[0]);
      const result = end(chunk, ...rest);
      if (keepable) keep(res, key, chunks, size, stamp);
      // The next request after this one asks again (an answer that never ends leaves the key to the window's end).
      if (renderingAt.get(key) === stamp) renderingAt.delete(key);
      return result;
    }) as ServerResponse["end"];
  }

  function keep(res: ServerResponse, key: string, chunks: Buffer[], size: number, stamp: string | null) {
    const cacheControl = String(res.getHeader("cache-control") ?? "");
    if (res.statusCode !== 200 || size > maxBodyBytes || res.getHeader("set-cookie") || !/\bs-maxage=\d+/.test(cacheControl)) return;
    // A copy Next.js is replacing in the background (after its revalidation time, or just after an import) is not kept.
    if (res.getHeader("x-nextjs-cache") === "STALE") return;
    const headers: Record<string, string | string[]> = {};
    for (const [name, value] of Object.entries(res.getHeaders())) {
      if (value !== undefined && name !== "date" && name !== "connection" && name !== "keep-alive" && name !== "transfer-encoding") {
        headers[name] = Array.isArray(value) ? value : String(value);
      }
    }
    headers["content-length"] = String(size);
    entries.delete(key);
    const variesOnCookie = /(^|,)\s*(cookie|\*)\s*(,|$)/i.test(String(res.getHeader("vary") ?? ""));
    entries.set(key, { status: 200, headers, body: Buffer.concat(chunks, size), expires: Date.now() + ttlMs, variesOnCookie, stamp });
    while (entries.size > maxEntries) entries.delete(entries.keys().next().value!);
  }

  return { keyFor, serve, record, size: () => entries.size };
}
