/**
 * Search on SQLite's FTS5 (docs/decisions/0003-search-with-fts5.md). This is
 * the only module that speaks FTS5; a PostgreSQL deployment would put a
 * tsvector implementation of the same functions beside it.
 */
import type { Db } from "../db/client";

/** Marks around matched words in highlights: control characters no user text can carry through. */
export const MARK_START = "\u0002";
export const MARK_END = "\u0003";

const maxTerms = 12;
const maxTermLength = 64;

/**
 * Turns whatever a person typed into an FTS5 query that can never be a syntax
 * error: only runs of letters and digits survive, each quoted (so AND, NEAR,
 * `*` and quotes are plain text) and made a prefix ("kube" finds Kubernetes).
 * Returns null when nothing searchable is left.
 */
export function toFtsQuery(text: string): string | null {
  const terms = searchTerms(text);
  return terms.length ? terms.map((t) => `"${t}"*`).join(" ") : null;
}

/** The distinct runs of letters and digits in what was typed, lower-cased and capped. */
function searchTerms(text: string): string[] {
  const words = text.normalize("NFKC").toLowerCase().match(/[\p{L}\p{N}\p{M}]+/gu) ?? [];
  // Cut by code points, never inside a character.
  return [...new Set(words.map((w) => Array.from(w).slice(0, maxTermLength).join("")))].slice(0, maxTerms);
}

/**
 * Words of one or two letters match a great many rows as prefixes; they are
 * looked up in titles, names, tracks and rooms only, never in abstracts and notes.
 */
const headingColumns = "{title subtitle speakers track room}";
const shortTermLength = 2;
/** Every column a person's words may match: all but `scope`, which only the filters below use. */
const textColumns = "{title subtitle speakers track room abstract notes}";

/** The query for session_search: like `toFtsQuery`, with short words kept to the heading columns. */
export function toSessionFtsQuery(text: string): string | null {
  const terms = searchTerms(text);
  if (!terms.length) return null;
  const query = terms
    .map((t) => (Array.from(t).length <= shortTermLength ? `${headingColumns} : "${t}"*` : `"${t}"*`))
    .join(" ");
  return `${textColumns} : (${query})`;
}

export type RankedSession = { sessionId: number; score: number };

export type SearchScope = {
  conferenceId: number;
  /** Whose private notes may match besides public ones; null for a signed-out visitor. */
  viewerId: string | null;
  dayId?: number;
  trackId?: number;
  limit: number;
};

/**
 * The scope filter on session_search: each row's `scope` column holds its
 * conference, day and track as tokens ("c3 d12 t7"; see the search_scope
 * migration), so FTS5 filters them itself instead of joining every match to "Session".
 */
function scopeFilter(scope: Pick<SearchScope, "conferenceId" | "dayId" | "trackId">): string {
  const tokens = [`"c${Math.trunc(scope.conferenceId)}"`];
  if (scope.dayId !== undefined) tokens.push(`"d${Math.trunc(scope.dayId)}"`);
  if (scope.trackId !== undefined) tokens.push(`"t${Math.trunc(scope.trackId)}"`);
  return `scope : (${tokens.join(" ")})`;
}

/**
 * Past this many matches a query is broad ("has", a word in most notes): ranking
 * every match would cost a millisecond per thousand and tell little, since bm25
 * gives a word found in most sessions almost no weight. A broad query is ranked
 * over its first `broadMatchLimit` matches (in index order) together with its first
 * `broadMatchLimit` matches in titles, speakers, tracks and rooms, so that what
 * names the word in its title still comes first
 * (docs/decisions/0010-search-scope-and-broad-queries.md).
 */
export const broadMatchLimit = 500;

// Column weights for bm25 (lower is better): title, subtitle, speakers, track, room, abstract, public notes, scope.
const sessionWeights = "10.0, 4.0, 6.0, 3.0, 2.0, 1.0, 0.5, 0.0";

/**
 * Sessions whose text or public notes match, plus those where the viewer's own
 * private notes match; best first. `text` is what the person typed.
 */
export async function rankSessions(db: Db, text: string, scope: SearchScope): Promise<RankedSession[]> {
  const terms = searchTerms(text);
  if (!terms.length) return [];
  const filter = scopeFilter(scope);
  const everywhere = `${filter} AND ${toSessionFtsQuery(text)}`;
  const inHeadings = `${filter} AND ${headingColumns} : (${terms.map((t) => `"${t}"*`).join(" ")})`;
  // One statement: the cap is the rowid of the (limit + 1)th match, found by walking the index
  // in rowid order, which costs next to nothing; the headings branch runs only for a broad query.
  const last = `(SELECT rowid FROM "session_search" WHERE "session_search" MATCH ? ORDER BY rowid LIMIT 1 OFFSET ${broadMatchLimit})`;
  const rows = await db.$queryRawUnsafe<{ sessionId: bigint | number; score: number }[]>(
    `SELECT rowid AS "sessionId", bm25("session_search", ${sessionWeights}) AS score
     FROM "session_search" WHERE "session_search" MATCH ? AND rowid <= coalesce(${last}, 9223372036854775807)
     UNION ALL
     SELECT rowid, bm25("session_search", ${sessionWeights})
     FROM "session_search" WHERE "session_search" MATCH ? AND ${last} IS NOT NULL AND rowid <= coalesce(${last}, 9223372036854775807)
     ORDER BY score, "sessionId"
     LIMIT ?`,
    everywhere, everywhere,
    inHeadings, everywhere, inHeadings,
    scope.limit * 2,
  );
  const scores = new Map<number, number>();
  for (const row of rows) {
    const id = Number(row.sessionId);
    if (!scores.has(id)) scores.set(id, Number(row.score));
  }

  const noteQuery = toFtsQuery(text);
  if (scope.viewerId && noteQuery) {
    const filters: string[] = [];
    const filterParams: number[] = [];
    if (scope.dayId !== undefined) {
      filters.push(`AND s."dayId" = ?`);
      filterParams.push(scope.dayId);
    }
    if (scope.trackId !== undefined) {
      filters.push(`AND s."trackId" = ?`);
      filterParams.push(scope.trackId);
    }
    // Starts from the viewer's own notes (an index on userId), so its cost is theirs, not everyone's:
    // CROSS JOIN fixes that order, where SQLite would otherwise walk every note the words match.
    const own = await db.$queryRawUnsafe<{ sessionId: bigint | number; score: number }[]>(
      `SELECT n."sessionId" AS "sessionId", bm25("note_search") * 0.5 AS score
       FROM "Note" n CROSS JOIN "note_search" CROSS JOIN "Session" s
       WHERE "note_search".rowid = n."id" AND s."id" = n."sessionId"
         AND n."userId" = ? AND n."visibility" = 'private' AND "note_search" MATCH ?
         AND s."conferenceId" = ? ${filters.join(" ")}`,
      scope.viewerId,
      noteQuery,
      scope.conferenceId,
      ...filterParams,
    );
    for (const row of own) {
      const id = Number(row.sessionId);
      scores.set(id, (scores.get(id) ?? 0) + Number(row.score));
    }
  }
  return [...scores]
    .map(([sessionId, score]) => ({ sessionId, score }))
    .sort((a, b) => a.score - b.score || a.sessionId - b.sessionId)
    .slice(0, scope.limit);
}

export type Highlight = { sessionId: number; title: string; snippet: string | null };

/** Titles with the matched words marked, and the best-matching passage, for the given sessions. */
export async function highlightSessions(
  db: Db,
  text: string,
  sessionIds: number[],
  viewerId: string | null,
): Promise<Map<number, Highlight>> {
  const result = new Map<number, Highlight>();
  const sessionQuery = toSessionFtsQuery(text);
  if (!sessionIds.length || !sessionQuery) return result;
  const wanted = sessionIds.map((id) => Math.trunc(id));
  const ids = wanted.join(",");
  // `+rowid IN` keeps SQLite from running the full-text query once per id: one scan, then a
  // filter; the rowid range, which FTS5 takes itself, keeps that scan to the ids' stretch of the index.
  const sessionRows = await db.$queryRawUnsafe<{ id: bigint | number; title: string; abstract: string; notes: string }[]>(
    `SELECT rowid AS id,
       highlight("session_search", 0, char(2), char(3)) AS title,
       snippet("session_search", 5, char(2), char(3), '…', 24) AS abstract,
       snippet("session_search", 6, char(2), char(3), '…', 24) AS notes
     FROM "session_search" WHERE "session_search" MATCH ? AND +rowid IN (${ids})
       AND rowid BETWEEN ${Math.min(...wanted)} AND ${Math.max(...wanted)}`,
    sessionQuery,
  );
  for (const row of sessionRows) {
    const snippet = [row.abstract, row.notes].find((passage) => passage.includes(MARK_START)) ?? null;
    result.set(Number(row.id), { sessionId: Number(row.id), title: row.title, snippet });
  }
  const noteQuery = toFtsQuery(text);
  if (!viewerId || !noteQuery) return result;
  const ownRows = await db.$queryRawUnsafe<{ sessionId: bigint | number; snippet: string }[]>(
    `SELECT n."sessionId" AS "sessionId", snippet("note_search", 0, char(2), char(3), '…', 24) AS snippet
     FROM "Note" n JOIN "note_search" ON "note_search".rowid = n."id"
     WHERE n."userId" = ? AND n."visibility" = 'private' AND n."sessionId" IN (${ids}) AND "note_search" MATCH ?`,
    viewerId,
    noteQuery,
  );
  for (const row of ownRows) {
    const id = Number(row.sessionId);
    const existing = result.get(id);
    if (existing?.snippet) continue;
    result.set(id, { sessionId: id, title: existing?.title ?? "", snippet: row.snippet });
  }
  return result;
}

/**
 * Merges each search index into one segment and drops what deletes left behind.
 * Every rewrite of a session's row (a public note saved, a re-import) leaves the
 * old entries in the index until segments merge; a compact index answers a broad
 * query about a third faster. Run after bulk loads and at start-up: a second or two
 * on 10,000 sessions with 50,000 notes, milliseconds on a small conference.
 */
export async function optimizeSearchIndex(db: Db): Promise<void> {
  await db.$executeRawUnsafe(`INSERT INTO "session_search" ("session_search") VALUES ('optimize')`);
  await db.$executeRawUnsafe(`INSERT INTO "note_search" ("note_search") VALUES ('optimize')`);
}
