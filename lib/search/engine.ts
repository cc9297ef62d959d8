/**
 * The choice of the search implementation through the database engine
 * (lib/db/engine.ts). fts5.ts implements the contract (contract.ts) on SQLite and
 * postgres.ts on PostgreSQL, with the same behaviour and the same tests
 * (docs/decisions/0013-one-engine-seam.md). Nothing outside lib/search calls an
 * implementation directly.
 */
import type { SearchEngine } from "./contract";
import { databaseEngine, type EngineName } from "../db/engine";
import { fts5Search } from "./fts5";
import { postgresSearch } from "./postgres";

export type { Highlight, OwnNoteMatch, RankedSession, SearchEngine, SearchScope } from "./contract";

// A Record, so that a second database engine does not compile without its search.
const implementations: Record<EngineName, SearchEngine> = { sqlite: fts5Search, postgresql: postgresSearch };

/** The search implementation of the engine DATABASE_URL selects. */
export function searchEngine(): SearchEngine {
  return implementations[databaseEngine().name];
}
