import type { ConferenceInfo } from "@/lib/schedule/conference";
import type { ScheduleView } from "@/lib/schedule/schedule-view";
import { href } from "@/lib/routes";
import { formatLongDate } from "@/lib/time";
import { EmptyState } from "@/components/ui/notice";
import { Pagination } from "./pagination";
import { ScheduleFilters } from "./schedule-filters";
import { ScheduleList } from "./schedule-list";
import { TimeZoneNote } from "@/components/conference/time-zone-note";
import { SearchResults } from "@/components/search/search-results";

type ScheduleResultView = Extract<ScheduleView, { ok: true }>;

export function SchedulePage({ conference, view }: { conference: ConferenceInfo; view: ScheduleResultView }) {
  const selection = { day: view.day?.date ?? null, track: view.track?.slug ?? null, q: view.q };
  return (
    <div className="space-y-8">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-2xl font-bold tracking-tight sm:text-3xl">
            {view.day ? formatLongDate(view.day.date) : "Schedule"}
          </h1>
          <TimeZoneNote conference={conference} />
        </div>
      </div>
      <ScheduleFilters conference={conference} selection={selection} />
      <ScheduleResult conference={conference} view={view} />
      <footer className="border-t border-zinc-200 pt-4 text-sm text-zinc-600 dark:border-zinc-800 dark:text-zinc-400">
        The whole program for your calendar or schedule app:{" "}
        <a href={href.scheduleExport(conference.slug, "ics")} className="font-medium text-accent-600 hover:underline dark:text-accent-300">iCalendar</a>
        {" · "}
        <a href={href.scheduleExport(conference.slug, "json")} className="font-medium text-accent-600 hover:underline dark:text-accent-300">frab JSON</a>
        {" · "}
        <a href={href.scheduleExport(conference.slug, "xml")} className="font-medium text-accent-600 hover:underline dark:text-accent-300">Pentabarf XML</a>
      </footer>
    </div>
  );
}

function ScheduleResult({ conference, view }: { conference: ConferenceInfo; view: ScheduleResultView }) {
  const here = href.schedule(conference.slug, { day: view.day?.date, track: view.track?.slug, q: view.q, page: view.page });
  const summary = [
    `${view.total} session${view.total === 1 ? "" : "s"}`,
    view.q ? `matching “${view.q}”` : null,
    view.track ? `in ${view.track.name}` : null,
  ].filter(Boolean).join(" ");
  return (
    <div className="space-y-6">
      <p className="text-sm text-zinc-600 dark:text-zinc-400" aria-live="polite">
        {summary}
        {view.q && " · best matches first"}
      </p>
      {view.sessions.length === 0 ? (
        <EmptyState title={view.q ? "No sessions match" : "Nothing scheduled here"}>
          {view.q ? "Try fewer or shorter words: the start of a word is enough." : "Try another day or track."}
        </EmptyState>
      ) : view.q ? (
        <SearchResults hits={view.sessions} conference={conference} returnTo={here} />
      ) : (
        <ScheduleList sessions={view.sessions} conferenceSlug={conference.slug} timeZone={conference.timeZone} returnTo={here} />
      )}
      <Pagination
        page={view.page}
        pageCount={view.pageCount}
        hrefFor={(page) => href.schedule(conference.slug, { day: view.day?.date, track: view.track?.slug, page })}
      />
    </div>
  );
}
