import type { ScheduleEntry } from "@/lib/schedule/schedule-view";
import { formatLongDate, formatTime, localDate } from "@/lib/time";
import { zonedTimeAttributes } from "@/components/time/time-attributes";
import { SessionCard } from "@/components/session/session-card";

type Slot = { start: Date; sessions: ScheduleEntry[] };
type DayGroup = { date: string; slots: Slot[] };

/** Program order: by conference-local day, then by start time. */
function groupByDayAndTime(sessions: ScheduleEntry[], timeZone: string): DayGroup[] {
  const days: DayGroup[] = [];
  for (const session of sessions) {
    const date = localDate(session.startsAt, timeZone);
    let day = days.at(-1);
    if (!day || day.date !== date) {
      day = { date, slots: [] };
      days.push(day);
    }
    let slot = day.slots.at(-1);
    if (!slot || slot.start.getTime() !== session.startsAt.getTime()) {
      slot = { start: session.startsAt, sessions: [] };
      day.slots.push(slot);
    }
    slot.sessions.push(session);
  }
  return days;
}

export function ScheduleList({
  sessions,
  conferenceSlug,
  timeZone,
  returnTo,
}: {
  sessions: ScheduleEntry[];
  conferenceSlug: string;
  timeZone: string;
  returnTo?: string;
}) {
  return (
    <div className="space-y-10">
      {groupByDayAndTime(sessions, timeZone).map((day) => (
        <section key={day.date} aria-labelledby={`day-${day.date}`}>
          <h2 id={`day-${day.date}`} className="sticky top-0 z-20 -mx-4 bg-zinc-50/95 px-4 py-2 text-lg font-semibold tracking-tight backdrop-blur sm:-mx-6 sm:px-6 dark:bg-zinc-950/95">
            {formatLongDate(day.date)}
          </h2>
          <ol className="mt-3 space-y-6">
            {day.slots.map((slot) => (
              <li key={slot.start.toISOString()} className="grid gap-3 sm:grid-cols-[4.5rem_1fr]">
                <p className="pt-1 text-sm font-semibold tabular-nums text-zinc-500 dark:text-zinc-400">
                  <time {...zonedTimeAttributes(slot.start, null, timeZone)}>{formatTime(slot.start, timeZone)}</time>
                </p>
                <ul className="grid gap-3 md:grid-cols-2">
                  {slot.sessions.map((session) => (
                    <li key={session.id}>
                      <SessionCard session={session} conferenceSlug={conferenceSlug} timeZone={timeZone} returnTo={returnTo} />
                    </li>
                  ))}
                </ul>
              </li>
            ))}
          </ol>
        </section>
      ))}
    </div>
  );
}
