import type { ConferenceInfo } from "@/lib/schedule/conference";
import { conferenceSpan } from "@/lib/schedule/now";
import type { ScheduleView } from "@/lib/schedule/schedule-view";
import { href } from "@/lib/routes";
import { buildTimetable } from "@/lib/schedule/timetable";
import { formatLongDate, formatShortDate, formatTime } from "@/lib/time";
import { EmptyState } from "@/components/ui/notice";
import { Pagination } from "./pagination";
import { ScheduleFilters } from "./schedule-filters";
import { ScheduleList } from "./schedule-list";
import { HappeningNow } from "./happening-now";
import { TimetableGrid } from "./timetable-grid";
import { ViewSwitch } from "./view-switch";
import { TimeZoneNote } from "@/components/conference/time-zone-note";
import { SearchResults } from "@/components/search/search-results";

type ScheduleResultView = Extract<ScheduleView, { ok: true }>;

export function SchedulePage({ conference, view }: { conference: ConferenceInfo; view: ScheduleResultView }) {
  const selection = { day: view.day?.date ?? null, track: view.track?.slug ?? null, q: view.q, view: view.view };
  const span = conferenceSpan(conference);
  return (
    <div className="space-y-4 sm:space-y-8">
      <div className="flex flex-wrap items-end justify-between gap-x-3 gap-y-2">
        <div>
          <h1 className="text-2xl font-bold tracking-tight sm:text-3xl">
            {view.day ? formatLongDate(view.day.date) : "Schedule"}
          </h1>
          <TimeZoneNote conference={conference} />
        </div>
        {!view.q && <ViewSwitch conferenceSlug={conference.slug} selection={selection} />}
      </div>
      <ScheduleFilters conference={conference} selection={selection} dayTracks={view.dayTracks} />
      <HappeningNow spanStart={span.start.toISOString()} spanEnd={span.end.toISOString()} />
      <ScheduleResult conference={conference} view={view} span={span} />
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

function ScheduleResult({ conference, view, span }: { conference: ConferenceInfo; view: ScheduleResultView; span: { start: Date; end: Date } }) {
  const here = href.schedule(conference.slug, { day: view.day?.date, track: view.track?.slug, q: view.q, page: view.page, view: view.view });
  const summary = [
    `${view.total} session${view.total === 1 ? "" : "s"}`,
    view.q ? `matching “${view.q}”` : null,
    view.track ? `in ${view.track.name}` : null,
  ].filter(Boolean).join(" ");
  return (
    <div className="space-y-4 sm:space-y-6" data-schedule>
      <p className="text-sm text-zinc-600 dark:text-zinc-400" aria-live="polite">
        {summary}
        {view.q && " · best matches first"}
        {view.window && view.pageCount > 1 && ` · ${formatTime(view.window.from, conference.timeZone)}–${formatTime(view.window.to, conference.timeZone)} on this page`}
      </p>
      {view.sessions.length === 0 ? (
        <NothingHere conference={conference} view={view} />
      ) : view.q ? (
        <SearchResults hits={view.sessions} conference={conference} returnTo={here} />
      ) : view.view === "grid" && view.day ? (
        <TimetableGrid
          timetable={buildTimetable(view.sessions, conference.rooms, conference.timeZone, view.window ?? null)}
          conference={conference}
          dayLabel={formatShortDate(view.day.date)}
          span={span}
        />
      ) : (
        <ScheduleList sessions={view.sessions} conferenceSlug={conference.slug} timeZone={conference.timeZone} returnTo={here} dayHeadings={view.day ? "hidden" : "shown"} />
      )}
      <Pagination
        page={view.page}
        pageCount={view.pageCount}
        hrefFor={(page) => href.schedule(conference.slug, { day: view.day?.date, track: view.track?.slug, page, view: view.view })}
      />
    </div>
  );
}

/** An empty day or track says which, and offers the way out that has sessions. */
function NothingHere({ conference, view }: { conference: ConferenceInfo; view: ScheduleResultView }) {
  const link = "font-medium text-accent-600 hover:underline dark:text-accent-300";
  if (view.q) {
    return <EmptyState title="No sessions match">Try fewer or shorter words: the start of a word is enough.</EmptyState>;
  }
  const day = view.day ? formatLongDate(view.day.date) : null;
  const keep = { view: view.view };
  if (view.track && day) {
    return (
      <EmptyState title={`No ${view.track.name} sessions on ${day}`}>
        See{" "}
        <a href={href.schedule(conference.slug, { ...keep, day: view.day?.date })} className={link}>every track that day</a>
        {" or "}
        <a href={href.schedule(conference.slug, { track: view.track.slug })} className={link}>{view.track.name} on every day</a>.
      </EmptyState>
    );
  }
  if (view.track) return <EmptyState title={`No sessions in ${view.track.name}`}>This track has nothing scheduled yet.</EmptyState>;
  const busy = conference.days.filter((d) => d.sessionCount > 0);
  return (
    <EmptyState title={day ? `Nothing is scheduled on ${day}` : "Nothing is scheduled yet"}>
      {busy.length > 0 && (
        <>
          Sessions are on{" "}
          {busy.map((d, i) => (
            <span key={d.date}>
              {i > 0 && (i === busy.length - 1 ? " and " : ", ")}
              <a href={href.schedule(conference.slug, { ...keep, day: d.date })} className={link}>{formatShortDate(d.date)}</a>
            </span>
          ))}
          .
        </>
      )}
    </EmptyState>
  );
}
