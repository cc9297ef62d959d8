// Next.js page cache (ISR) kept in this process's memory, bounded, and empty at
// every start: the program can be re-seeded or imported between starts, and a
// page cache that outlived it would serve the old program
// (docs/decisions/0005-static-public-pages.md). Several instances behind a load
// balancer would swap this for a shared store with the same four methods.
"use strict";

const maxEntries = Number(process.env.HALLWAY_PAGE_CACHE_ENTRIES || 5000);

/** @type {Map<string, { value: unknown, lastModified: number, tags: Set<string> }>} */
const entries = new Map();

function tagsOf(data, ctx) {
  const tags = new Set(ctx && Array.isArray(ctx.tags) ? ctx.tags : []);
  const header = data && data.headers && data.headers["x-next-cache-tags"];
  if (typeof header === "string") for (const tag of header.split(",")) if (tag) tags.add(tag);
  return tags;
}

module.exports = class MemoryCacheHandler {
  async get(key) {
    const entry = entries.get(key);
    if (!entry) return null;
    // Re-insert to keep the Map in least-recently-used order.
    entries.delete(key);
    entries.set(key, entry);
    return { value: entry.value, lastModified: entry.lastModified };
  }

  async set(key, data, ctx) {
    if (data === null || data === undefined) {
      entries.delete(key);
      return;
    }
    entries.delete(key);
    entries.set(key, { value: data, lastModified: Date.now(), tags: tagsOf(data, ctx) });
    while (entries.size > maxEntries) entries.delete(entries.keys().next().value);
  }

  async revalidateTag(tagOrTags) {
    const wanted = new Set([tagOrTags].flat());
    for (const [key, entry] of entries) {
      for (const tag of entry.tags) {
        if (wanted.has(tag)) {
          entries.delete(key);
          break;
        }
      }
    }
  }

  resetRequestCache() {}
};
