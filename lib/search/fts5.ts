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
  const words = text.normalize("NFKC").toLowerCase().match(/[\p{L}\p{N}\p{M}]+/gu) ?? [];
  // Cut by code points, never inside a character.
  const terms = [...new Set(words.map((w) => Array.from(w).slice(0, maxTermLength).join("")))].slice(0, maxTerms);
  return terms.length ? terms.map((t) => `"${t}"*`).join(" ") : null;
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

/** Sessions whose text, or a public note (or one of the viewer's own), matches; best first. */
export async function rankSessions(db: Db, query: string, scope: SearchScope): Promise<RankedSession[]> {
  const filters: string[] = [];
  const params: (string | number | null)[] = [query, query, scope.viewerId, scope.conferenceId];
  if (scope.dayId !== undefined) {
    filters.push(`AND s."dayId" = ?`);
    params.push(scope.dayId);
  }
  if (scope.trackId !== undefined) {
    filters.push(`AND s."trackId" = ?`);
    params.push(scope.trackId);
  }
  params.push(scope.limit);
  // bm25 is lower-is-better; a title hit outweighs an abstract hit, and a note hit counts half.
  const rows = await db.$queryRawUnsafe<{ sessionId: bigint | number; score: number }[]>(
    `WITH hits AS (
       SELECT rowid AS "sessionId", bm25("session_search", 10.0, 4.0, 6.0, 3.0, 2.0, 1.0) AS score
       FROM "session_search" WHERE "session_search" MATCH ?
       UNION ALL
       SELECT n."sessionId", bm25("note_search") * 0.5
       FROM "note_search" JOIN "Note" n ON n."id" = "note_search".rowid
       WHERE "note_search" MATCH ? AND (n."visibility" = 'public' OR n."userId" = ?)
     )
     SELECT h."sessionId" AS "sessionId", sum(h.score) AS score
     FROM hits h JOIN "Session" s ON s."id" = h."sessionId"
     WHERE s."conferenceId" = ? ${filters.join(" ")}
     GROUP BY h."sessionId"
     ORDER BY score, s."startsAt"
     LIMIT ?`,
    ...params,
  );
  return rows.map((r) => ({ sessionId: Number(r.sessionId), score: Number(r.score) }));
}

export type Highlight = { sessionId: number; title: string; snippet: string | null };

/** Titles with the matched words marked, and the best-matching passage, for the given sessions. */
export async function highlightSessions(
  db: Db,
  query: string,
  sessionIds: number[],
  viewerId: string | null,
): Promise<Map<number, Highlight>> {
  const result = new Map<number, Highlight>();
  if (!sessionIds.length) return result;
  const ids = sessionIds.map((id) => Math.trunc(id)).join(",");
  const sessionRows = await db.$queryRawUnsafe<{ id: bigint | number; title: string; abstract: string }[]>(
    `SELECT rowid AS id,
       highlight("session_search", 0, char(2), char(3)) AS title,
       snippet("session_search", 5, char(2), char(3), '…', 24) AS abstract
     FROM "session_search" WHERE "session_search" MATCH ? AND rowid IN (${ids})`,
    query,
  );
  for (const row of sessionRows) {
    const snippet = row.abstract.includes(MARK_START) ? row.abstract : null;
    result.set(Number(row.id), { sessionId: Number(row.id), title: row.title, snippet });
  }
  const noteRows = await db.$queryRawUnsafe<{ sessionId: bigint | number; snippet: string }[]>(
    `SELECT n."sessionId" AS "sessionId", snippet("note_search", 0, char(2), char(3), '…', 24) AS snippet
     FROM "note_search" JOIN "Note" n ON n."id" = "note_search".rowid
     WHERE "note_search" MATCH ? AND n."sessionId" IN (${ids}) AND (n."visibility" = 'public' OR n."userId" = ?)
     ORDER BY bm25("note_search")`,
    query,
    viewerId,
  );
  for (const row of noteRows) {
    const id = Number(row.sessionId);
    const existing = result.get(id);
    if (existing?.snippet) continue;
    result.set(id, { sessionId: id, title: existing?.title ?? "", snippet: row.snippet });
  }
  return result;
}
