import { zoneOffsetMinutes } from "../time";
import type { SessionSummary } from "./sessions";

/**
 * One day as a timetable: rooms as columns, time down the side in rows of
 * `slotMinutes`, each session spanning the rows of its length
 * (docs/decisions/0016-timetable-grid.md). Cells stay in program order (start,
 * then room), which is the order they are read and tabbed through.
 */

export const slotMinutes = 5;
/** Time labels down the side, every half hour. */
const labelEveryMinutes = 30;
const slotMs = slotMinutes * 60_000;

export type TimetableCell = {
  session: SessionSummary;
  /** 1-based column among the rooms. */
  column: number;
  /** 1-based rows of the time axis, end exclusive. */
  rowStart: number;
  rowEnd: number;
};

export type Timetable = {
  rooms: { slug: string; name: string }[];
  /** The instant row 1 begins at: the first session's hour in the conference's zone. */
  start: Date;
  rowCount: number;
  labels: { row: number; at: Date }[];
  cells: TimetableCell[];
};

/** A column for sessions without a room, after the rooms, only when there are such sessions. */
export const noRoom = { slug: "", name: "No room" };

export function buildTimetable(
  sessions: SessionSummary[],
  conferenceRooms: { slug: string; name: string }[],
  timeZone: string,
  /** One page of a big day: the grid starts at `from` (a half hour), and sessions already running then start at its top. */
  window: { from: Date } | null = null,
): Timetable {
  const used = new Set(sessions.map((session) => session.room?.slug ?? ""));
  const rooms = conferenceRooms.filter((room) => used.has(room.slug)).map(({ slug, name }) => ({ slug, name }));
  if (used.has("")) rooms.push(noRoom);
  if (sessions.length === 0) return { rooms, start: new Date(0), rowCount: 0, labels: [], cells: [] };

  const first = window ? window.from.getTime() : Math.min(...sessions.map((s) => s.startsAt.getTime()));
  const last = Math.max(...sessions.map((s) => Math.max(s.endsAt.getTime(), s.startsAt.getTime() + slotMs)));
  // Whole hours of the conference's wall clock, also in zones half an hour off UTC.
  const offsetMs = zoneOffsetMinutes(new Date(first), timeZone) * 60_000;
  const hour = 60 * 60_000;
  const start = Math.floor((first + offsetMs) / hour) * hour - offsetMs;
  const end = Math.ceil((last + offsetMs) / hour) * hour - offsetMs;
  const rowCount = Math.max(1, Math.round((end - start) / slotMs));

  const column = new Map(rooms.map((room, i) => [room.slug, i + 1]));
  const rowOf = (t: number) => Math.floor((t - start) / slotMs) + 1;
  const cells = sessions.map((session) => {
    const rowStart = Math.max(1, rowOf(session.startsAt.getTime()));
    // A session shorter than a row, or ending off the 5-minute grid, still gets a row of its own.
    const rowEnd = Math.max(rowStart + 1, Math.ceil((session.endsAt.getTime() - start) / slotMs) + 1);
    return { session, column: column.get(session.room?.slug ?? "") ?? rooms.length, rowStart, rowEnd: Math.min(rowEnd, rowCount + 1) };
  });

  const labels: Timetable["labels"] = [];
  for (let row = 1; row <= rowCount; row += labelEveryMinutes / slotMinutes) labels.push({ row, at: new Date(start + (row - 1) * slotMs) });
  return { rooms, start: new Date(start), rowCount, labels, cells };
}
