import type { ReactNode } from "react";
import type { ConferenceInfo } from "@/lib/schedule/conference";
import type { SearchHit } from "@/lib/schedule/session-search";
import { OfflineSearch } from "@/components/search/offline-search";
import { SearchResultsSection } from "@/components/search/search-results";
import { href } from "@/lib/routes";
import { SearchForm } from "@/components/ui/search-form";

/**
 * The search page: the form, and for a query its ranked results or an empty state.
 * Offline, or when the page is a saved copy rendered for another query, the browser
 * searches the saved program instead (OfflineSearch).
 * `personal` is what the viewer alone may see, above the results: on the cached page,
 * the browser's own request for their private notes.
 */
export function SearchPage({ conference, q, hits, personal }: { conference: ConferenceInfo; q: string | null; hits: SearchHit[]; personal?: ReactNode }) {
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold tracking-tight sm:text-3xl">Search</h1>
      <OfflineSearch
        conference={{ slug: conference.slug, name: conference.name, timeZone: conference.timeZone }}
        renderedFor={q ?? ""}
        form={
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
        }
      >
        {q ? (
          <>
            {personal}
            <SearchResultsSection q={q} hits={hits} conference={conference} />
          </>
        ) : (
          <p className="text-sm text-zinc-600 dark:text-zinc-400">Search titles, abstracts, speakers, tracks, rooms, attendees’ public notes and your own notes.</p>
        )}
      </OfflineSearch>
    </div>
  );
}

/** “kube” · DockerCon EU 2017 */
export function searchTitle(q: string | null | undefined, conference: { name: string } | null): string {
  return [q ? `“${q.slice(0, 60)}”` : "Search", conference?.name].filter(Boolean).join(" · ");
}
