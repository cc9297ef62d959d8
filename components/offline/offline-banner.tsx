"use client";

import { useEffect, useState } from "react";

/**
 * "You are offline — showing the program saved at 14:05" while the browser is
 * offline; gone when it is back. When the page was saved comes from the service
 * worker, asked only once offline (the code that asks loads then).
 */
export function OfflineBanner({ conferenceSlug }: { conferenceSlug: string }) {
  const [offline, setOffline] = useState(false);
  const [savedAt, setSavedAt] = useState<string | null>(null);
  useEffect(() => {
    let cancelled = false;
    const update = () => {
      const isOffline = !navigator.onLine;
      setOffline(isOffline);
      if (!isOffline) return;
      void import("./offline-client").then(async ({ savedState, formatSavedAt }) => {
        const state = await savedState(conferenceSlug, location.href);
        const at = state?.pageSavedAt ?? state?.outcome?.savedAt ?? null;
        if (!cancelled) setSavedAt(at ? formatSavedAt(at) : null);
      });
    };
    update();
    window.addEventListener("online", update);
    window.addEventListener("offline", update);
    return () => {
      cancelled = true;
      window.removeEventListener("online", update);
      window.removeEventListener("offline", update);
    };
  }, [conferenceSlug]);
  if (!offline) return null;
  return (
    <div role="status" className="border-b border-amber-300 bg-amber-50 text-amber-950 dark:border-amber-700/60 dark:bg-amber-950/40 dark:text-amber-100">
      <p className="mx-auto max-w-5xl px-4 py-2 text-sm font-medium sm:px-6">
        You are offline — {savedAt ? `showing the program saved at ${savedAt}` : "showing the program saved on this device"}
      </p>
    </div>
  );
}
