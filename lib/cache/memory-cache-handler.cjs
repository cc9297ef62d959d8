// Next.js page cache (ISR) kept in this process's memory, bounded, and empty at
// every start: the program can be re-seeded or imported between starts, and a
// page cache that outlived it would serve the old program
// (docs/decisions/0005-static-public-pages.md). Several instances behind a load
// balancer swap this for redis-cache-handler.cjs, with the same rules.
//
// Each entry is stamped with its conference's program revision as it was when the
// render began (the `get` that missed), and is superseded once the revision has moved,
// so an import by any process on the same database shows within about a second
// (lib/server/program-revisions.ts, docs/decisions/0014-live-program.md). For half a
// second after a move (HALLWAY_PROGRAM_STALE_MS) the first `get` of a page misses and renders it
// while any other is given the previous copy (lib/cache/page-entries.cjs). Without
// the revisions (a server other than scripts/serve.ts), entries live until revalidated.
"use strict";

const { createPageEntries, tagsOf } = require("./page-entries.cjs");

const maxEntries = Number(process.env.HALLWAY_PAGE_CACHE_ENTRIES || 5000);

/** @type {Map<string, { value: unknown, lastModified: number, tags: string[], stamp: string | null }>} */
const entries = new Map();
const pages = createPageEntries({ maxKeys: maxEntries * 2 });

module.exports = class MemoryCacheHandler {
  async get(key) {
    const stamp = await pages.stampAtGet(key);
    const entry = entries.get(key);
    const state = entry ? pages.judge(key, entry.stamp, stamp) : "superseded";
    if (state === "superseded") {
      if (entry) entries.delete(key);
      pages.missed(key, stamp);
      return null;
    }
    // Re-insert to keep the Map in least-recently-used order.
    entries.delete(key);
    entries.set(key, entry);
    if (state === "previous") return pages.claim(key, stamp) ? pages.toRender(key, stamp) : pages.toKeep(key, entry);
    pages.served(key, stamp);
    return { value: entry.value, lastModified: entry.lastModified };
  }

  async set(key, data, ctx) {
    if (data === null || data === undefined) {
      entries.delete(key);
      return;
    }
    const { stamp, previous } = pages.stampForSet(key, data);
    // The previous copy handed back after a failed render is not the new program: leave the old entry as it was.
    if (previous) return;
    entries.delete(key);
    entries.set(key, { value: data, lastModified: Date.now(), tags: tagsOf(data, ctx), stamp });
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
