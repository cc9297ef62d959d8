const maxTerms = 12;
const maxTermLength = 64;

/**
 * The distinct runs of letters and digits in what a person typed, lower-cased and capped:
 * the only part of the text any search engine sees, so no input is ever query syntax.
 */
export function searchTerms(text: string): string[] {
  const words = text.normalize("NFKC").toLowerCase().match(/[\p{L}\p{N}\p{M}]+/gu) ?? [];
  // Cut by code points, never inside a character.
  return [...new Set(words.map((w) => Array.from(w).slice(0, maxTermLength).join("")))].slice(0, maxTerms);
}

/**
 * Words of one or two letters match a great many rows as prefixes; they are looked up
 * in titles, names, tracks and rooms only, never in abstracts and notes.
 */
export const shortTermLength = 2;

export const isShortTerm = (term: string) => Array.from(term).length <= shortTermLength;
