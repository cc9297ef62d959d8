/**
 * The app's URLs, built in one place so that a route's address is spelled once.
 * A plain module (no server-only): pages, route handlers, actions and client
 * components all import it. Path segments are encoded, which leaves a valid
 * slug unchanged and keeps anything else from breaking out of its segment.
 */

const segment = encodeURIComponent;
const conferencePath = (conf: string) => `/${segment(conf)}`;

/** `?a=1&b=2` (nothing for no values) and `#fragment`, appended to a path. */
function withQuery(path: string, query: Record<string, string | null | undefined> = {}, fragment?: string): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) if (value) params.set(key, value);
  const search = params.toString();
  return `${path}${search ? `?${search}` : ""}${fragment ? `#${fragment}` : ""}`;
}

export type ScheduleQuery = { day?: string | null; track?: string | null; q?: string | null; page?: number | null; view?: "list" | "grid" | null };

export const href = {
  /** The front page; `account: "deleted"` has it say so. */
  home: (notice?: { account: "deleted" }) => withQuery("/", notice),
  account: () => "/account",
  /** Organisers only: imports, followed URLs, API tokens. */
  manage: () => "/manage",
  /** Sign-in that comes back to `next` (a path on this site) afterwards; `star`, a session to star once in (lib/agenda/star-intent.ts). */
  signIn: (next?: string, star?: string | null) => withQuery("/sign-in", { next, star }),
  signUp: (next?: string, star?: string | null) => withQuery("/sign-up", { next, star }),

  /** The public address of a schedule view; page 1 is the address without `page`. */
  schedule: (conf: string, view: ScheduleQuery = {}) =>
    withQuery(`${conferencePath(conf)}/schedule`, {
      day: view.day,
      track: view.track,
      q: view.q,
      page: view.page && view.page > 1 ? String(view.page) : null,
      // The list is the default view and has no parameter (docs/decisions/0016-timetable-grid.md).
      view: view.view === "grid" ? "grid" : null,
    }),
  /** The cached page the proxy serves a filter without text from (docs/decisions/0005-static-public-pages.md). */
  scheduleViewPage: (conf: string, key: string) => `${conferencePath(conf)}/schedule/view/${key}`,
  scheduleExport: (conf: string, format: "ics" | "json" | "xml") => `${conferencePath(conf)}/schedule.${format}`,

  search: (conf: string, q?: string | null) => withQuery(`${conferencePath(conf)}/search`, { q }),
  /** The dynamic search, which includes the viewer's private notes: the way to them without JavaScript (`mine`, lib/validation/params.ts). */
  searchWithOwnNotes: (conf: string, q: string) => withQuery(`${conferencePath(conf)}/search`, { q, mine: "1" }),
  /** The cached results page the proxy serves every search from. */
  searchResultsPage: (conf: string, key: string) => `${conferencePath(conf)}/search/results/${key}`,

  session: (conf: string, slug: string) => `${conferencePath(conf)}/sessions/${segment(slug)}`,
  sessionCalendar: (conf: string, slug: string) => `${conferencePath(conf)}/sessions/${segment(slug)}.ics`,
  sessionNote: (conf: string, slug: string) => `${conferencePath(conf)}/sessions/${segment(slug)}/note`,

  speakers: (conf: string) => `${conferencePath(conf)}/speakers`,
  speaker: (conf: string, slug: string) => `${conferencePath(conf)}/speakers/${segment(slug)}`,

  /** What is on now, or at `at` (an instant as the page's `?at=` reads it). */
  now: (conf: string, at?: string | null) => withQuery(`${conferencePath(conf)}/now`, { at }),

  agenda: (conf: string, query?: { changed?: string; back?: string; calendar?: string; at?: string; seen?: "1" }, fragment?: string) =>
    withQuery(`${conferencePath(conf)}/me/agenda`, query, fragment),
  /** Where the star form posts without JavaScript. */
  agendaStar: (conf: string) => `${conferencePath(conf)}/me/agenda/star`,
  /** A private subscription URL; reached through a rewrite (next.config.ts). */
  agendaFeed: (conf: string, token: string) => `${conferencePath(conf)}/agenda/${segment(token)}.ics`,

  /** What imports changed, newest first. */
  changes: (conf: string) => `${conferencePath(conf)}/changes`,

  notes: (conf: string) => `${conferencePath(conf)}/me/notes`,
  notesExport: (conf: string) => `${conferencePath(conf)}/me/notes/export`,

  /** The JSON API. */
  api: {
    stars: (conf: string) => `/api/conferences/${segment(conf)}/me/stars`,
    star: (conf: string, slug: string) => `/api/conferences/${segment(conf)}/me/stars/${segment(slug)}`,
    note: (conf: string, slug: string) => `/api/conferences/${segment(conf)}/sessions/${segment(slug)}/note`,
    calendar: (conf: string) => `/api/conferences/${segment(conf)}/me/calendar`,
    /** My starred sessions that moved since I last saw (GET), and marking them seen (POST). */
    moved: (conf: string) => `/api/conferences/${segment(conf)}/me/moved`,
    timeZone: () => "/api/me/time-zone",
    /** An organiser's upload of the whole program (docs/decisions/0014-live-program.md). */
    program: (conf: string, query?: { dryRun?: "1" }) => withQuery(`/api/conferences/${segment(conf)}/program`, query),
    changes: (conf: string, since?: string | null) => withQuery(`/api/conferences/${segment(conf)}/changes`, { since }),
    /** Who is signed in, for the header (the route handlers' session check). */
    me: () => "/api/me",
    /** Every public address of a conference, for keeping it offline (docs/decisions/0021-offline-with-a-service-worker.md). */
    offlineManifest: (conf: string) => `/api/conferences/${segment(conf)}/offline-manifest`,
    /** The viewer's own private notes that match a search. */
    ownSearch: (conf: string, q: string) => withQuery(`/api/conferences/${segment(conf)}/me/search`, { q }),
    /** The public program for the browser's offline search (docs/decisions/0023-offline-search.md). */
    searchIndex: (conf: string) => `/api/conferences/${segment(conf)}/search-index`,
  },
};
