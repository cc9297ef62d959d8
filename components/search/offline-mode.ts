/**
 * When the search page searches the saved program in the browser instead of showing
 * what the server rendered (docs/decisions/0023-offline-search.md). A plain module,
 * so that the rule is tested without a browser.
 */

/** The query a search URL asks for, read as the server reads `q` (lib/validation/params.ts: first 500 characters, trimmed). */
export function queryOfSearch(search: string): string {
  return (new URLSearchParams(search).get("q") ?? "").slice(0, 500).trim();
}

/**
 * The query to search offline, or null to keep the server's results: offline, every
 * query is searched in the browser; online, only when the page was rendered for
 * another query than its URL's, which is a saved copy of the page that the service
 * worker answered for any `/<conf>/search?…` it could not fetch.
 */
export function offlineQuery({ renderedFor, search, online }: { renderedFor: string; search: string; online: boolean }): string | null {
  const asked = queryOfSearch(search);
  return !online || asked !== renderedFor ? asked : null;
}
