// Next.js page cache (ISR) shared by every instance through Redis, chosen by
// next.config.ts when HALLWAY_REDIS_URL is set (docs/decisions/0020-several-instances.md).
// The well-known Redis handlers do not fit this stack's versions (Node 20, redis 6,
// Next 16), so this is a thin one on the official client with the memory handler's
// rules (lib/cache/memory-cache-handler.cjs):
// - each entry carries its conference's program revision as it was when its render
//   began, and is not served once the revision moved, whichever process imported
//   (lib/server/program-revisions.ts, docs/decisions/0014-live-program.md), except for half a
//   second after the move (HALLWAY_PROGRAM_STALE_MS), when the one instance that takes the page's render (a key
//   set only if absent) renders it and the others serve the previous copy meanwhile
//   (lib/cache/page-entries.cjs);
// - revalidateTag (and revalidatePath, which Next turns into a tag) writes the tag's
//   time to Redis, so it reaches every instance: an entry older than one of its tags
//   is a miss;
// - entries and tag times expire (HALLWAY_PAGE_CACHE_TTL_SECONDS, an hour by default),
//   so the store stays bounded even without Redis's own maxmemory policy.
// Only public pages reach it: Next.js caches nothing personal here. When Redis does
// not answer, a get is a miss and a set is dropped: the page is rendered, never a 500.
"use strict";

const { createClient } = require("redis");
const { answer, createPageEntries, tagsOf } = require("./page-entries.cjs");

const url = process.env.HALLWAY_REDIS_URL;
const prefix = process.env.HALLWAY_REDIS_PREFIX || "hallway:";
const ttlSeconds = Number(process.env.HALLWAY_PAGE_CACHE_TTL_SECONDS || 3600);
const pages = createPageEntries({ maxKeys: Number(process.env.HALLWAY_PAGE_CACHE_ENTRIES || 5000) * 2 });

/** @type {Promise<import("redis").RedisClientType | null> | undefined} */
let connecting;
let lastComplaint = 0;

function complain(error) {
  // One line a minute at most: a Redis that went away would otherwise log on every request.
  if (Date.now() - lastComplaint < 60_000) return;
  lastComplaint = Date.now();
  console.error(`Page cache: Redis at ${safeUrl()} did not answer (${error && error.message ? error.message : error}); pages are rendered without it.`);
}

function safeUrl() {
  try {
    const parsed = new URL(url);
    return parsed.host;
  } catch {
    return "HALLWAY_REDIS_URL";
  }
}

let failedAt = -Infinity;

function client() {
  // After a failed connection, requests render without the cache for a few seconds before it is tried again.
  if (!connecting && Date.now() - failedAt < 5000) return Promise.resolve(null);
  connecting ??= (async () => {
    let connected = false;
    const redis = createClient({
      url,
      // Commands fail at once while disconnected instead of queueing behind a request.
      disableOfflineQueue: true,
      socket: {
        connectTimeout: 2000,
        // A first connection that fails gives up (the next request tries again); a lost one is retried.
        reconnectStrategy: (retries, cause) => (connected ? Math.min(100 * 2 ** retries, 2000) : cause),
      },
    });
    redis.on("error", complain);
    await redis.connect();
    connected = true;
    return redis;
  })().catch((error) => {
    complain(error);
    connecting = undefined;
    failedAt = Date.now();
    return null;
  });
  return connecting;
}

// Next's entries hold Buffers (the RSC payload) and Maps (segment data): JSON keeps neither on its own.
function replacer(key, value) {
  const original = this[key];
  if (Buffer.isBuffer(original)) return { $hallway: "buffer", base64: original.toString("base64") };
  if (original instanceof Map) return { $hallway: "map", entries: [...original] };
  return value;
}

function reviver(_key, value) {
  if (value && typeof value === "object" && typeof value.$hallway === "string") {
    if (value.$hallway === "buffer") return Buffer.from(value.base64, "base64");
    if (value.$hallway === "map") return new Map(value.entries);
  }
  return value;
}

const entryKey = (key) => `${prefix}page:${key}`;
const tagKey = (tag) => `${prefix}tag:${tag}`;
const renderKey = (key, stamp) => `${prefix}render:${stamp}:${key}`;

class RedisCacheHandler {
  async get(key) {
    const stamp = await pages.stampAtGet(key);
    const miss = () => {
      pages.missed(key, stamp);
      return null;
    };
    const redis = await client();
    if (!redis) return miss();
    try {
      const stored = await redis.get(entryKey(key));
      if (stored === null) return miss();
      const entry = JSON.parse(stored, reviver);
      const state = pages.judge(key, entry.stamp, stamp);
      if (state === "superseded") return miss();
      if (entry.tags.length) {
        const revalidatedAt = await redis.mGet(entry.tags.map(tagKey));
        if (revalidatedAt.some((at) => at !== null && Number(at) >= entry.lastModified)) return miss();
      }
      if (state === "previous") {
        // Of every instance given this previous copy, the one that takes the key's render renders it; the rest serve the copy.
        const taken = await redis.set(renderKey(key, stamp), "1", { condition: "NX", expiration: { type: "PX", value: pages.staleMs } });
        return taken === "OK" ? pages.toRender(key, stamp) : pages.toKeep(key, entry);
      }
      pages.served(key, stamp);
      // The page's lifetime travels with it: Next remembers lifetimes per process, so without it
      // a page another instance rendered would be sent with no Cache-Control at all.
      return answer(entry);
    } catch (error) {
      complain(error);
      return miss();
    }
  }

  async set(key, data, ctx) {
    const { stamp, previous } = pages.stampForSet(key, data);
    // The previous copy handed back after a failed render is not the new program: the stored entry stays as it was.
    if (previous) return;
    const redis = await client();
    if (!redis) return;
    try {
      if (data === null || data === undefined) {
        await redis.del(entryKey(key));
        return;
      }
      const cacheControl = ctx && ctx.cacheControl ? ctx.cacheControl : undefined;
      const entry = { value: data, lastModified: Date.now(), tags: tagsOf(data, ctx), stamp, cacheControl };
      await redis.set(entryKey(key), JSON.stringify(entry, replacer), { expiration: { type: "EX", value: ttlSeconds } });
    } catch (error) {
      complain(error);
    }
  }

  async revalidateTag(tagOrTags) {
    const tags = [tagOrTags].flat().filter(Boolean);
    if (!tags.length) return;
    const redis = await client();
    if (!redis) return;
    // A tag's time outlives every entry made before it by no more than needed: entries expire after the same TTL.
    const now = String(Date.now());
    try {
      const batch = redis.multi();
      for (const tag of tags) batch.set(tagKey(tag), now, { expiration: { type: "EX", value: ttlSeconds } });
      await batch.exec();
    } catch (error) {
      complain(error);
    }
  }

  resetRequestCache() {}
}

/** Closes this process's connection (tests; a server simply exits). */
RedisCacheHandler.disconnect = async () => {
  const pending = connecting;
  connecting = undefined;
  const redis = pending ? await pending : null;
  if (redis) await redis.close();
};

module.exports = RedisCacheHandler;
