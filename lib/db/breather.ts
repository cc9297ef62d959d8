/** Long enough that yielding costs little; short enough that a page waits no longer than a render. */
export const breatherSliceMs = 2;

/**
 * A turn of the event loop for other requests every `sliceMs` of a long run of work that
 * never waits on its own: a transaction on better-sqlite3 (lib/db/sqlite.ts), which answers
 * at once, and an import's loops over sessions that need no statement (lib/program).
 * Each call of the returned function yields once its slice has run out.
 */
export function breather(sliceMs = breatherSliceMs): () => Promise<void> {
  let since = performance.now();
  return async () => {
    if (performance.now() - since < sliceMs) return;
    await new Promise((resolve) => setImmediate(resolve));
    since = performance.now();
  };
}
