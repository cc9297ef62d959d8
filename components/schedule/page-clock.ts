/**
 * The moment a cached schedule page shows as "now": `?at=` when the address has
 * one (as /<conf>/now does, to look at a past or future conference), else the
 * browser's clock. The proxy drops the query before the cache, so only the
 * browser can read it. Plain parsing, not zod, to keep the page's JavaScript small.
 */
export function pageInstant(search: string): Date {
  const at = new URLSearchParams(search).get("at");
  if (at) {
    // A "+" the query string turned into a space, as lib/validation/instant.ts forgives.
    const parsed = new Date(at.trim().replace(/ (\d{2}:?\d{2})$/, "+$1"));
    if (!Number.isNaN(parsed.getTime())) return parsed;
  }
  return new Date();
}

/** How often the mark of what is on moves on. */
export const clockTickMs = 30_000;
