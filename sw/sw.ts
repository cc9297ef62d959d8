/// <reference lib="webworker" />
/**
 * Hallway's service worker, bundled by scripts/build-sw.ts after `next build`
 * into public/sw.js with the precache manifest of the app shell's built assets.
 * Pages are network-first (fresh when online, the saved copy when the network
 * fails or hangs); built assets cache-first; personal answers in a cache of the
 * signed-in person's own, which only they are ever served from
 * (docs/decisions/0021-offline-with-a-service-worker.md).
 */
import { CacheFirst, ExpirationPlugin, Serwist, type PrecacheEntry, type RouteHandlerCallbackOptions, type SerwistGlobalConfig } from "serwist";
import {
  capMessage, classifyPath, clearPersonalMessage, defaultOfflineCapBytes, metaCacheName, networkTimeoutSeconds, offlineLookupPath, flushOutboxMessage, outboxSyncTag,
  personalCacheName, personalCachePrefix, programCacheName, urlsToSave, type OfflineManifest, type SaveOutcome,
} from "../lib/offline/offline-urls";

declare global {
  interface WorkerGlobalScope extends SerwistGlobalConfig {
    __SW_MANIFEST: (PrecacheEntry | string)[] | undefined;
  }
}
declare const self: ServiceWorkerGlobalScope;
/** Set by the build (HALLWAY_OFFLINE_CAP_BYTES); the default otherwise. */
declare const HALLWAY_OFFLINE_CAP_BYTES: number | undefined;
const capBytes = typeof HALLWAY_OFFLINE_CAP_BYTES === "number" && HALLWAY_OFFLINE_CAP_BYTES > 0 ? HALLWAY_OFFLINE_CAP_BYTES : defaultOfflineCapBytes;

const savedAtHeader = "x-hallway-saved-at";
const metaUrl = (name: string) => `/__hallway/${name}`;

async function readMeta<T>(name: string): Promise<T | null> {
  const response = await (await caches.open(metaCacheName)).match(metaUrl(name));
  return response ? ((await response.json()) as T) : null;
}

async function writeMeta(name: string, value: unknown) {
  await (await caches.open(metaCacheName)).put(metaUrl(name), Response.json(value));
}

// ---- Who the personal cache belongs to -------------------------------------------------

/** The signed-in person the personal cache is for, as `/api/me` last said; null when nobody. */
const currentViewer = () => readMeta<string>("viewer");

/**
 * Moves on at every sign-out and change of person: an answer to a personal request that
 * began before is not kept, so a reply still in flight at sign-out cannot bring back
 * what was just deleted.
 */
let personalEpoch = 0;

async function deletePersonalCaches(except?: string) {
  personalEpoch += 1;
  const keep = except === undefined ? null : personalCacheName(except);
  for (const name of await caches.keys()) if (name.startsWith(personalCachePrefix) && name !== keep) await caches.delete(name);
}

/** A new person (or nobody): the previous person's caches go before anything of the new one is kept. */
async function setViewer(userId: string | null, { always = false } = {}) {
  if (!always && userId === (await currentViewer())) return;
  await deletePersonalCaches(userId ?? undefined);
  await writeMeta("viewer", userId);
}

// ---- Network first, falling back to what was saved ---------------------------------------

/** A copy that remembers when it was saved, for the offline banner. */
async function stamped(response: Response): Promise<Response> {
  const headers = new Headers(response.headers);
  headers.set(savedAtHeader, String(Date.now()));
  return new Response(await response.arrayBuffer(), { status: response.status, statusText: response.statusText, headers });
}

const storable = (response: Response) => response.ok && response.type === "basic" && !response.redirected;

/**
 * The network's answer, kept under `key` in `cacheName` (when `keep` allows), or the
 * kept answer when the network fails, or does not answer within the timeout while a
 * kept answer exists.
 */
async function networkFirst(event: FetchEvent, request: Request, key: string, cacheName: string | null, keep: () => boolean = () => true) {
  const cache = cacheName === null ? null : await caches.open(cacheName);
  const saved = async () => (cache ? ((await cache.match(key)) ?? null) : null);
  const network = fetch(request).then(async (response) => {
    if (cache && storable(response)) {
      const copy = await stamped(response.clone());
      if (keep()) await cache.put(key, copy);
    }
    return response;
  });
  event.waitUntil(network.then(() => undefined, () => undefined));
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timedOut = new Promise<Response | null>((resolve) => {
    timer = setTimeout(() => void saved().then(resolve), networkTimeoutSeconds * 1000);
  });
  try {
    return (await Promise.race([network, timedOut])) ?? (await network);
  } catch (error) {
    const fallback = await saved();
    if (fallback) return fallback;
    throw error;
  } finally {
    clearTimeout(timer);
  }
}

function offlinePage(message: string): Response {
  const html = `<!doctype html><html lang="en"><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>Offline · Hallway</title>
<body style="font:16px/1.5 system-ui,sans-serif;max-width:36rem;margin:3rem auto;padding:0 1rem;color-scheme:light dark">
<h1 style="font-size:1.5rem">You are offline</h1><p>${message}</p><p><a href="javascript:history.back()">Go back</a> or try again when you are online.</p></body></html>`;
  return new Response(html, { status: 503, headers: { "Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-store" } });
}

/** A conference page: fresh when online; offline, the saved copy, the saved search page for any search. */
async function programPage({ event, request, url }: RouteHandlerCallbackOptions, conf: string) {
  try {
    return await networkFirst(event as FetchEvent, request, offlineLookupPath(url), programCacheName(conf));
  } catch {
    return offlinePage("This page of the program was not saved on this device.");
  }
}

async function programJson({ event, request, url }: RouteHandlerCallbackOptions, conf: string) {
  return networkFirst(event as FetchEvent, request, offlineLookupPath(url), programCacheName(conf));
}

/**
 * Mine: kept only in the signed-in person's own cache, and served only from it. `/api/me`,
 * which every page asks when someone is signed in, tells who that is.
 */
async function personal({ event, request, url }: RouteHandlerCallbackOptions) {
  const isMe = url.pathname === "/api/me";
  const epoch = personalEpoch;
  const viewer = await currentViewer();
  const cacheName = viewer === null ? null : personalCacheName(viewer);
  const current = () => epoch === personalEpoch;
  try {
    const response = await networkFirst(event as FetchEvent, request, offlineLookupPath(url), isMe ? null : cacheName, current);
    if (isMe && response.headers.get(savedAtHeader) === null) {
      if (response.status === 401) await setViewer(null);
      else if (response.ok) {
        const id = ((await response.clone().json()) as { id?: unknown }).id;
        const copy = await stamped(response.clone());
        if (typeof id === "string" && id && current()) {
          await setViewer(id);
          if (current() || (await currentViewer()) === id) await (await caches.open(personalCacheName(id))).put(url.pathname, copy);
        }
      }
    }
    return response;
  } catch {
    const saved = cacheName ? await (await caches.open(cacheName)).match(offlineLookupPath(url)) : undefined;
    if (saved) return saved;
    if (request.mode === "navigate") return offlinePage("Your own pages are kept for offline reading once you have opened them while signed in.");
    return Response.json({ error: "You are offline" }, { status: 503, headers: { "Cache-Control": "no-store" } });
  }
}

// ---- Keeping a whole conference offline --------------------------------------------------

const saving = new Map<string, Promise<SaveOutcome | null>>();
/** How long a saved program goes before a visit asks whether the program has a new revision. */
const revisionCheckMs = 15 * 60 * 1000;

async function broadcast(message: unknown) {
  for (const client of await self.clients.matchAll({ type: "window", includeUncontrolled: true })) client.postMessage(message);
}

/**
 * Fetches every public address the conference's offline manifest lists, as anyone
 * sees them (no cookies), into its program cache, until the cap. A new program
 * revision replaces what was saved: what the new program no longer has is dropped.
 */
function saveConference(conf: string, { onlyIfRevised = false } = {}): Promise<SaveOutcome | null> {
  const running = saving.get(conf);
  if (running) return running;
  const run = (async () => {
    const answer = await fetch(`/api/conferences/${encodeURIComponent(conf)}/offline-manifest`, { credentials: "omit", cache: "no-store" });
    if (!answer.ok) throw new Error(`The program could not be listed (HTTP ${answer.status}).`);
    const manifest = (await answer.json()) as OfflineManifest;
    const previous = await readMeta<SaveOutcome>(`saved/${conf}`);
    if (onlyIfRevised && previous?.revision === manifest.revision) return previous;
    const cache = await caches.open(programCacheName(conf));
    const urls = urlsToSave(manifest);
    const saved = new Set<string>();
    let bytes = 0;
    let failed = 0;
    let capped: string | null = null;
    let reported = 0;
    for (const [index, path] of urls.entries()) {
      let response: Response;
      try {
        response = await fetch(path, { credentials: "omit" });
      } catch {
        throw new Error("The connection was lost while saving.");
      }
      if (!storable(response)) {
        failed += 1;
        continue;
      }
      const body = await response.arrayBuffer();
      if (bytes + body.byteLength > capBytes) {
        capped = capMessage(manifest, saved, capBytes);
        break;
      }
      bytes += body.byteLength;
      const headers = new Headers(response.headers);
      headers.set(savedAtHeader, String(Date.now()));
      await cache.put(offlineLookupPath(new URL(path, self.location.origin)), new Response(body, { status: response.status, headers }));
      saved.add(path);
      if (Date.now() - reported > 250 || index === urls.length - 1) {
        reported = Date.now();
        await broadcast({ type: "hallway:offline-progress", conference: conf, done: index + 1, total: urls.length, bytes });
      }
    }
    if (previous?.revision !== manifest.revision) {
      const keep = new Set([...saved].map((path) => new URL(offlineLookupPath(new URL(path, self.location.origin)), self.location.origin).href));
      for (const request of await cache.keys()) if (!keep.has(request.url)) await cache.delete(request);
    }
    const outcome: SaveOutcome = { conference: conf, revision: manifest.revision, pages: saved.size, bytes, savedAt: Date.now(), capped, failed };
    await writeMeta(`saved/${conf}`, outcome);
    await broadcast({ type: "hallway:offline-saved", outcome });
    return outcome;
  })()
    .catch(async (error: unknown) => {
      await broadcast({ type: "hallway:offline-failed", conference: conf, message: error instanceof Error ? error.message : String(error) });
      return null;
    })
    .finally(() => saving.delete(conf));
  saving.set(conf, run);
  return run;
}

// ---- A new version waits while a page holds unsaved text ---------------------------------

/** Asks every open page whether it holds text not yet saved; a page that does not answer in time counts as holding some. */
async function someClientHasUnsavedText(): Promise<boolean> {
  const windows = await self.clients.matchAll({ type: "window" });
  const answers = windows.map(
    (client) =>
      new Promise<boolean>((resolve) => {
        const channel = new MessageChannel();
        const timer = setTimeout(() => resolve(true), 1000);
        channel.port1.onmessage = (message) => {
          clearTimeout(timer);
          resolve(Boolean((message.data as { unsaved?: boolean }).unsaved));
        };
        client.postMessage({ type: "hallway:has-unsaved-text?" }, [channel.port2]);
      }),
  );
  return (await Promise.all(answers)).some(Boolean);
}

async function activateIfNothingUnsaved() {
  if (!(await someClientHasUnsavedText())) await self.skipWaiting();
}

// ---- Wiring ------------------------------------------------------------------------------

const isRscRequest = (request: Request) => request.headers.get("RSC") === "1" || new URL(request.url).searchParams.has("_rsc");

const serwist = new Serwist({
  precacheEntries: self.__SW_MANIFEST,
  // A new version takes over only when no page holds unsaved text (below), never by reloading one.
  skipWaiting: false,
  clientsClaim: true,
  navigationPreload: false,
  runtimeCaching: [
    {
      matcher: ({ url, sameOrigin }) => sameOrigin && classifyPath(url.pathname).kind === "static",
      handler: new CacheFirst({ cacheName: "hallway-static", plugins: [new ExpirationPlugin({ maxEntries: 300, maxAgeSeconds: 30 * 24 * 3600 })] }),
    },
    {
      // Client-side navigations fetch RSC payloads; offline they fail and Next.js loads the page itself, which is served below.
      matcher: ({ url, sameOrigin, request }) => sameOrigin && !isRscRequest(request) && classifyPath(url.pathname).kind === "program-page" && request.destination === "document",
      handler: (options) => programPage(options, (classifyPath(options.url.pathname) as { conf: string }).conf),
    },
    {
      matcher: ({ url, sameOrigin }) => sameOrigin && classifyPath(url.pathname).kind === "program-json",
      handler: (options) => programJson(options, (classifyPath(options.url.pathname) as { conf: string }).conf),
    },
    {
      matcher: ({ url, sameOrigin, request }) => sameOrigin && !isRscRequest(request) && classifyPath(url.pathname).kind === "personal",
      handler: personal,
    },
  ],
});

self.addEventListener("install", (event) => {
  // The first version has nothing to replace; a later one waits for pages with unsaved text.
  event.waitUntil(self.registration.active ? activateIfNothingUnsaved() : self.skipWaiting());
});

type Incoming =
  | { type: "hallway:keep-offline"; conference: string }
  | { type: "hallway:visited"; conference: string }
  | { type: "hallway:saved?"; conference: string; url?: string }
  | { type: typeof clearPersonalMessage }
  | { type: "hallway:try-activate" };

self.addEventListener("message", (event) => {
  const data = event.data as Incoming | null;
  const reply = (value: unknown) => event.ports[0]?.postMessage(value);
  if (!data || typeof data !== "object") return;
  switch (data.type) {
    case "hallway:keep-offline":
      event.waitUntil(saveConference(data.conference));
      break;
    case "hallway:visited":
      // After the first visit of a conference its whole program is saved; later visits keep pages fresh one by one,
      // and now and then look at the program's revision, saving it all again when an import changed it.
      event.waitUntil(
        readMeta<SaveOutcome>(`saved/${data.conference}`).then((outcome) => {
          if (saving.has(data.conference)) return undefined;
          if (!outcome) return saveConference(data.conference);
          if (Date.now() - outcome.savedAt > revisionCheckMs) return saveConference(data.conference, { onlyIfRevised: true });
          return undefined;
        }),
      );
      break;
    case "hallway:saved?":
      event.waitUntil(
        (async () => {
          const outcome = await readMeta<SaveOutcome>(`saved/${data.conference}`);
          const page = data.url ? await caches.match(offlineLookupPath(new URL(data.url)), { cacheName: programCacheName(data.conference) }) : undefined;
          const pageSavedAt = Number(page?.headers.get(savedAtHeader)) || null;
          reply({ outcome, pageSavedAt, saving: saving.has(data.conference) });
        })(),
      );
      break;
    case clearPersonalMessage:
      // Even when nobody is recorded: a cache (or a reply in flight) may outlive the record of whose it was.
      event.waitUntil(setViewer(null, { always: true }).then(() => reply({ cleared: true })));
      break;
    case "hallway:try-activate":
      event.waitUntil(activateIfNothingUnsaved());
      break;
  }
});

// The notes outbox (components/notes) listens for this and replays what was typed offline.
self.addEventListener("sync", (event) => {
  const sync = event as Event & { tag: string; waitUntil(promise: Promise<unknown>): void };
  if (sync.tag !== outboxSyncTag) return;
  sync.waitUntil(broadcast({ type: flushOutboxMessage }));
});

serwist.addEventListeners();
