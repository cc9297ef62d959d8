/**
 * What the service worker (sw/sw.ts) does with each URL, and what "keep this
 * conference offline" saves, as plain functions both the worker and the tests
 * import (docs/decisions/0021-offline-with-a-service-worker.md). No DOM, no server.
 */

/** Every cache the worker keeps for one person starts with this; clearPersonalCaches deletes them all. */
export const personalCachePrefix = "hallway-personal-";
/** The public program of one conference: its pages and its public JSON. */
export const programCachePrefix = "hallway-program-";
/** What the worker remembers between runs: who is signed in, and what was saved when. */
export const metaCacheName = "hallway-meta";

/** What a page posts to the worker to have every personal cache deleted (at sign-out, or signed out with some left). */
export const clearPersonalMessage = "hallway:clear-personal";

export const programCacheName = (conf: string) => `${programCachePrefix}${conf}`;
export const personalCacheName = (userId: string) => `${personalCachePrefix}${userId}`;

/**
 * The notes outbox (components/notes/outbox-entry.ts): the tag a queued save registers
 * with Background Sync, and the message the worker posts to every page when it fires.
 */
export const outboxSyncTag = "hallway-notes-outbox";
export const flushOutboxMessage = "hallway:flush-outbox";

/** 15 MB of saved answers per conference, unless HALLWAY_OFFLINE_CAP_BYTES said otherwise at build time. */
export const defaultOfflineCapBytes = 15 * 1024 * 1024;

/** How long a page waits for the network before the saved copy is shown instead. */
export const networkTimeoutSeconds = 4;

/** Top-level paths that are not a conference. */
const notConferences = new Set(["api", "_next", "account", "sign-in", "sign-up", "manage", "icons", "sw.js", "icon.svg", "manifest.webmanifest", "favicon.ico"]);
const slug = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export type UrlKind =
  /** A conference page anyone sees: kept in that conference's program cache. */
  | { kind: "program-page"; conf: string }
  /** Public JSON worth having offline (the conference, its search index, its offline manifest). */
  | { kind: "program-json"; conf: string }
  /** My agenda, my notes, a note page, and the JSON the pages ask about me: the personal cache. */
  | { kind: "personal" }
  /** Built assets, named by their content: kept until a new version drops them. */
  | { kind: "static" }
  /** Everything else goes to the network untouched. */
  | { kind: "pass" };

/** How the worker treats a same-origin GET for `pathname`. */
export function classifyPath(pathname: string): UrlKind {
  if (pathname.startsWith("/_next/static/")) return { kind: "static" };
  const segments = pathname.split("/").filter(Boolean);
  if (segments[0] === "api") {
    if (segments[1] === "me") return { kind: "personal" };
    if (segments[1] !== "conferences" || !segments[2] || !slug.test(segments[2])) return { kind: "pass" };
    const [, , conf, part, , tail] = segments;
    if (part === "me") return { kind: "personal" };
    if (part === "sessions" && tail === "note") return { kind: "personal" };
    if (segments.length === 3 || (segments.length === 4 && (part === "search-index" || part === "offline-manifest"))) {
      return { kind: "program-json", conf };
    }
    return { kind: "pass" };
  }
  const [conf, section, , tail] = segments;
  if (!conf || notConferences.has(conf) || !slug.test(conf)) return { kind: "pass" };
  if (section === "me") return { kind: "personal" };
  if (section === "sessions" && tail === "note") return { kind: "personal" };
  // Exports and feeds are downloads, not pages to read offline; the agenda feed is private.
  if (/\.(ics|json|xml)$/.test(pathname) || section === "agenda") return { kind: "pass" };
  return { kind: "program-page", conf };
}

/**
 * The key a saved page is found under. Search results come from the saved search
 * page, which searches the saved index itself (offline search reads `q` from the
 * address); `at` only moves the now-line, which the page draws from the clock.
 */
export function offlineLookupPath(url: URL): string {
  const segments = url.pathname.split("/").filter(Boolean);
  if (segments.length === 2 && segments[1] === "search") return url.pathname;
  const params = new URLSearchParams(url.search);
  params.delete("at");
  params.sort();
  const search = params.toString();
  return `${url.pathname}${search ? `?${search}` : ""}`;
}

export type OfflineManifest = {
  conference: string;
  /** The conference's program revision: a new one means the saved pages are out of date. */
  revision: number;
  /** The schedule: every day's list and grid, /now, search, speakers, changes. */
  schedule: string[];
  sessions: string[];
  speakers: string[];
  /** A big day's further list pages (60 sessions each), saved last: each session has its own page already. */
  morePages: string[];
  /** Public JSON: the conference and the search index. */
  data: string[];
};

export type SaveOutcome = {
  conference: string;
  revision: number;
  pages: number;
  bytes: number;
  /** Epoch milliseconds of the save's end. */
  savedAt: number;
  /** Null when everything fit; otherwise what was left out, as a sentence. */
  capped: string | null;
  failed: number;
};

/** The order things are saved in, so a cap cuts the least needed: the schedule first, then sessions, speakers, a big day's further list pages. */
export function urlsToSave(manifest: OfflineManifest): string[] {
  return [...manifest.data, ...manifest.schedule, ...manifest.sessions, ...manifest.speakers, ...manifest.morePages];
}

const count = (n: number) => n.toLocaleString("en-GB");

export function formatBytes(bytes: number): string {
  if (bytes < 1024 * 1024) return `${Math.max(1, Math.round(bytes / 1024))} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1).replace(/\.0$/, "")} MB`;
}

/** "Saved the schedule and 800 of 10,000 sessions: the 15 MB limit". */
export function capMessage(manifest: OfflineManifest, savedUrls: ReadonlySet<string>, capBytes: number): string {
  const sessions = manifest.sessions.filter((url) => savedUrls.has(url)).length;
  const speakers = manifest.speakers.filter((url) => savedUrls.has(url)).length;
  const schedule = manifest.schedule.every((url) => savedUrls.has(url));
  const limit = `the ${formatBytes(capBytes)} limit`;
  if (!schedule) {
    const pages = manifest.schedule.filter((url) => savedUrls.has(url)).length;
    return `Saved ${count(pages)} of ${count(manifest.schedule.length)} schedule pages and no sessions: ${limit}`;
  }
  if (sessions < manifest.sessions.length) return `Saved the schedule and ${count(sessions)} of ${count(manifest.sessions.length)} sessions: ${limit}`;
  if (speakers < manifest.speakers.length) return `Saved the schedule, every session and ${count(speakers)} of ${count(manifest.speakers.length)} speakers: ${limit}`;
  const more = manifest.morePages.filter((url) => savedUrls.has(url)).length;
  return `Saved the schedule, every session and speaker, and ${count(more)} of ${count(manifest.morePages.length)} further list pages: ${limit}`;
}

/** "Saved 187 pages, 2.1 MB, at 14:05", in the reader's own clock. */
export function describeOutcome(outcome: SaveOutcome, timeZone?: string): string {
  const at = new Date(outcome.savedAt).toLocaleTimeString("en-GB", { hour: "2-digit", minute: "2-digit", timeZone });
  const saved = `${count(outcome.pages)} ${outcome.pages === 1 ? "page" : "pages"}, ${formatBytes(outcome.bytes)}, at ${at}`;
  const failed = outcome.failed > 0 ? ` (${count(outcome.failed)} could not be fetched)` : "";
  return outcome.capped ? `${outcome.capped}. ${saved}${failed}.` : `Saved ${saved}${failed}.`;
}
