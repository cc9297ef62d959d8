/**
 * Search on SQLite's FTS5 (docs/decisions/0003-search-with-fts5.md): the SQLite
 * implementation of the search contract in lib/search/engine.ts, and the only
 * module that speaks FTS5. A second engine's search sits beside it.
 */
import { breather } from "../db/breather";
import type { Db } from "../db/client";
import { readRows } from "../db/sqlite";
import type { Highlight, OwnNoteMatch, RankedSession, SearchEngine, SearchScope } from "./contract";
import { MARK_START } from "./marks";
import { createNotesRefresher } from "./notes-refresh";
import { isShortTerm, searchTerms } from "./search-terms";

/**
 * Turns whatever a person typed into an FTS5 query that can never be a syntax
 * error: only runs of letters and digits survive, each quoted (so AND, NEAR,
 * `*` and quotes are plain text) and made a prefix ("kube" finds Kubernetes).
 * Returns null when nothing searchable is left.
 */
export function toFtsQuery(text: string): string | null {
  const terms = searchTerms(text);
  return terms.length ? prefixQuery(terms) : null;
}

/** Each term quoted and made a prefix: `"kube"* "swarm"*`. */
const prefixQuery = (terms: string[]) => terms.map((t) => `"${t}"*`).join(" ");

/** Where short words (search-terms.ts) are looked up: titles, names, tracks and rooms, never abstracts and notes. */
const headingColumns = "{title subtitle speakers track room}";
/** Every column a person's words may match: all but `scope`, which only the filters below use. */
const textColumns = "{title subtitle speakers track room abstract notes}";

/** The query for session_search, from `searchTerms`: like `prefixQuery`, with short words kept to the heading columns. */
function sessionQuery(terms: string[]): string {
  const query = terms
    .map((t) => (isShortTerm(t) ? `${headingColumns} : "${t}"*` : `"${t}"*`))
    .join(" ");
  return `${textColumns} : (${query})`;
}

/**
 * The scope filter on session_search: each row's `scope` column holds its
 * conference, day and track as tokens ("c3 d12 t7"; see the search_scope
 * migration), so FTS5 filters them itself instead of joining every match to "Session".
 * `withConference` is false when a rowid range already keeps the search inside the conference.
 */
function scopeFilter(scope: Pick<SearchScope, "conferenceId" | "dayId" | "trackId">, withConference: boolean): string | null {
  const tokens: string[] = [];
  if (withConference) tokens.push(`"c${Math.trunc(scope.conferenceId)}"`);
  if (scope.dayId !== undefined) tokens.push(`"d${Math.trunc(scope.dayId)}"`);
  if (scope.trackId !== undefined) tokens.push(`"t${Math.trunc(scope.trackId)}"`);
  return tokens.length ? `scope : (${tokens.join(" ")})` : null;
}

const scoped = (filter: string | null, query: string) => (filter ? `${filter} AND ${query}` : query);

/**
 * From this many matches on, a query is broad ("has", a word in most notes): ranking
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
 * Sessions are numbered as they are loaded, so a conference's sessions usually fill a
 * stretch of ids no other conference's session falls in. `bounds` finds that stretch
 * (two index lookups) and whether the conference has it to itself (one lookup per other
 * conference). When it has, the search is a rowid range, which FTS5 seeks to, and the
 * conference token is left out of the query: AND-ing a token every one of the
 * conference's sessions carries costs more than the rest of the match. When another
 * conference's sessions are interleaved (added by a later import), the token stays.
 * Each query comes as `@<name>` and `@<name>Scoped`: without the token and with it.
 */
const boundsCte = `bounds AS MATERIALIZED (
    SELECT lo, hi, lo IS NOT NULL AND NOT EXISTS (
        SELECT 1 FROM "Conference" other
        WHERE other."id" <> @conferenceId
          AND EXISTS (SELECT 1 FROM "Session" s WHERE s."conferenceId" = other."id" AND s."id" BETWEEN lo AND hi)
      ) AS alone
    FROM (SELECT (SELECT min("id") FROM "Session" WHERE "conferenceId" = @conferenceId) AS lo,
                 (SELECT max("id") FROM "Session" WHERE "conferenceId" = @conferenceId) AS hi)
  )`;

/** The match for `@<name>`, kept to the conference's stretch of ids. */
const within = (name: string) => `"session_search" MATCH (SELECT iif(alone, @${name}, @${name}Scoped) FROM bounds)
    AND rowid BETWEEN (SELECT lo FROM bounds) AND (SELECT hi FROM bounds)`;

/**
 * One statement. FTS5 hands matches over in rowid order, so `ORDER BY rowid LIMIT` ranks
 * the first matches and stops there; sorting by score comes after. When the limit is
 * reached the query is broad, and its first matches in the headings are ranked too.
 */
const rankSql = `WITH ${boundsCte},
  firsts AS MATERIALIZED (
    SELECT rowid AS sessionId, bm25("session_search", ${sessionWeights}) AS score
    FROM "session_search" WHERE ${within("everywhere")}
    ORDER BY rowid LIMIT ${broadMatchLimit}
  )
  SELECT sessionId, score FROM firsts
  UNION ALL
  SELECT * FROM (
    SELECT rowid, bm25("session_search", ${sessionWeights})
    FROM "session_search" WHERE (SELECT count(*) FROM firsts) = ${broadMatchLimit} AND ${within("headings")}
    ORDER BY rowid LIMIT ${broadMatchLimit}
  )
  ORDER BY score, sessionId
  LIMIT @limit`;

/**
 * The viewer's private notes that match. Starts from the viewer's own notes (an index on
 * userId), so its cost is theirs, not everyone's: CROSS JOIN fixes that order, where SQLite
 * would otherwise walk every note the words match. A null day or track filters nothing.
 */
const ownNotesRankSql = `SELECT n."sessionId" AS sessionId, bm25("note_search") * 0.5 AS score
  FROM "Note" n CROSS JOIN "note_search" CROSS JOIN "Session" s
  WHERE "note_search".rowid = n."id" AND s."id" = n."sessionId"
    AND n."userId" = @viewerId AND n."visibility" = 'private' AND "note_search" MATCH @query
    AND s."conferenceId" = @conferenceId
    AND (@dayId IS NULL OR s."dayId" = @dayId) AND (@trackId IS NULL OR s."trackId" = @trackId)`;

/** The viewer's own private notes that match, with the best passage of each: one statement, starting from their notes as `ownNotesRankSql` does. */
const ownNotesMatchSql = `SELECT n."sessionId" AS sessionId, bm25("note_search") * 0.5 AS score,
    snippet("note_search", 0, char(2), char(3), '…', 24) AS snippet
  FROM "Note" n CROSS JOIN "note_search" CROSS JOIN "Session" s
  WHERE "note_search".rowid = n."id" AND s."id" = n."sessionId"
    AND n."userId" = @viewerId AND n."visibility" = 'private' AND "note_search" MATCH @query
    AND s."conferenceId" = @conferenceId
    AND (@dayId IS NULL OR s."dayId" = @dayId) AND (@trackId IS NULL OR s."trackId" = @trackId)
  ORDER BY score, sessionId
  LIMIT @limit`;

/**
 * The sessions where the viewer's own private notes match, best first, each with the
 * note's best passage marked, and nothing else: the personal part of a search whose
 * public part is a cached page (docs/decisions/0017-signed-in-speed.md). Its cost is
 * the viewer's notes, not the conference's.
 */
export function matchOwnNotes(text: string, scope: SearchScope & { viewerId: string }): OwnNoteMatch[] {
  const terms = searchTerms(text);
  if (!terms.length) return [];
  return readRows<OwnNoteMatch>(ownNotesMatchSql, {
    viewerId: scope.viewerId,
    query: prefixQuery(terms),
    conferenceId: scope.conferenceId,
    dayId: scope.dayId ?? null,
    trackId: scope.trackId ?? null,
    limit: scope.limit,
  });
}

/**
 * Sessions whose text or public notes match, plus those where the viewer's own
 * private notes match; best first. `text` is what the person typed.
 */
export function rankSessions(text: string, scope: SearchScope): RankedSession[] {
  const terms = searchTerms(text);
  if (!terms.length) return [];
  const everywhere = sessionQuery(terms);
  const headings = `${headingColumns} : (${prefixQuery(terms)})`;
  const [unscopedFilter, scopedFilter] = [scopeFilter(scope, false), scopeFilter(scope, true)];
  const rows = readRows<{ sessionId: number; score: number }>(rankSql, {
    conferenceId: scope.conferenceId,
    everywhere: scoped(unscopedFilter, everywhere),
    everywhereScoped: scoped(scopedFilter, everywhere),
    headings: scoped(unscopedFilter, headings),
    headingsScoped: scoped(scopedFilter, headings),
    limit: scope.limit * 2,
  });
  const scores = new Map<number, number>();
  for (const row of rows) {
    if (!scores.has(row.sessionId)) scores.set(row.sessionId, row.score);
  }

  if (scope.viewerId) {
    const own = readRows<{ sessionId: number; score: number }>(ownNotesRankSql, {
      viewerId: scope.viewerId,
      query: prefixQuery(terms),
      conferenceId: scope.conferenceId,
      dayId: scope.dayId ?? null,
      trackId: scope.trackId ?? null,
    });
    for (const row of own) scores.set(row.sessionId, (scores.get(row.sessionId) ?? 0) + row.score);
  }
  return [...scores]
    .map(([sessionId, score]) => ({ sessionId, score }))
    .sort((a, b) => a.score - b.score || a.sessionId - b.sessionId)
    .slice(0, scope.limit);
}

/**
 * `+rowid IN` keeps SQLite from running the full-text query once per id: one scan, then a
 * filter; the rowid range, which FTS5 takes itself, keeps that scan to the ids' stretch of the index.
 */
const highlightSql = `SELECT rowid AS id,
    highlight("session_search", 0, char(2), char(3)) AS title,
    snippet("session_search", 5, char(2), char(3), '…', 24) AS abstract,
    snippet("session_search", 6, char(2), char(3), '…', 24) AS notes
  FROM "session_search"
  WHERE "session_search" MATCH @query AND rowid BETWEEN @lo AND @hi
    AND +rowid IN (SELECT value FROM json_each(@ids))`;

const ownNotesHighlightSql = `SELECT n."sessionId" AS sessionId, snippet("note_search", 0, char(2), char(3), '…', 24) AS snippet
  FROM "Note" n JOIN "note_search" ON "note_search".rowid = n."id"
  WHERE n."userId" = @viewerId AND n."visibility" = 'private' AND "note_search" MATCH @query
    AND n."sessionId" IN (SELECT value FROM json_each(@ids))`;

/** Titles with the matched words marked, and the best-matching passage, for the given sessions. */
export function highlightSessions(text: string, sessionIds: number[], viewerId: string | null): Map<number, Highlight> {
  const result = new Map<number, Highlight>();
  const terms = searchTerms(text);
  if (!sessionIds.length || !terms.length) return result;
  const ids = JSON.stringify(sessionIds.map((id) => Math.trunc(id)));
  const sessionRows = readRows<{ id: number; title: string; abstract: string; notes: string }>(highlightSql, {
    query: sessionQuery(terms), ids, lo: Math.min(...sessionIds), hi: Math.max(...sessionIds),
  });
  for (const row of sessionRows) {
    const snippet = [row.abstract, row.notes].find((passage) => passage.includes(MARK_START)) ?? null;
    result.set(row.id, { sessionId: row.id, title: row.title, snippet });
  }
  if (!viewerId) return result;
  for (const row of readRows<{ sessionId: number; snippet: string }>(ownNotesHighlightSql, { viewerId, query: prefixQuery(terms), ids })) {
    const existing = result.get(row.sessionId);
    if (existing?.snippet) continue;
    result.set(row.sessionId, { sessionId: row.sessionId, title: existing?.title ?? "", snippet: row.snippet });
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
  await refreshSessionNotes(db);
  for (const table of ["session_search", "note_search"]) await compactStepwise(db, table);
}

/** Pages of merged index one step writes: about 15 ms on the bench's 10,000 sessions. */
const mergePagesPerStep = 100;
const maxMergeSteps = 10_000;

/**
 * FTS5's 'optimize' in steps: 'merge' with a negative page count merges segments across levels,
 * as 'optimize' does, but stops after about that many pages, and a step that changes fewer than
 * two rows found nothing left to merge (sqlite.org/fts5.html, the 'merge' command). 'optimize' in
 * one statement held the server's one thread for 230 ms on the bench database after every import
 * that changed something; in steps, other requests get a turn between them.
 */
async function compactStepwise(db: Db, table: string): Promise<void> {
  const changes = async () => Number((await db.$queryRawUnsafe<{ n: bigint | number }[]>(`SELECT total_changes() AS n`))[0]!.n);
  const breathe = breather();
  for (let step = 0; step < maxMergeSteps; step++) {
    const before = await changes();
    await db.$executeRawUnsafe(`INSERT INTO "${table}" ("${table}", rank) VALUES ('merge', ${-mergePagesPerStep})`);
    // Another request's statement between the two reads only costs a step more.
    if ((await changes()) - before < 2) return;
    await breathe();
  }
}

/**
 * A session's public notes are rewritten into its search row after the save (notes-refresh.ts):
 * the note triggers mark the session in `session_notes_stale`
 * (prisma/migrations/20261202031500_session_notes_refresh).
 */
const refreshNotesSql = `
  UPDATE "session_search" SET "notes" = coalesce((SELECT group_concat(n."body", char(10)) FROM "Note" n
    WHERE n."sessionId" = "session_search".rowid AND n."visibility" = 'public'), '')
  WHERE rowid IN (SELECT "sessionId" FROM "session_notes_stale")`;

const sessionNotes = createNotesRefresher({
  hasMarks: () => readRows<{ stale: number }>(`SELECT 1 AS stale FROM "session_notes_stale" LIMIT 1`, []).length > 0,
  rewrite: async (db) => {
    const writer = db ?? (await import("../db/client")).db;
    // One transaction, which holds the write connection's turn: no note can be marked between the
    // rewrite and the clearing of its mark.
    await writer.$transaction([writer.$executeRawUnsafe(refreshNotesSql), writer.$executeRawUnsafe(`DELETE FROM "session_notes_stale"`)]);
  },
});

/** Rewrites the search rows of sessions whose public notes changed, if any; every note committed before the call is in the index after it. */
export const refreshSessionNotes = (db?: Db) => sessionNotes.refresh(db);

/** FTS5 behind the search contract; its statements answer at once, on the read connection. */
export const fts5Search: SearchEngine = {
  ...sessionNotes.afterRefresh({ rankSessions, highlightSessions }),
  // The viewer's own notes are in note_search, which the note's own triggers keep at once.
  matchOwnNotes: async (text, scope) => matchOwnNotes(text, scope),
  publicNotesChanged: sessionNotes.schedule,
  optimizeIndex: optimizeSearchIndex,
};
