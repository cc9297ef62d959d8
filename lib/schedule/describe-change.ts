import type { ChangedValue, FieldChanges } from "../program/load-program";
import { formatTime, formatWeekdayTime } from "../time";
import type { SessionChangeKind } from "./changes";

/**
 * A session change in words, times in the conference's zone: "Moved from Tue 11:00,
 * Room B, to Tue 14:00, Auditorium 15", "Renamed from “Docker 101”", "Cancelled".
 */
export function describeChange(change: { kind: SessionChangeKind; fields: FieldChanges }, timeZone: string): string[] {
  const { kind, fields } = change;
  const lines: string[] = [];
  if (kind === "added") return ["Added to the program"];
  if (kind === "cancelled") lines.push("Cancelled");
  if (kind === "restored") lines.push("Back in the program");

  const time = (value: ChangedValue) => (typeof value === "string" ? formatWeekdayTime(new Date(value), timeZone) : "no time");
  const room = (value: ChangedValue) => (typeof value === "string" ? value : "no room");
  const moved = fields.startsAt || fields.room;
  if (moved) {
    const from = [fields.startsAt && time(fields.startsAt[0]), fields.room && room(fields.room[0])].filter(Boolean).join(", ");
    const to = [fields.startsAt && time(fields.startsAt[1]), fields.room && room(fields.room[1])].filter(Boolean).join(", ");
    lines.push(fields.startsAt && fields.room ? `Moved from ${from}, to ${to}` : `Moved from ${from} to ${to}`);
  }
  if (fields.endsAt && typeof fields.endsAt[1] === "string") {
    const ends = formatTime(new Date(fields.endsAt[1]), timeZone);
    const was = typeof fields.endsAt[0] === "string" ? formatTime(new Date(fields.endsAt[0]), timeZone) : null;
    // A move that keeps the length says all in "Moved"; say the end only when it tells something new.
    if (!fields.startsAt || duration(fields.startsAt) !== duration(fields.endsAt)) lines.push(`Now ends at ${ends}${was ? ` (was ${was})` : ""}`);
  }
  if (fields.title) lines.push(`Renamed from “${String(fields.title[0])}”`);
  if (fields.speakers) lines.push(`Speakers now ${names(fields.speakers[1])} (was ${names(fields.speakers[0])})`);
  if (fields.track) lines.push(`Track changed from ${fields.track[0] ?? "none"} to ${fields.track[1] ?? "none"}`);
  if (fields.abstract || fields.subtitle || fields.kind || fields.language) lines.push("Description updated");
  if (lines.length === 0) lines.push("Updated");
  return lines;
}

function names(value: ChangedValue): string {
  const list = Array.isArray(value) ? value : [];
  if (list.length === 0) return "none";
  return list.length === 1 ? list[0]! : `${list.slice(0, -1).join(", ")} and ${list.at(-1)}`;
}

/** The shift of a [old, new] pair of instants, to tell a move from a change of length. */
function duration(pair: [ChangedValue, ChangedValue]): number | null {
  return typeof pair[0] === "string" && typeof pair[1] === "string" ? Date.parse(pair[1]) - Date.parse(pair[0]) : null;
}
