/**
 * Search on PostgreSQL's full-text search: the PostgreSQL implementation of the search
 * contract in lib/search/engine.ts, beside fts5.ts, with the same tests (docs/decisions/0018-postgresql.md). The index is
 * session_search and note_search, kept by the triggers of
 * prisma/postgresql/migrations/*_search_index (a session's row rebuilt once per transaction, at
 * commit: *_search_once_per_transaction; its public notes after the save, *_session_notes_after_save,
 * through notes-refresh.ts as on FTS5); words go through the `hallway_search`
 * configuration (simple + unaccent: case and accents ignored, no stemming, as FTS5's unicode61).
 */
import type { Db } from "../db/client";
import { readPostgresRows } from "../db/postgres";
import type { Highlight, OwnNoteMatch, RankedSession, SearchEngine, SearchScope } from "./contract";
import { MARK_END, MARK_START } from "./marks";
import { createNotesRefresher } from "./notes-refresh";
import { isShortTerm, searchTerms } from "./search-terms";

/**
 * A tsquery term from a search term: quoted, so nothing in it is syntax (the terms are runs of
 * letters and digits, never a quote or a backslash), and a prefix ("kube" finds Kubernetes).
 * `weights` keeps it to those classes of the document (A title; B subtitle, speakers; C track, room).
 */
const prefix = (term: string, weights = "") => `'${term}':*${weights}`;

/** Every term, each anywhere but short ones in the headings only; all of them must match: what ranking weighs. */
export function toSessionTsquery(terms: string[]): string {
  return terms.map((t) => prefix(t, isShortTerm(t) ? "ABC" : "")).join(" & ");
}

/**
 * The same match as `toSessionTsquery`, split for the two indexes: short terms on `headings`
 * (no weights, so the GIN index answers without reading the rows) and the others on `document`.
 * Null stands for no term of that kind.
 */
export function toMatchTsqueries(terms: string[]): { headings: string | null; document: string | null } {
  const join = (list: string[]) => (list.length ? list.map((t) => prefix(t)).join(" & ") : null);
  return { headings: join(terms.filter(isShortTerm)), document: join(terms.filter((t) => !isShortTerm(t))) };
}

/**
 * From this many matches on, a query is broad: it is ranked over its first `broadMatchLimit`
 * matches (in the table's order) together with its first `broadMatchLimit` sessions that hold
 * every term in their headings, so what names the words in its title still comes first; as on
 * FTS5 (docs/decisions/0010-search-scope-and-broad-queries.md). Ranking every one of thousands
 * of matches costs milliseconds per thousand and tells little about a word most sessions hold.
 */
export const broadMatchLimit = 500;

/**
 * One statement. Rank: tsvector's four weight classes (D, C, B, A) stand for FTS5's eight
 * column weights; a session whose title holds every term gets 10 more, above any rank from
 * the other columns, so title matches come first however often the rest repeats the words.
 * The viewer's own private notes add half their rank, as on FTS5. Lower scores rank first.
 * `firsts` and `heads` are LIMITed before anything is ranked, so a broad query costs what
 * 1,000 rows cost, whatever the number of matches.
 */
const scopeSql = `ss.conference_id = $4 AND ($5::integer IS NULL OR ss.day_id = $5) AND ($6::integer IS NULL OR ss.track_id = $6)`;
const rankSql = `WITH q AS (
    SELECT to_tsquery('hallway_search', $1) AS everywhere,
           to_tsquery('hallway_search', $2) AS titles,
           to_tsquery('hallway_search', $3) AS notes
  ),
  firsts AS MATERIALIZED (
    SELECT ss.session_id FROM session_search ss
    WHERE ${scopeSql}
      AND ($10::text IS NULL OR ss.headings @@ to_tsquery('hallway_search', $10))
      AND ($11::text IS NULL OR ss.document @@ to_tsquery('hallway_search', $11))
    LIMIT ${broadMatchLimit}
  ),
  heads AS MATERIALIZED (
    SELECT ss.session_id FROM session_search ss
    WHERE (SELECT count(*) FROM firsts) = ${broadMatchLimit} AND ${scopeSql}
      AND ss.headings @@ to_tsquery('hallway_search', $12)
    LIMIT ${broadMatchLimit}
  ),
  ranked AS (
    SELECT ss.session_id AS "sessionId",
           ts_rank('{0.1, 0.3, 0.6, 1.0}', ss.document, q.everywhere) + CASE WHEN ss.headings @@ q.titles THEN 10 ELSE 0 END AS rank
    FROM session_search ss, q
    WHERE ss.session_id IN (SELECT session_id FROM firsts UNION SELECT session_id FROM heads)
    ORDER BY rank DESC, ss.session_id
    LIMIT $7
  ),
  own AS (
    SELECT n."sessionId", ts_rank(ns.document, q.notes) * 0.5 AS rank
    FROM q, "Note" n
    JOIN note_search ns ON ns.note_id = n."id"
    JOIN "Session" s ON s."id" = n."sessionId"
    WHERE $8::text IS NOT NULL AND n."userId" = $8 AND n."visibility" = 'private' AND ns.document @@ q.notes
      AND s."conferenceId" = $4 AND ($5::integer IS NULL OR s."dayId" = $5) AND ($6::integer IS NULL OR s."trackId" = $6)
  )
  SELECT "sessionId", -sum(rank)::float8 AS score
  FROM (SELECT * FROM ranked UNION ALL SELECT * FROM own) matches
  GROUP BY "sessionId"
  ORDER BY score, "sessionId"
  LIMIT $9`;

/** Sessions whose text or public notes match, plus those where the viewer's own private notes match; best first. */
export async function rankSessions(text: string, scope: SearchScope): Promise<RankedSession[]> {
  const terms = searchTerms(text);
  if (!terms.length) return [];
  const match = toMatchTsqueries(terms);
  return readPostgresRows<RankedSession>(rankSql, [
    toSessionTsquery(terms),
    terms.map((t) => prefix(t, "A")).join(" & "),
    terms.map((t) => prefix(t)).join(" & "),
    Math.trunc(scope.conferenceId),
    scope.dayId === undefined ? null : Math.trunc(scope.dayId),
    scope.trackId === undefined ? null : Math.trunc(scope.trackId),
    scope.limit * 2,
    scope.viewerId,
    scope.limit,
    match.headings,
    match.document,
    terms.map((t) => prefix(t)).join(" & "),
  ]);
}

/** ts_headline's options: the marks, and for passages one fragment of up to 24 words, as FTS5's snippet. */
const titleOptions = `StartSel=${MARK_START}, StopSel=${MARK_END}, HighlightAll=true`;
const passageOptions = `StartSel=${MARK_START}, StopSel=${MARK_END}, MaxFragments=1, MaxWords=24, MinWords=8, ShortWord=0`;

/**
 * ts_headline parses each text again, so it runs on the page of results only, and on a session's
 * public notes only when its abstract has no matched word (the passage comes from the abstract
 * first): parsing the notes too cost as much as the whole ranking on a broad query. A word marks
 * wherever it appears (`|`); short words only in the title, as they match only headings.
 */
const highlightSql = `WITH q AS (SELECT to_tsquery('hallway_search', $1) AS words, to_tsquery('hallway_search', $2) AS passages)
  SELECT ss.session_id AS id, ts_headline('hallway_search', ss.title, q.words, $3) AS title,
         a.headline AS abstract, ss.abstract AS "abstractText",
         CASE WHEN strpos(a.headline, '${MARK_START}') = 0 THEN ts_headline('hallway_search', ss.notes, q.passages, $4) END AS notes, ss.notes AS "notesText"
  FROM session_search ss CROSS JOIN q
  CROSS JOIN LATERAL (SELECT ts_headline('hallway_search', ss.abstract, q.passages, $4) AS headline) a
  WHERE ss.session_id = ANY ($5::integer[])`;

const ownNotesHighlightSql = `SELECT n."sessionId", ts_headline('hallway_search', n."body", to_tsquery('hallway_search', $3), $4) AS snippet, n."body"
  FROM "Note" n JOIN note_search ns ON ns.note_id = n."id"
  WHERE n."userId" = $1 AND n."visibility" = 'private' AND ns.document @@ to_tsquery('hallway_search', $2)
    AND n."sessionId" = ANY ($5::integer[])`;

/** A passage with `…` where it cuts the text, as FTS5's snippet has; null when no word in it is marked. */
function passage(headline: string | null, text: string): string | null {
  if (!headline?.includes(MARK_START)) return null;
  const plain = headline.replaceAll(MARK_START, "").replaceAll(MARK_END, "").trim();
  const whole = text.trim();
  return `${whole.startsWith(plain) ? "" : "…"}${headline.trim()}${whole.endsWith(plain) ? "" : "…"}`;
}

/** Titles with the matched words marked, and the best-matching passage, for the given sessions. */
export async function highlightSessions(text: string, sessionIds: number[], viewerId: string | null): Promise<Map<number, Highlight>> {
  const result = new Map<number, Highlight>();
  const terms = searchTerms(text);
  if (!sessionIds.length || !terms.length) return result;
  const ids = sessionIds.map((id) => Math.trunc(id));
  const anyWord = terms.map((t) => prefix(t)).join(" | ");
  const longWords = terms.filter((t) => !isShortTerm(t));
  const passageWords = longWords.length ? longWords.map((t) => prefix(t)).join(" | ") : null;
  const [sessionRows, ownRows] = await Promise.all([
    readPostgresRows<{ id: number; title: string; abstract: string | null; abstractText: string; notes: string | null; notesText: string }>(
      highlightSql,
      [anyWord, passageWords, titleOptions, passageOptions, ids],
    ),
    viewerId
      ? readPostgresRows<{ sessionId: number; snippet: string; body: string }>(ownNotesHighlightSql, [
          viewerId, terms.map((t) => prefix(t)).join(" & "), anyWord, passageOptions, ids,
        ])
      : Promise.resolve([]),
  ]);
  for (const row of sessionRows) {
    const snippet = passage(row.abstract, row.abstractText) ?? passage(row.notes, row.notesText);
    result.set(row.id, { sessionId: row.id, title: row.title, snippet });
  }
  for (const row of ownRows) {
    const existing = result.get(row.sessionId);
    if (existing?.snippet) continue;
    result.set(row.sessionId, { sessionId: row.sessionId, title: existing?.title ?? "", snippet: passage(row.snippet, row.body) });
  }
  return result;
}

/**
 * The viewer's own private notes that match, with their best passage: the personal part of a
 * search whose public part is a cached page (docs/decisions/0017-signed-in-speed.md). It starts
 * from the viewer's notes, so its cost is theirs, not the conference's. Ranked as in rankSessions.
 */
const ownNotesMatchSql = `WITH q AS (SELECT to_tsquery('hallway_search', $2) AS notes, to_tsquery('hallway_search', $3) AS passages)
  SELECT n."sessionId", (-ts_rank(ns.document, q.notes) * 0.5)::float8 AS score,
         ts_headline('hallway_search', n."body", q.passages, $7) AS headline, n."body"
  FROM q, "Note" n
  JOIN note_search ns ON ns.note_id = n."id"
  JOIN "Session" s ON s."id" = n."sessionId"
  WHERE n."userId" = $1 AND n."visibility" = 'private' AND ns.document @@ q.notes
    AND s."conferenceId" = $4 AND ($5::integer IS NULL OR s."dayId" = $5) AND ($6::integer IS NULL OR s."trackId" = $6)
  ORDER BY score, n."sessionId"
  LIMIT $8`;

export async function matchOwnNotes(text: string, scope: SearchScope & { viewerId: string }): Promise<OwnNoteMatch[]> {
  const terms = searchTerms(text);
  if (!terms.length) return [];
  const rows = await readPostgresRows<{ sessionId: number; score: number; headline: string; body: string }>(ownNotesMatchSql, [
    scope.viewerId,
    terms.map((t) => prefix(t)).join(" & "),
    terms.map((t) => prefix(t)).join(" | "),
    Math.trunc(scope.conferenceId),
    scope.dayId === undefined ? null : Math.trunc(scope.dayId),
    scope.trackId === undefined ? null : Math.trunc(scope.trackId),
    passageOptions,
    scope.limit,
  ]);
  return rows.map((row) => ({ sessionId: row.sessionId, score: row.score, snippet: passage(row.headline, row.body) ?? row.headline }));
}

/**
 * After bulk loads and at start: moves any pending GIN entries into the index proper (left from
 * before fast updates were turned off), and vacuums and analyses both tables: a load rewrites the
 * search row of every session it touches, leaving as many dead rows for searches to step over
 * until autovacuum comes round, and the planner needs the new statistics. The queue of sessions to
 * rebuild at commit is empty by then, but holds a dead row for each session the load touched.
 */
export async function optimizeSearchIndex(db: Db): Promise<void> {
  await refreshSessionNotes(db);
  await db.$executeRawUnsafe(`SELECT gin_clean_pending_list('session_search_document_idx'::regclass)`);
  await db.$executeRawUnsafe(`VACUUM (ANALYZE) session_search, note_search, search_queue.sessions, search_queue.session_notes`);
}

/**
 * The sessions whose public notes changed, marked by the note triggers in search_queue.session_notes,
 * rewritten by session_notes_refresh() (one statement, one transaction; any instance may run it).
 */
const sessionNotes = createNotesRefresher({
  hasMarks: async () => (await readPostgresRows<{ marked: boolean }>(`SELECT EXISTS (SELECT 1 FROM search_queue.session_notes) AS marked`, []))[0]?.marked === true,
  rewrite: async (db) => {
    const writer = db ?? (await import("../db/client")).db;
    await writer.$executeRawUnsafe(`SELECT session_notes_refresh()`);
  },
});

/** Rewrites the search rows of sessions whose public notes changed, if any; every note committed before the call is in the index after it. */
export const refreshSessionNotes = (db?: Db) => sessionNotes.refresh(db);

/** PostgreSQL's full-text search behind the search contract. */
export const postgresSearch: SearchEngine = {
  ...sessionNotes.afterRefresh({ rankSessions, highlightSessions }),
  // The viewer's own notes are in note_search, which the note's own triggers keep at once.
  matchOwnNotes,
  publicNotesChanged: sessionNotes.schedule,
  optimizeIndex: optimizeSearchIndex,
};
