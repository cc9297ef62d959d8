import { listSessionsById, type SessionSummary } from "../schedule/sessions";
import { highlightSessions, rankSessions } from "./fts5";

export { MARK_END, MARK_START } from "./fts5";

export type SearchHit = SessionSummary & { titleHighlight: string; snippet: string | null };

export type SearchOptions = {
  conferenceId: number;
  viewerId?: string | null;
  dayId?: number;
  trackId?: number;
  limit?: number;
};

/**
 * Sessions matching free text, most relevant first, with matched words marked.
 * Any input is safe: text with nothing searchable simply finds nothing.
 */
export async function searchSessions(text: string, options: SearchOptions): Promise<SearchHit[]> {
  const viewerId = options.viewerId ?? null;
  const ranked = rankSessions(text, {
    conferenceId: options.conferenceId,
    viewerId,
    dayId: options.dayId,
    trackId: options.trackId,
    limit: options.limit ?? 50,
  });
  const ids = ranked.map((r) => r.sessionId);
  const highlights = highlightSessions(text, ids, viewerId);
  const summaries = await listSessionsById(ids);
  return ids.flatMap((id) => {
    const summary = summaries.get(id);
    if (!summary) return [];
    const highlight = highlights.get(id);
    return [{ ...summary, titleHighlight: highlight?.title || summary.title, snippet: highlight?.snippet ?? null }];
  });
}
