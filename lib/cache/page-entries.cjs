// What both page cache handlers (memory-cache-handler.cjs, redis-cache-handler.cjs) read
// the same way: the program revisions that make an entry stale, and an entry's tags.
"use strict";

/** @returns {{ poll(): Promise<void>, stampOf(key: string): string } | undefined} */
function revisions() {
  return globalThis.hallwayProgramRevisions;
}

/** The entry's tags: those Next passes in `ctx` and those in its tag header. @returns {string[]} */
function tagsOf(data, ctx) {
  const tags = new Set(ctx && Array.isArray(ctx.tags) ? ctx.tags : []);
  const header = data && data.headers && data.headers["x-next-cache-tags"];
  if (typeof header === "string") for (const tag of header.split(",")) if (tag) tags.add(tag);
  return [...tags];
}

module.exports = { revisions, tagsOf };
