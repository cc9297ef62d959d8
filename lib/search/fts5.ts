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
const shortTermColumns = "{title subtitle speakers track room}";
const shortTermLength = 2;

/** The query for session_search: like `toFtsQuery`, with short words kept to the heading columns. */
export function toSessionFtsQuery(text: string): string | null {
  const terms = searchTerms(text);
  if (!terms.length) return null;
  return terms
    .map((t) => (Array.from(t).length <= shortTermLength ? `${shortTermColumns} : "${t}"*` : `"${t}"*`))
    .join(" ");
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

// Column weights for bm25 (lower is better): title, subtitle, speakers, track, room, abstract, public notes.
const sessionWeights = "10.0, 4.0, 6.0, 3.0, 2.0, 1.0, 0.5";

/**
 * Sessions whose text or public notes match, plus those where the viewer's own
 * private notes match; best first. `text` is what the person typed.
 */
export async function rankSessions(db: Db, text: string, scope: SearchScope): Promise<RankedSession[]> {
  const sessionQuery = toSessionFtsQuery(text);
  if (!sessionQuery) return [];
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
  const rows = await db.$queryRawUnsafe<{ sessionId: bigint | number; score: number }[]>(
    `SELECT s."id" AS "sessionId", bm25("session_search", ${sessionWeights}) AS score
     FROM "session_search" JOIN "Session" s ON s."id" = "session_search".rowid
     WHERE "session_search" MATCH ? AND s."conferenceId" = ? ${filters.join(" ")}
     ORDER BY score, s."startsAt"
     LIMIT ?`,
    sessionQuery,
    scope.conferenceId,
    ...filterParams,
    scope.limit,
  );
  const scores = new Map(rows.map((r) => [Number(r.sessionId), Number(r.score)]));

  const noteQuery = toFtsQuery(text);
  if (scope.viewerId && noteQuery) {
    // Starts from the viewer's own notes (an index on userId), so its cost is theirs, not everyone's.
    const own = await db.$queryRawUnsafe<{ sessionId: bigint | number; score: number }[]>(
      `SELECT n."sessionId" AS "sessionId", bm25("note_search") * 0.5 AS score
       FROM "Note" n JOIN "note_search" ON "note_search".rowid = n."id"
       JOIN "Session" s ON s."id" = n."sessionId"
       WHERE n."userId" = ? AND n."visibility" = 'private' AND "note_search" MATCH ?
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
    .sort((a, b) => a.score - b.score)
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
  const ids = sessionIds.map((id) => Math.trunc(id)).join(",");
  // `+rowid` keeps SQLite from running the full-text query once per id: one scan, then a filter.
  const sessionRows = await db.$queryRawUnsafe<{ id: bigint | number; title: string; abstract: string; notes: string }[]>(
    `SELECT rowid AS id,
       highlight("session_search", 0, char(2), char(3)) AS title,
       snippet("session_search", 5, char(2), char(3), '…', 24) AS abstract,
       snippet("session_search", 6, char(2), char(3), '…', 24) AS notes
     FROM "session_search" WHERE "session_search" MATCH ? AND +rowid IN (${ids})`,
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
