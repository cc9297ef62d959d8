import { searchEngine, type SearchScope } from "../search/engine";
import { listSessionsById, type SessionSummary } from "./sessions";

export type SearchHit = SessionSummary & { titleHighlight: string; snippet: string | null };

export type SearchOptions = Omit<SearchScope, "viewerId" | "limit"> & {
  viewerId?: string | null;
  limit?: number;
};

/**
 * Sessions matching free text, most relevant first, with matched words marked:
 * what the search engine (lib/search) finds, read as the schedule shows sessions.
 * Any input is safe: text with nothing searchable simply finds nothing.
 */
export async function searchSessions(text: string, options: SearchOptions): Promise<SearchHit[]> {
  const search = searchEngine();
  const viewerId = options.viewerId ?? null;
  const ranked = await search.rankSessions(text, {
    conferenceId: options.conferenceId,
    viewerId,
    dayId: options.dayId,
    trackId: options.trackId,
    limit: options.limit ?? 50,
  });
  const ids = ranked.map((r) => r.sessionId);
  const [highlights, summaries] = await Promise.all([search.highlightSessions(text, ids, viewerId), listSessionsById(ids)]);
  return ids.flatMap((id) => {
    const summary = summaries.get(id);
    if (!summary) return [];
    const highlight = highlights.get(id);
    return [{ ...summary, titleHighlight: highlight?.title || summary.title, snippet: highlight?.snippet ?? null }];
  });
}

/**
 * Only the sessions where the viewer's own private notes match, with the matching
 * passage of the note: the personal part of a signed-in search, fetched beside the
 * cached public results (docs/decisions/0017-signed-in-speed.md). `searchSessions`
 * with a viewer is the two together; nobody else's private notes are ever read.
 */
export async function searchOwnNotes(text: string, options: SearchOptions & { viewerId: string }): Promise<SearchHit[]> {
  const matches = await searchEngine().matchOwnNotes(text, {
    conferenceId: options.conferenceId,
    viewerId: options.viewerId,
    dayId: options.dayId,
    trackId: options.trackId,
    limit: options.limit ?? 50,
  });
  const summaries = await listSessionsById(matches.map((m) => m.sessionId));
  return matches.flatMap(({ sessionId, snippet }) => {
    const summary = summaries.get(sessionId);
    return summary ? [{ ...summary, titleHighlight: summary.title, snippet }] : [];
  });
}
