import { listSessionsById, type SessionSummary } from "../schedule/sessions";
import { highlightSessions, matchOwnNotes, rankSessions } from "./fts5";

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

/**
 * Only the sessions where the viewer's own private notes match, with the matching
 * passage of the note: the personal part of a signed-in search, fetched beside the
 * cached public results (docs/decisions/0017-signed-in-speed.md). `searchSessions`
 * with a viewer is the two together; nobody else's private notes are ever read.
 */
export async function searchOwnNotes(text: string, options: SearchOptions & { viewerId: string }): Promise<SearchHit[]> {
  const matches = matchOwnNotes(text, {
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
