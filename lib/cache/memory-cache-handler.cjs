// Next.js page cache (ISR) kept in this process's memory, bounded, and empty at
// every start: the program can be re-seeded or imported between starts, and a
// page cache that outlived it would serve the old program
// (docs/decisions/0005-static-public-pages.md). Several instances behind a load
// balancer would swap this for a shared store with the same four methods.
//
// Each entry is stamped with its conference's program revision as it was when the
// render began (the `get` that missed), and is dropped once the revision has moved,
// so an import by any process on the same database shows within about a second
// (lib/server/program-revisions.ts, docs/decisions/0014-live-program.md). Without
// the revisions (a server other than scripts/serve.ts), entries live until revalidated.
"use strict";

const { revisions, tagsOf } = require("./page-entries.cjs");

const maxEntries = Number(process.env.HALLWAY_PAGE_CACHE_ENTRIES || 5000);

/** @type {Map<string, { value: unknown, lastModified: number, tags: string[], stamp: string | null }>} */
const entries = new Map();
/** The stamp each key had at its last `get`: the revision a render that follows starts from. */
const stampsAtGet = new Map();

module.exports = class MemoryCacheHandler {
  async get(key) {
    const program = revisions();
    let stamp = null;
    if (program) {
      await program.poll();
      stamp = program.stampOf(key);
      if (stampsAtGet.size > maxEntries * 2) stampsAtGet.clear();
    }
    const entry = entries.get(key);
    if (!entry || (stamp !== null && entry.stamp !== stamp)) {
      if (entry) entries.delete(key);
      // Of two renders racing for the key, the one begun first sets the stamp: an older stamp only costs a render more.
      if (stamp !== null && !stampsAtGet.has(key)) stampsAtGet.set(key, stamp);
      return null;
    }
    if (stamp !== null) stampsAtGet.set(key, stamp);
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
    const program = revisions();
    const stamp = stampsAtGet.has(key) ? stampsAtGet.get(key) : program ? program.stampOf(key) : null;
    stampsAtGet.delete(key);
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
