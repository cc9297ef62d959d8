import { MARK_END, MARK_START } from "@/lib/search/marks";

/**
 * Renders search highlights. The search layer marks matches with control
 * characters rather than HTML, so user text is always rendered as text.
 */
export function HighlightedText({ text }: { text: string }) {
  const parts = text.split(MARK_START);
  return (
    <>
      {parts.map((part, i) => {
        if (i === 0) return part;
        const end = part.indexOf(MARK_END);
        if (end === -1) return part;
        return (
          <span key={i}>
            <mark>{part.slice(0, end)}</mark>
            {part.slice(end + 1)}
          </span>
        );
      })}
    </>
  );
}

/** Markdown punctuation reads as noise in a one-line excerpt. */
export function plainExcerpt(snippet: string): string {
  return snippet
    .replace(/\]\([^)]*\)/g, "]")
    .replace(/[#*_`>[\]]+/g, "")
    .replace(/\s+/g, " ")
    .trim();
}
