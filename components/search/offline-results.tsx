"use client";

import { useEffect, useMemo, useState } from "react";
import { buildOfflineIndex, type OfflineIndex } from "@/lib/schedule/offline-search";
import type { SearchIndexJson } from "@/lib/schedule/search-index-shape";
import { SearchResultsSection } from "@/components/search/search-results";
import { EmptyState } from "@/components/ui/notice";
import { href } from "@/lib/routes";

/** One index per conference and page: built once, then every search of the page asks it. */
const indexes = new Map<string, Promise<OfflineIndex>>();

/**
 * The saved index first: the service worker keeps it in the Cache Storage with the
 * program, and reading it there works whether or not a worker answers this page's
 * requests. The network only when nothing is saved.
 */
async function readIndex(conferenceSlug: string): Promise<OfflineIndex> {
  const url = href.api.searchIndex(conferenceSlug);
  const saved = typeof caches === "undefined" ? undefined : await caches.match(url).catch(() => undefined);
  const response = saved ?? (await fetch(url));
  if (!response.ok) throw new Error(`The search index answered ${response.status}`);
  const data = (await response.json()) as SearchIndexJson;
  if (data.version !== 1) throw new Error(`An index of version ${String(data.version)}, which this page does not read`);
  return buildOfflineIndex(data);
}

function loadIndex(conferenceSlug: string): Promise<OfflineIndex> {
  let loading = indexes.get(conferenceSlug);
  if (!loading) {
    loading = readIndex(conferenceSlug);
    // A failure is not kept: the next search tries again.
    loading.catch(() => indexes.delete(conferenceSlug));
    indexes.set(conferenceSlug, loading);
  }
  return loading;
}

type Loaded = { slug: string; index: OfflineIndex } | { slug: string; failed: true };

/** Results for `q` from the saved program, looking as the server's do, under a line that says where they come from. */
export function OfflineResults({ conference, q }: { conference: { slug: string; timeZone: string }; q: string }) {
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  useEffect(() => {
    let current = true;
    loadIndex(conference.slug).then(
      (index) => current && setLoaded({ slug: conference.slug, index }),
      () => current && setLoaded({ slug: conference.slug, failed: true }),
    );
    return () => {
      current = false;
    };
  }, [conference.slug]);

  const state = loaded?.slug === conference.slug ? loaded : null;
  const index = state && "index" in state ? state.index : null;
  const hits = useMemo(() => (index && q ? index.search(q) : []), [index, q]);

  return (
    <div className="space-y-6" data-offline-results>
      <p role="status" className="flex items-center gap-2 text-sm font-medium text-zinc-700 dark:text-zinc-300">
        <span aria-hidden className="inline-block size-2 rounded-full bg-amber-500" />
        Searching the saved program (offline)
      </p>
      {state && "failed" in state ? (
        <EmptyState title="This program is not saved on this device">
          Search needs a connection until it is. Titles, speakers, tracks, rooms and the start of each abstract are searched offline once the conference is kept offline.
        </EmptyState>
      ) : !index ? (
        <p className="text-sm text-zinc-600 dark:text-zinc-400">Loading the saved program…</p>
      ) : q ? (
        <SearchResultsSection q={q} hits={hits} conference={conference} />
      ) : (
        <p className="text-sm text-zinc-600 dark:text-zinc-400">Search titles, speakers, tracks, rooms and the start of each abstract, saved on this device.</p>
      )}
    </div>
  );
}
