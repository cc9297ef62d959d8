import Link from "next/link";
import type { ConferenceInfo } from "@/lib/schedule/conference";
import { href as routes } from "@/lib/routes";
import { formatShortDate } from "@/lib/time";

type Selection = { day: string | null; track: string | null; q: string | null };

const chip =
  "inline-flex shrink-0 items-center gap-1.5 whitespace-nowrap rounded-full border px-3 py-1.5 text-sm font-medium transition";
const chipIdle =
  "border-zinc-200 bg-white text-zinc-700 hover:border-zinc-300 hover:bg-zinc-50 dark:border-zinc-800 dark:bg-zinc-900 dark:text-zinc-300 dark:hover:bg-zinc-800";
const chipActive = "border-zinc-900 bg-zinc-900 text-white dark:border-zinc-100 dark:bg-zinc-100 dark:text-zinc-900";

/** Day tabs, track filters and a text filter, all plain links and a GET form: they work without JavaScript and live in the URL. */
export function ScheduleFilters({ conference, selection }: { conference: ConferenceInfo; selection: Selection }) {
  const href = (change: Partial<Selection>) => routes.schedule(conference.slug, { ...selection, ...change });
  return (
    <div className="space-y-4">
      <nav aria-label="Days">
        <ul className="-mx-4 flex gap-2 overflow-x-auto px-4 pb-1 sm:mx-0 sm:flex-wrap sm:px-0">
          <li>
            <Link href={href({ day: null })} aria-current={selection.day === null ? "page" : undefined} className={`${chip} ${selection.day === null ? chipActive : chipIdle}`}>
              All days
            </Link>
          </li>
          {conference.days.map((day) => {
            const active = selection.day === day.date;
            return (
              <li key={day.date}>
                <Link href={href({ day: day.date })} aria-current={active ? "page" : undefined} className={`${chip} ${active ? chipActive : chipIdle}`}>
                  {formatShortDate(day.date)}
                  {day.label && <span className={active ? "opacity-75" : "text-zinc-500 dark:text-zinc-400"}>· {day.label}</span>}
                </Link>
              </li>
            );
          })}
        </ul>
      </nav>
      {conference.tracks.length > 0 && (
        <nav aria-label="Tracks">
          <ul className="-mx-4 flex gap-2 overflow-x-auto px-4 pb-1 sm:mx-0 sm:flex-wrap sm:px-0">
            <li>
              <Link href={href({ track: null })} aria-current={selection.track === null ? "page" : undefined} className={`${chip} text-xs ${selection.track === null ? chipActive : chipIdle}`}>
                All tracks
              </Link>
            </li>
            {conference.tracks.map((track) => {
              const active = selection.track === track.slug;
              return (
                <li key={track.slug}>
                  <Link href={href({ track: active ? null : track.slug })} prefetch={false} aria-current={active ? "page" : undefined} className={`${chip} text-xs ${active ? chipActive : chipIdle}`}>
                    <span aria-hidden className="size-2 rounded-full" style={{ backgroundColor: track.color }} />
                    {track.name}
                  </Link>
                </li>
              );
            })}
          </ul>
        </nav>
      )}
      <form role="search" action={routes.schedule(conference.slug)} className="flex max-w-md gap-2">
        {selection.day && <input type="hidden" name="day" value={selection.day} />}
        {selection.track && <input type="hidden" name="track" value={selection.track} />}
        <label htmlFor="schedule-q" className="sr-only">
          Filter these sessions by text
        </label>
        <input
          id="schedule-q"
          name="q"
          type="search"
          defaultValue={selection.q ?? ""}
          placeholder="Filter by title, speaker, topic…"
          className="min-w-0 flex-1 rounded-lg border border-zinc-300 bg-white px-3 py-2 text-sm placeholder:text-zinc-400 dark:border-zinc-700 dark:bg-zinc-900"
        />
        <button type="submit" className="rounded-lg bg-zinc-900 px-4 py-2 text-sm font-medium text-white hover:bg-zinc-700 dark:bg-zinc-100 dark:text-zinc-900 dark:hover:bg-zinc-300">
          Filter
        </button>
      </form>
    </div>
  );
}
