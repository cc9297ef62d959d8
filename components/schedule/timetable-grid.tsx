import type { Timetable } from "@/lib/schedule/timetable";
import { formatTime, formatTimeRange } from "@/lib/time";
import { href } from "@/lib/routes";
import { zonedTimeAttributes } from "@/components/time/time-attributes";
import { TimetableLive } from "./timetable-live";
import "./timetable.css";

/**
 * Rooms as columns, time down the side (docs/decisions/0016-timetable-grid.md).
 * A big day has 2,000 cells, so every cell is plain server-rendered markup (a
 * link, no client component and no next/link); one island marks my stars and the
 * current time. Room headers and time labels are visual only: each cell says its
 * own time and room, and the cells are in program order, so reading and Tab go
 * by time, then room.
 */
export function TimetableGrid({ timetable, conference, dayLabel, span }: {
  timetable: Timetable;
  conference: { slug: string; timeZone: string };
  dayLabel: string;
  /** The conference's first and last instants: the now-line shows only between them. */
  span: { start: Date; end: Date };
}) {
  const { rooms, rowCount, labels, cells, start } = timetable;
  const tz = conference.timeZone;
  return (
    <div className="tt-scroll" role="region" aria-label={`Timetable of ${dayLabel}, rooms against time`} data-schedule>
      <div className="tt-grid" style={{ gridTemplateColumns: `var(--tt-times) repeat(${rooms.length}, minmax(var(--tt-room), 1fr))`, gridTemplateRows: `auto repeat(${rowCount}, var(--tt-row))` }}>
        <div aria-hidden className="tt-corner" />
        {rooms.map((room, i) => (
          <div key={room.slug} aria-hidden className="tt-room" style={{ gridColumn: i + 2 }}>
            {room.name}
          </div>
        ))}
        {rooms.map((room, i) => (
          <div key={room.slug} aria-hidden className="tt-lane" style={{ gridColumn: i + 2, gridRow: `2 / span ${rowCount}` }} />
        ))}
        {labels.map((label) => (
          <div key={label.row} aria-hidden className="tt-time" style={{ gridRow: `${label.row + 1} / span 6` }}>
            {formatTime(label.at, tz)}
          </div>
        ))}
        <ol className="tt-sessions" style={{ gridRow: `2 / span ${rowCount}` }}>
          {cells.map(({ session, column, rowStart, rowEnd }) => {
            const cancelled = session.status === "cancelled";
            return (
              <li key={session.id} style={{ gridColumn: column, gridRow: `${rowStart} / ${rowEnd}` }}>
                <a
                  href={href.session(conference.slug, session.slug)}
                  className="tt-cell"
                  data-slug={session.slug}
                  data-cancelled={cancelled ? "" : undefined}
                  style={session.track ? { borderLeftColor: session.track.color } : undefined}
                >
                  <time {...zonedTimeAttributes(session.startsAt, session.endsAt, tz)}>{formatTimeRange(session.startsAt, session.endsAt, tz)}</time>
                  <span className="sr-only">, {session.room?.name ?? "no room"}{cancelled ? ", cancelled" : ""}: </span>
                  <span className="tt-title">{session.title}</span>
                  {session.speakers.length > 0 && <span className="tt-meta">{session.speakers.map((s) => s.name).join(", ")}</span>}
                  {session.track && <span className="tt-meta">{session.track.name}</span>}
                  {cancelled && <span aria-hidden className="tt-cancelled">Cancelled</span>}
                </a>
              </li>
            );
          })}
        </ol>
        <TimetableLive conferenceSlug={conference.slug} start={start.toISOString()} rowCount={rowCount} spanStart={span.start.toISOString()} spanEnd={span.end.toISOString()} />
      </div>
    </div>
  );
}
