"use client";

import { useEffect } from "react";
import { browserMayBeSignedIn } from "@/components/account/signed-in-hint";
import { classifyPath, clearPersonalMessage } from "@/lib/offline/offline-urls";
import { personalCacheNames } from "./personal-caches";
import { pageHasUnsavedText } from "./unsaved-text";

const visitSaveDelayMs = 5000;

/**
 * Registers the service worker (production builds only: `next dev` has none) and
 * answers its questions. Nothing here reloads a page: a new version of the worker
 * takes over only when no page holds unsaved text, and otherwise waits for a later
 * page load (docs/decisions/0021-offline-with-a-service-worker.md).
 */
export function ServiceWorkerRegistration() {
  useEffect(() => {
    if (process.env.NODE_ENV !== "production" || !("serviceWorker" in navigator)) return;
    const container = navigator.serviceWorker;
    const answer = (event: MessageEvent) => {
      const data = event.data as { type?: string } | null;
      if (data?.type === "hallway:has-unsaved-text?") event.ports[0]?.postMessage({ unsaved: pageHasUnsavedText() });
    };
    container.addEventListener("message", answer);
    container
      .register("/sw.js", { scope: "/" })
      .then(async (registration) => {
        registration.waiting?.postMessage({ type: "hallway:try-activate" });
        const worker = (await container.ready).active;
        if (!worker || !navigator.onLine) return;
        // Signed out here: nothing personal stays on this device. Asked only when something is left, not at every page.
        if (!browserMayBeSignedIn() && (await personalCacheNames()).length) worker.postMessage({ type: clearPersonalMessage });
        const kind = classifyPath(location.pathname);
        const conference = kind.kind === "program-page" ? kind.conf : undefined;
        // After the first visit of a conference its whole program is saved (the worker does it once), a few
        // seconds on, so that it never competes with the page's own loading on a slow connection.
        if (conference) window.setTimeout(() => worker.postMessage({ type: "hallway:visited", conference }), visitSaveDelayMs);
      })
      .catch(() => {
        // No worker (a private window, a browser that refuses): the site works as it always did, online.
      });
    return () => container.removeEventListener("message", answer);
  }, []);
  return null;
}
