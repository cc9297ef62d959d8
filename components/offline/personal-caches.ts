import { personalCachePrefix } from "@/lib/offline/offline-urls";

/**
 * Deletes everything personal the service worker kept (my agenda, my notes, the
 * JSON about me), here and in the worker, which also forgets whose it was. Called
 * at sign-out beside clearAllDrafts; the worker does the same by itself when
 * `/api/me` names someone else (docs/decisions/0021-offline-with-a-service-worker.md).
 */
export function clearPersonalCaches(): Promise<void> {
  const here =
    typeof caches === "undefined"
      ? Promise.resolve()
      : caches
          .keys()
          .then((names) => Promise.all(names.filter((name) => name.startsWith(personalCachePrefix)).map((name) => caches.delete(name))))
          .then(() => undefined)
          .catch(() => undefined);
  if (typeof navigator !== "undefined" && "serviceWorker" in navigator) {
    navigator.serviceWorker.controller?.postMessage({ type: "hallway:clear-personal" });
  }
  return here;
}
