import type { ScheduleEntry } from "@/lib/schedule/schedule-view";
import { SessionCard } from "@/components/session/session-card";
import { EmptyState } from "@/components/ui/notice";
import { href } from "@/lib/routes";

/**
 * What a search found: how many, then the ranked sessions or an empty state. The
 * server's results and the offline search's (components/search/offline-results.tsx)
 * both render it, so that they look the same.
 */
export function SearchResultsSection({ q, hits, conference }: { q: string; hits: ScheduleEntry[]; conference: { slug: string; timeZone: string } }) {
  return (
    <>
      <p className="text-sm text-zinc-600 dark:text-zinc-400" aria-live="polite">
        {hits.length === 0 ? "No results" : `${hits.length} result${hits.length === 1 ? "" : "s"}, best first`} for “{q.length > 80 ? `${q.slice(0, 80)}…` : q}”
      </p>
      {hits.length === 0 ? (
        <EmptyState title="Nothing matches">Try fewer or shorter words: the start of a word is enough, and case and accents don’t matter.</EmptyState>
      ) : (
        <SearchResults hits={hits} conference={conference} returnTo={href.search(conference.slug, q)} />
      )}
    </>
  );
}

/** Ranked sessions, best first, each with its day since results span the whole conference. */
export function SearchResults({ hits, conference, returnTo }: { hits: ScheduleEntry[]; conference: { slug: string; timeZone: string }; returnTo?: string }) {
  return (
    <ol className="space-y-3">
      {hits.map((hit) => (
        <li key={hit.id}>
          <SessionCard session={hit} conferenceSlug={conference.slug} timeZone={conference.timeZone} headingLevel={2} showDate returnTo={returnTo} />
        </li>
      ))}
    </ol>
  );
}
