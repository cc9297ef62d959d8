/**
 * The JSON of `GET /api/conferences/<conf>/search-index`, which the browser's offline
 * search indexes (docs/decisions/0023-offline-search.md). A plain module: the route
 * writes it, the browser reads it.
 */

export type SearchIndexSession = {
  slug: string;
  title: string;
  subtitle?: string;
  /** keynote | talk | workshop | lightning | panel | break | other */
  kind: string;
  /** Present, and true, only for a cancelled session. */
  cancelled?: true;
  /** The conference-local date, "YYYY-MM-DD". */
  day: string;
  /** ISO 8601 UTC, to the second. */
  startsAt: string;
  endsAt: string;
  /** Positions in `tracks`, `rooms` and `speakers`; absent when the session has none. */
  track?: number;
  room?: number;
  speakers?: number[];
  /** The abstract as plain text; in a big conference only its start, cut at a word boundary (then ending in "…"). */
  abstract?: string;
};

export type SearchIndexJson = {
  version: 1;
  conference: { slug: string; name: string; timeZone: string };
  /** The program revision it was read at (docs/decisions/0014-live-program.md). */
  revision: number;
  tracks: { slug: string; name: string; color: string }[];
  rooms: { slug: string; name: string }[];
  speakers: { slug: string; name: string }[];
  sessions: SearchIndexSession[];
};
