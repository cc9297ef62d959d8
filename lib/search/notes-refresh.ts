/**
 * When a session's search row is rewritten after its public notes change, on either engine. The
 * row holds every public note on the session, and rewriting it re-indexes all of them, so a save
 * only marks the session (in the statement that writes the note: the note triggers of each
 * engine's migrations), and the marked rows are rewritten here: before any search reads the index,
 * and by a timer soon after a save. Many saves on one session cost one rewrite, and a search
 * still sees every committed note (docs/decisions/0017-signed-in-speed.md, 0018-postgresql.md).
 */
import type { Db } from "../db/client";
import type { Highlight, RankedSession, SearchEngine, SearchScope } from "./contract";

/** How long after a public note's save its session's search row is rewritten, if no search asks first. */
const refreshDelayMs = 500;

export type NotesRefresher = {
  /** Rewrites the marked rows, if any: every note committed before the call is in the index after it. */
  refresh(db?: Db): Promise<void>;
  /** A public note was saved or deleted: the rewrite runs soon, unless a search asks first. */
  schedule(): void;
  /**
   * The engine's ranking and highlighting, each reading the index after the marked rows are
   * rewritten. A database that cannot take the rewrite now (SQLite locked by another process past
   * the busy timeout) leaves the search to read the index as it is, public notes saved meanwhile
   * missing from it, rather than fail.
   */
  afterRefresh(search: EngineReads): Pick<SearchEngine, "rankSessions" | "highlightSessions">;
};

/** An engine's own ranking and highlighting, answered at once (FTS5) or later (PostgreSQL). */
type EngineReads = {
  rankSessions(text: string, scope: SearchScope): RankedSession[] | Promise<RankedSession[]>;
  highlightSessions(text: string, sessionIds: number[], viewerId: string | null): Map<number, Highlight> | Promise<Map<number, Highlight>>;
};

/**
 * `hasMarks` says whether any session is marked (one cheap statement, asked before every search);
 * `rewrite` rewrites the marked rows and takes their marks, in one transaction.
 */
export function createNotesRefresher(engine: { hasMarks: () => Promise<boolean> | boolean; rewrite: (db?: Db) => Promise<void> }): NotesRefresher {
  let running: Promise<void> | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;
  const rewriteOnce = (db?: Db) => (running ??= engine.rewrite(db).finally(() => (running = null)));

  const refresh = async (db?: Db) => {
    if (!(await engine.hasMarks())) return;
    // A rewrite already under way may have read the notes before the latest mark: then one more.
    const startedBefore = running !== null;
    await rewriteOnce(db);
    if (startedBefore && (await engine.hasMarks())) await rewriteOnce(db);
  };
  const reportFailure = (error: unknown) => console.error("Rewriting the search rows of changed public notes failed; the next search or save retries:", error);
  const beforeSearch = () => refresh().catch(reportFailure);

  return {
    refresh,
    afterRefresh: (search) => ({
      rankSessions: async (text, scope) => {
        await beforeSearch();
        return search.rankSessions(text, scope);
      },
      highlightSessions: async (text, sessionIds, viewerId) => {
        await beforeSearch();
        return search.highlightSessions(text, sessionIds, viewerId);
      },
    }),
    schedule: () => {
      if (timer) return;
      timer = setTimeout(() => {
        timer = null;
        refresh().catch(reportFailure);
      }, refreshDelayMs);
      // A script or a test that saved a note need not wait for it: the marks stay in the database.
      timer.unref?.();
    },
  };
}
