import MiniSearch, { type Query } from "minisearch";
import type { ScheduleEntry } from "./schedule-view";
import { MARK_END, MARK_START } from "../search/marks";
import type { SearchIndexJson } from "./search-index-shape";
import { isShortTerm, searchTerms } from "../search/search-terms";
import { searchPageLimit } from "../search/settings";

/**
 * The browser's search over a saved program (docs/decisions/0023-offline-search.md),
 * matching as the server does (docs/decisions/0003-search-with-fts5.md): every word
 * typed must match the start of a word, case and accents are ignored, titles weigh
 * most, words of one or two letters are looked up in the headings only, and matched
 * words are marked as the server marks them. Loaded only when needed: it pulls in
 * MiniSearch.
 */

/** The server's bm25 weights (decision 0003), less the public notes, which are not saved. */
const fieldBoosts = { title: 10, speakers: 6, subtitle: 4, track: 3, room: 2, abstract: 1 } as const;
type Field = keyof typeof fieldBoosts;
const allFields = Object.keys(fieldBoosts) as Field[];
const headingFields = allFields.filter((field) => field !== "abstract");

/** Case and accents out, as FTS5's `unicode61 remove_diacritics 2`: "Ünïcode" → "unicode". */
export function foldTerm(term: string): string {
  return term.normalize("NFKD").replace(/\p{M}/gu, "").toLowerCase();
}

/** Runs of letters and digits, the words FTS5's tokenizer sees. */
const wordPattern = /[\p{L}\p{N}\p{M}]+/gu;
const tokenize = (text: string) => text.match(wordPattern) ?? [];

export type OfflineSearchFilter = { day?: string | null; track?: string | null; limit?: number };

export type OfflineIndex = {
  revision: number;
  sessionCount: number;
  /** Sessions matching what was typed, best first, as the search page shows them. */
  search(text: string, filter?: OfflineSearchFilter): ScheduleEntry[];
};

export function buildOfflineIndex(data: SearchIndexJson): OfflineIndex {
  const entries = data.sessions.map((session, id): ScheduleEntry => {
    const track = session.track === undefined ? null : data.tracks[session.track] ?? null;
    const room = session.room === undefined ? null : data.rooms[session.room] ?? null;
    return {
      id,
      slug: session.slug,
      title: session.title,
      subtitle: session.subtitle ?? "",
      kind: session.kind,
      status: session.cancelled ? "cancelled" : "scheduled",
      illustrative: false,
      startsAt: new Date(session.startsAt),
      endsAt: new Date(session.endsAt),
      day: session.day,
      track,
      room,
      speakers: (session.speakers ?? []).flatMap((i) => data.speakers[i] ?? []),
    };
  });
  const abstracts = data.sessions.map((session) => session.abstract ?? "");

  const index = new MiniSearch<{ id: number }>({
    fields: allFields,
    tokenize,
    processTerm: (term) => foldTerm(term) || null,
    extractField: ({ id }, field) => {
      const entry = entries[id]!;
      switch (field as Field | "id") {
        case "title": return entry.title;
        case "subtitle": return entry.subtitle;
        case "speakers": return entry.speakers.map((s) => s.name).join(" ");
        case "track": return entry.track?.name ?? "";
        case "room": return entry.room?.name ?? "";
        case "abstract": return abstracts[id]!;
        default: return String(id);
      }
    },
  });
  index.addAll(entries.map(({ id }) => ({ id })));

  return {
    revision: data.revision,
    sessionCount: entries.length,
    search(text, { day, track, limit = searchPageLimit } = {}) {
      const terms = [...new Set(searchTerms(text).map(foldTerm).filter(Boolean))];
      if (!terms.length) return [];
      const query: Query = {
        combineWith: "AND",
        // Each word on its own, so that a short one can be kept to the headings, as on the server.
        queries: terms.map((term) => ({ queries: [term], fields: isShortTerm(term) ? headingFields : allFields })),
      };
      const results = index.search(query, {
        prefix: true,
        boost: fieldBoosts,
        // A typed word is a prefix on the server, and a whole word scores no higher than its start.
        weights: { prefix: 1, fuzzy: 0 },
        filter: (result) => {
          const entry = entries[result.id as number]!;
          return (!day || entry.day === day) && (!track || entry.track?.slug === track);
        },
      });
      const longTerms = terms.filter((term) => !isShortTerm(term));
      return results.slice(0, limit).map((result) => {
        const entry = entries[result.id as number]!;
        return { ...entry, titleHighlight: markWords(entry.title, terms), snippet: snippetOf(abstracts[entry.id]!, longTerms) };
      });
    },
  };
}

/** `text` with every word that starts with one of `terms` (folded) between the highlight marks. */
export function markWords(text: string, terms: string[]): string {
  if (!terms.length) return text;
  return text.replace(wordPattern, (word) => (terms.some((term) => foldTerm(word).startsWith(term)) ? `${MARK_START}${word}${MARK_END}` : word));
}

/** About 24 words of `text` around its first matching word, marked, as FTS5's snippet(); null when nothing in it matches. */
export function snippetOf(text: string, terms: string[], wordCount = 24): string | null {
  if (!text || !terms.length) return null;
  const words = [...text.matchAll(/\S+/g)];
  const first = words.findIndex((match) => tokenize(match[0]).some((word) => terms.some((term) => foldTerm(word).startsWith(term))));
  if (first === -1) return null;
  const start = Math.max(0, Math.min(first - 4, words.length - wordCount));
  const end = Math.min(words.length, start + wordCount);
  const passage = text.slice(words[start]!.index, words[end - 1]!.index! + words[end - 1]![0].length);
  return `${start > 0 ? "…" : ""}${markWords(passage, terms)}${end < words.length ? "…" : ""}`;
}
