import { clearPersonalMessage, personalCachePrefix } from "@/lib/offline/offline-urls";

/** The personal caches this browser holds (none where Cache Storage is unavailable). */
export async function personalCacheNames(): Promise<string[]> {
  if (typeof caches === "undefined") return [];
  return (await caches.keys().catch(() => [])).filter((name) => name.startsWith(personalCachePrefix));
}

/**
 * Deletes everything personal the service worker kept (my agenda, my notes, the
 * JSON about me), here and in the worker, which also forgets whose it was. Called
 * at sign-out beside clearAllDrafts; the worker does the same by itself when
 * `/api/me` names someone else (docs/decisions/0021-offline-with-a-service-worker.md).
 */
export function clearPersonalCaches(): Promise<void> {
  const here = personalCacheNames()
    .then((names) => Promise.all(names.map((name) => caches.delete(name))))
    .then(() => undefined)
    .catch(() => undefined);
  if (typeof navigator !== "undefined" && "serviceWorker" in navigator) {
    navigator.serviceWorker.controller?.postMessage({ type: clearPersonalMessage });
  }
  return here;
}
