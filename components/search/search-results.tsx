import type { ScheduleEntry } from "@/lib/schedule/schedule-view";
import { SessionCard } from "@/components/session/session-card";

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
