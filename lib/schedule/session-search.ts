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
