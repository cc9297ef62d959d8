/**
 * The one search contract (docs/decisions/0013-one-engine-seam.md): what every
 * implementation (fts5.ts on SQLite, postgres.ts on PostgreSQL) provides, apart from
 * lib/search/engine.ts, which picks one, so each depends on the contract alone.
 */
import type { Db } from "../db/client";

export type SearchScope = {
  conferenceId: number;
  /** Whose private notes may match besides public ones; null for a signed-out visitor. */
  viewerId: string | null;
  dayId?: number;
  trackId?: number;
  limit: number;
};

/** Lower scores rank first. */
export type RankedSession = { sessionId: number; score: number };

/** The title with matched words between MARK_START and MARK_END (lib/search/marks.ts), and the best-matching passage. */
export type Highlight = { sessionId: number; title: string; snippet: string | null };

/** A session where the viewer's own private note matches, with the note's best passage marked. */
export type OwnNoteMatch = RankedSession & { snippet: string };

/**
 * What every search implementation provides. `text` is always what the person typed:
 * any input is safe and finds nothing rather than failing; words match as prefixes
 * ("kube" finds Kubernetes), case and accents ignored, title matches first; public
 * notes match for everyone, private notes only for their owner (`viewerId`).
 */
export type SearchEngine = {
  /** The scope's sessions that match, best first, at most `scope.limit`. */
  rankSessions(text: string, scope: SearchScope): Promise<RankedSession[]>;
  /** Highlights for the given sessions (a page of results, never more); a viewer's own private notes may give the passage. */
  highlightSessions(text: string, sessionIds: number[], viewerId: string | null): Promise<Map<number, Highlight>>;
  /**
   * The scope's sessions where the viewer's own private notes match, best first, each with
   * the note's best passage, and nothing else: the personal part of a search whose public
   * part is a cached page (docs/decisions/0017-signed-in-speed.md). Its cost is the
   * viewer's notes, not the conference's.
   */
  matchOwnNotes(text: string, scope: SearchScope & { viewerId: string }): Promise<OwnNoteMatch[]>;
  /**
   * A public note was saved or deleted (or a note stopped being public): its session's row is
   * rewritten soon after, and before any search reads it (notes-refresh.ts).
   */
  publicNotesChanged(): void;
  /** Compacts the index after bulk writes (a program load, a start); the index itself follows every write on its own. */
  optimizeIndex(db: Db): Promise<void>;
};
