import Link from "next/link";
import type { ConferenceInfo } from "@/lib/schedule/conference";
import { href } from "@/lib/routes";
import { SearchForm } from "@/components/ui/search-form";
import { formatShortDate } from "@/lib/time";
import { ChipsIntoView } from "./chips-into-view";

type Selection = { day: string | null; track: string | null; q: string | null; view?: "list" | "grid" };

const chip =
  "inline-flex shrink-0 items-center gap-1.5 whitespace-nowrap rounded-full border px-3 py-1.5 text-sm font-medium transition";
const chipIdle =
  "border-zinc-200 bg-white text-zinc-700 hover:border-zinc-300 hover:bg-zinc-50 dark:border-zinc-800 dark:bg-zinc-900 dark:text-zinc-300 dark:hover:bg-zinc-800";
const chipActive = "border-zinc-900 bg-zinc-900 text-white dark:border-zinc-100 dark:bg-zinc-100 dark:text-zinc-900";

/**
 * Day tabs, track filters and a text filter, all plain links and a GET form: they work without JavaScript and live in the URL.
 * The day tabs stay on top while the sessions scroll; on a day, only the tracks with sessions that day are offered.
 */
export function ScheduleFilters({ conference, selection, dayTracks = null }: {
  conference: ConferenceInfo;
  selection: Selection;
  /** Tracks with a session on the chosen day; null: every track. */
  dayTracks?: string[] | null;
}) {
  const filterHref = (change: Partial<Selection>) => href.schedule(conference.slug, { ...selection, ...change });
  const onDay = dayTracks ? new Set(dayTracks) : null;
  // The chosen track stays, even on a day without it, so that it can be cleared.
  const tracks = conference.tracks.filter((track) => !onDay || onDay.has(track.slug) || track.slug === selection.track);
  return (
    // A fragment: the day tabs stick within the whole page, not within this block.
    <>
      <nav aria-label="Days" className="sticky top-0 z-30 -mx-4 border-b border-zinc-200/80 bg-zinc-50/95 py-2 backdrop-blur sm:-mx-6 dark:border-zinc-800/80 dark:bg-zinc-950/95">
        <ul data-chips className="relative flex gap-2 overflow-x-auto px-4 sm:flex-wrap sm:px-6">
          {/* The grid shows one day at a time. */}
          {selection.view !== "grid" && (
            <li>
              <Link href={filterHref({ day: null })} aria-current={selection.day === null ? "page" : undefined} className={`${chip} ${selection.day === null ? chipActive : chipIdle}`}>
                All days
              </Link>
            </li>
          )}
          {conference.days.map((day) => {
            const active = selection.day === day.date;
            return (
              <li key={day.date}>
                <Link href={filterHref({ day: day.date })} aria-current={active ? "page" : undefined} className={`${chip} ${active ? chipActive : chipIdle}`}>
                  {formatShortDate(day.date)}
                  {day.label && <span className={active ? "opacity-75" : "text-zinc-500 dark:text-zinc-400"}>· {day.label}</span>}
                  {day.sessionCount === 0 && <span className={active ? "opacity-75" : "text-zinc-500 dark:text-zinc-400"}>· no sessions</span>}
                </Link>
              </li>
            );
          })}
        </ul>
      </nav>
      <div className="space-y-3 sm:space-y-4">
        {tracks.length > 0 && (
          <nav aria-label="Tracks">
            <ul data-chips className="relative -mx-4 flex gap-2 overflow-x-auto px-4 pb-1 sm:mx-0 sm:flex-wrap sm:px-0">
              <li>
                <Link href={filterHref({ track: null })} aria-current={selection.track === null ? "page" : undefined} className={`${chip} text-xs ${selection.track === null ? chipActive : chipIdle}`}>
                  All tracks
                </Link>
              </li>
              {tracks.map((track) => {
                const active = selection.track === track.slug;
                return (
                  <li key={track.slug}>
                    <Link href={filterHref({ track: active ? null : track.slug })} prefetch={false} aria-current={active ? "page" : undefined} className={`${chip} text-xs ${active ? chipActive : chipIdle}`}>
                      <span aria-hidden className="size-2 rounded-full" style={{ backgroundColor: track.color }} />
                      {track.name}
                    </Link>
                  </li>
                );
              })}
            </ul>
          </nav>
        )}
        <ChipsIntoView />
        <SearchForm
          action={href.schedule(conference.slug)}
          id="schedule-q"
          label="Filter these sessions by text"
          defaultValue={selection.q ?? ""}
          placeholder="Filter by title, speaker, topic…"
          submitLabel="Filter"
          hidden={{ day: selection.day, track: selection.track }}
        />
      </div>
    </>
  );
}
