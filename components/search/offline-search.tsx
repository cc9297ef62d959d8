"use client";

import { useEffect, useRef, useState, useSyncExternalStore, type FormEvent, type ReactNode } from "react";
import type { OfflineResults } from "@/components/search/offline-results";
import { offlineQuery } from "@/components/search/offline-mode";
import { href } from "@/lib/routes";

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
  const [results, setResults] = useState<{ Results: typeof OfflineResults } | "failed" | null>(null);
  const ready = results !== null && results !== "failed";

  useEffect(() => {
    if (q === null || ready) return;
    let current = true;
    // Its own chunk, fetched only now: it carries MiniSearch. Without a saved copy of it
    // offline, it fails; the next search tries again.
    import("@/components/search/offline-results").then(
      (module) => current && setResults({ Results: module.OfflineResults }),
      () => current && setResults("failed"),
    );
    return () => {
      current = false;
    };
  }, [q, ready]);

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
      ) : ready ? (
        <results.Results conference={conference} q={q} />
      ) : (
        <p role="status" className="text-sm text-zinc-600 dark:text-zinc-400">
          {results === "failed" ? "Search is not saved on this device: it needs a connection." : "Loading the saved program…"}
        </p>
      )}
    </div>
  );
}
