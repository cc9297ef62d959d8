// What both page cache handlers (memory-cache-handler.cjs, redis-cache-handler.cjs) do the
// same way: the program revisions that make an entry stale, the stamp a render starts
// from, the short while a superseded page may still be served, and an entry's tags
// (docs/decisions/0014-live-program.md).
"use strict";

/**
 * How long after this process saw a conference's revision move the previous copy of one of
 * its pages may still be served while one request renders the new one. Short: an import
 * promises every page within 5 s, a process sees the move up to a second late, and nginx in
 * front of several instances keeps a page up to two seconds more.
 */
const defaultStaleMs = Number(process.env.HALLWAY_PROGRAM_STALE_MS ?? 500);

/** @returns {{ poll(): Promise<void>, stampOf(key: string): string, movedAgo(key: string): number } | undefined} */
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

/** "a-conf:3" and "a-conf:4" are one conference's revisions; "-" (no conference) is no one's. */
function sameConference(a, b) {
  if (typeof a !== "string" || typeof b !== "string") return false;
  const colon = a.lastIndexOf(":");
  return colon > 0 && a.slice(0, colon + 1) === b.slice(0, b.lastIndexOf(":") + 1);
}

/**
 * One handler's stamps: what a key's stamp was at its last `get` (the revision a render
 * that follows starts from, so a render that raced an import is never kept under the new
 * one), which key's render after a move a `get` took on, and which previous copies were
 * handed out, so one handed back to `set` is not stored as the new program.
 */
function createPageEntries({ maxKeys, staleMs = defaultStaleMs }) {
  const stampsAtGet = new Map();
  /** key → the value object last served as a previous copy. */
  const previousServed = new Map();
  /** key → the stamp whose render a `get` in this process took on, and when. */
  const claims = new Map();

  return {
    staleMs,

    /** The key's stamp now (null without revisions), after at most one re-read a second. */
    async stampAtGet(key) {
      const program = revisions();
      if (!program) return null;
      await program.poll();
      if (stampsAtGet.size > maxKeys) stampsAtGet.clear();
      if (previousServed.size > maxKeys) previousServed.clear();
      if (claims.size > maxKeys) claims.clear();
      return program.stampOf(key);
    },

    /**
     * What a stored entry is worth to a `get` at `stamp`: "current"; "previous" (its
     * conference's revision moved less than `staleMs` ago: it may be served while the
     * new one is rendered); or "superseded" (a miss).
     */
    judge(key, entryStamp, stamp) {
      if (stamp === null || entryStamp === stamp) return "current";
      const program = revisions();
      if (staleMs > 0 && program && sameConference(entryStamp, stamp) && program.movedAgo(key) <= staleMs) return "previous";
      return "superseded";
    },

    /** True for the first `get` of a previous copy at `stamp` in this process: it renders the new one, the rest are served the copy. */
    claim(key, stamp, now = Date.now()) {
      const held = claims.get(key);
      if (held && held.stamp === stamp && now - held.at <= staleMs) return false;
      claims.set(key, { stamp, at: now });
      return true;
    },

    /** A miss: of two renders racing for the key, the one begun first sets the stamp (an older one only costs a render more). */
    missed(key, stamp) {
      if (stamp !== null && !stampsAtGet.has(key)) stampsAtGet.set(key, stamp);
    },

    /** A hit, or the one get that renders the key again: what follows starts from `stamp`. */
    served(key, stamp) {
      if (stamp !== null) stampsAtGet.set(key, stamp);
    },

    /**
     * The answer for the one `get` that renders the new program: a miss, which the request
     * waits for. Not the previous copy dated past its revalidation: Next would send it and
     * render in the background, but every request for the key joins that render (its
     * response cache batches them) and is sent the previous copy until it ends, which under
     * load is longer than the window.
     */
    toRender(key, stamp) {
      this.served(key, stamp);
      return null;
    },

    /** The answer for every other `get` in the window: the previous copy, as it was. */
    toKeep(key, entry) {
      previousServed.set(key, entry.value);
      return answer(entry);
    },

    /** The stamp a `set` stores; null when `data` is a previous copy handed back (Next keeps one after a failed render). */
    stampForSet(key, data) {
      const program = revisions();
      const stamp = stampsAtGet.has(key) ? stampsAtGet.get(key) : program ? program.stampOf(key) : null;
      stampsAtGet.delete(key);
      claims.delete(key);
      const previous = previousServed.get(key);
      previousServed.delete(key);
      return { stamp, previous: previous !== undefined && previous === data };
    },
  };
}

/** What `get` answers for a current entry: its lifetime travels with it when it has one. */
function answer(entry) {
  return entry.cacheControl
    ? { value: entry.value, lastModified: entry.lastModified, cacheControl: entry.cacheControl }
    : { value: entry.value, lastModified: entry.lastModified };
}

module.exports = { answer, createPageEntries, revisions, sameConference, tagsOf };
