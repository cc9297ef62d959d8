import type { ReactNode } from "react";
import type { ConferenceInfo } from "@/lib/schedule/conference";
import type { SearchHit } from "@/lib/schedule/session-search";
import { EmptyState } from "@/components/ui/notice";
import { SearchResults } from "@/components/search/search-results";
import { href } from "@/lib/routes";
import { SearchForm } from "@/components/ui/search-form";

/**
 * The search page: the form, and for a query its ranked results or an empty state.
 * `personal` is what the viewer alone may see, above the results: on the cached page,
 * the browser's own request for their private notes.
 */
export function SearchPage({ conference, q, hits, personal }: { conference: ConferenceInfo; q: string | null; hits: SearchHit[]; personal?: ReactNode }) {
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold tracking-tight sm:text-3xl">Search</h1>
      <SearchForm
        action={href.search(conference.slug)}
        id="search-q"
        label="Search sessions, speakers and notes"
        defaultValue={q ?? ""}
        autoFocus={!q}
        placeholder="Try “kube”, “linuxkit” or a speaker’s name"
        submitLabel="Search"
        prominent
      />
      {q ? (
        <>
          {personal}
          <p className="text-sm text-zinc-600 dark:text-zinc-400" aria-live="polite">
            {hits.length === 0 ? "No results" : `${hits.length} result${hits.length === 1 ? "" : "s"}, best first`} for “{q.length > 80 ? `${q.slice(0, 80)}…` : q}”
          </p>
          {hits.length === 0 ? (
            <EmptyState title="Nothing matches">Try fewer or shorter words: the start of a word is enough, and case and accents don’t matter.</EmptyState>
          ) : (
            <SearchResults hits={hits} conference={conference} returnTo={href.search(conference.slug, q)} />
          )}
        </>
      ) : (
        <p className="text-sm text-zinc-600 dark:text-zinc-400">Search titles, abstracts, speakers, tracks, rooms, attendees’ public notes and your own notes.</p>
      )}
    </div>
  );
}

/** “kube” · DockerCon EU 2017 */
export function searchTitle(q: string | null | undefined, conference: { name: string } | null): string {
  return [q ? `“${q.slice(0, 60)}”` : "Search", conference?.name].filter(Boolean).join(" · ");
}
