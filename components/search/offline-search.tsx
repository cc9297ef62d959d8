"use client";

import { lazy, Suspense, useEffect, useRef, useSyncExternalStore, type FormEvent, type ReactNode } from "react";
import { offlineQuery } from "@/components/search/offline-mode";
import { href } from "@/lib/routes";

// Its own chunk, fetched only when the page searches offline: it carries MiniSearch.
const OfflineResults = lazy(() => import("@/components/search/offline-results").then((module) => ({ default: module.OfflineResults })));

/** Told when the search form changes the URL without a navigation (history.pushState fires no event). */
const urlListeners = new Set<() => void>();

function subscribeToUrl(listener: () => void) {
  urlListeners.add(listener);
  window.addEventListener("popstate", listener);
  return () => {
    urlListeners.delete(listener);
    window.removeEventListener("popstate", listener);
  };
}

/**
 * The search page's form and results, which search the saved program in the browser
 * when the page is offline or is a saved copy rendered for another query than its
 * URL's (offline-mode.ts, docs/decisions/0023-offline-search.md). Until then it shows
 * what the server rendered, `children`, and weighs no more than this file: the
 * offline search loads only when it is needed. Offline, the form's submit stays in
 * the page: the URL changes as a navigation would change it, and the saved program
 * answers.
 */
export function OfflineSearch({
  conference,
  renderedFor,
  form,
  children,
}: {
  conference: { slug: string; name: string; timeZone: string };
  /** The query the server rendered `children` for, "" for none. */
  renderedFor: string;
  form: ReactNode;
  children: ReactNode;
}) {
  const root = useRef<HTMLDivElement>(null);
  // null while the server's HTML is hydrated: the server's results, as rendered.
  const search = useSyncExternalStore(subscribeToUrl, () => window.location.search, () => null);
  const q = search === null ? null : offlineQuery({ renderedFor, search, online: navigator.onLine });

  useEffect(() => {
    if (q === null) return;
    // A saved copy of the page shows the query it was saved with; say the one searched.
    const input = root.current?.querySelector<HTMLInputElement>('input[name="q"]');
    if (input && input.value.trim() !== q) input.value = q;
    document.title = [q ? `“${q.slice(0, 60)}”` : "Search", conference.name].join(" · ");
  }, [q, conference.name]);

  function searchWithoutNavigating(event: FormEvent<HTMLDivElement>) {
    if (navigator.onLine || !(event.target instanceof HTMLFormElement)) return;
    event.preventDefault();
    const typed = new FormData(event.target).get("q");
    window.history.pushState(null, "", href.search(conference.slug, typeof typed === "string" ? typed.trim() : null));
    for (const listener of urlListeners) listener();
  }

  return (
    <div ref={root} className="space-y-6" data-search-rendered-for={renderedFor} onSubmit={searchWithoutNavigating}>
      {form}
      {q === null ? (
        children
      ) : (
        <Suspense fallback={<p className="text-sm text-zinc-600 dark:text-zinc-400">Loading the saved program…</p>}>
          <OfflineResults conference={conference} q={q} />
        </Suspense>
      )}
    </div>
  );
}
