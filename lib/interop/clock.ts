import { zoneOffsetMinutes } from "../time";

/** Wall-clock and duration notation of the schedule formats, on top of lib/time.ts. */

/**
 * The same two conversions for many instants in one zone, for files of
 * thousands of events: Intl is asked for the offset at quarter hours of UTC,
 * and an instant between two with the same offset has it too (offsets change
 * far less often; where one changes between them, the instant is asked itself).
 */
export function zoneClock(timeZone: string) {
  const quarter = 900_000;
  const offsets = new Map<number, number>();
  const offsetOfQuarter = (n: number) => {
    let offset = offsets.get(n);
    if (offset === undefined) {
      offset = zoneOffsetMinutes(new Date(n * quarter), timeZone);
      offsets.set(n, offset);
    }
    return offset;
  };
  const offsetAt = (ms: number) => {
    const n = Math.floor(ms / quarter);
    const before = offsetOfQuarter(n);
    return before === offsetOfQuarter(n + 1) ? before : zoneOffsetMinutes(new Date(ms), timeZone);
  };
  const wallClock = (ms: number, offset: number) => new Date(ms + offset * 60_000).toISOString().slice(0, 16);
  return {
    /** "2017-10-17T09:00" */
    local: (instant: Date) => wallClock(instant.getTime(), offsetAt(instant.getTime())),
    /** "2017-10-17T09:00:00+02:00" */
    iso: (instant: Date) => {
      const offset = offsetAt(instant.getTime());
      return `${wallClock(instant.getTime(), offset)}:00${formatOffset(offset)}`;
    },
  };
}

export function formatOffset(minutes: number): string {
  const sign = minutes < 0 ? "-" : "+";
  const abs = Math.abs(minutes);
  return `${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

export type ParsedDateTime = { local: string; offsetMinutes: number | null };

const dateTimePattern = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/i;

/**
 * "2017-10-17T09:00:00+02:00" → local "2017-10-17T09:00", offset 120; without an
 * offset, `offsetMinutes` is null and the time is the conference's own. Seconds
 * are dropped. Null when the text is not such a date-time.
 */
export function parseDateTime(text: string): ParsedDateTime | null {
  const match = dateTimePattern.exec(text.trim());
  if (!match) return null;
  const [, date, hours, minutes, , zone] = match;
  if (Number(hours) > 23 || Number(minutes) > 59 || Number.isNaN(Date.parse(`${date}T00:00:00Z`))) return null;
  let offsetMinutes: number | null = null;
  if (zone) {
    if (zone.toUpperCase() === "Z") offsetMinutes = 0;
    else {
      const digits = zone.slice(1).replace(":", "");
      offsetMinutes = (zone.startsWith("-") ? -1 : 1) * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2) || 0));
    }
  }
  return { local: `${date}T${hours}:${minutes}`, offsetMinutes };
}

/** The instant of a wall-clock time written with its offset. */
export function instantOf(local: string, offsetMinutes: number): Date {
  return new Date(Date.parse(`${local}:00Z`) - offsetMinutes * 60_000);
}

/** 90 → "01:30"; hours may pass 24. */
export function formatDuration(minutes: number): string {
  return `${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}`;
}

/** "01:30", "0:45", "1:30:00" → minutes; null when it is none of those. */
export function parseDuration(text: string): number | null {
  const match = /^(\d{1,3}):([0-5]\d)(?::([0-5]\d))?$/.exec(text.trim());
  if (!match) return null;
  return Number(match[1]) * 60 + Number(match[2]);
}

export { addDays } from "../time";

function pad(n: number): string {
  return String(n).padStart(2, "0");
}
