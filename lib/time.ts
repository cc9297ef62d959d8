/**
 * Instants are stored in UTC and shown in the conference's time zone, with the
 * zone named (docs/decisions/0002-times-in-utc.md). Intl formatters are costly
 * to build, so each is made once per zone and reused.
 */

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(key: string, make: () => Intl.DateTimeFormat): Intl.DateTimeFormat {
  let f = formatters.get(key);
  if (!f) {
    f = make();
    formatters.set(key, f);
  }
  return f;
}

function wallClockParts(instant: Date, timeZone: string) {
  const parts = formatter(`parts:${timeZone}`, () =>
    new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
    }),
  ).formatToParts(instant);
  const get = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value);
  return { year: get("year"), month: get("month"), day: get("day"), hour: get("hour"), minute: get("minute"), second: get("second") };
}

/** Minutes to add to UTC to get the zone's wall clock at that instant (CEST: 120). */
export function zoneOffsetMinutes(instant: Date, timeZone: string): number {
  const p = wallClockParts(instant, timeZone);
  const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  return Math.round((asUtc - Math.floor(instant.getTime() / 1000) * 1000) / 60_000);
}

/**
 * The UTC instant of a wall-clock time ("2017-10-17T09:00") in a zone. A time
 * skipped by a DST jump resolves to the instant after the jump; a repeated one
 * to its first occurrence.
 */
export function zonedTimeToUtc(local: string, timeZone: string): Date {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(local);
  if (!match) throw new RangeError(`"${local}" is not a local date-time like 2017-10-17T09:00`);
  const [y, mo, d, h, mi, s] = match.slice(1).map((part) => Number(part ?? 0)) as [number, number, number, number, number, number];
  const naive = Date.UTC(y, mo - 1, d, h, mi, s);
  const day = 24 * 60 * 60_000;
  const before = zoneOffsetMinutes(new Date(naive - day), timeZone);
  const after = zoneOffsetMinutes(new Date(naive + day), timeZone);
  const valid = [naive - before * 60_000, naive - after * 60_000]
    .filter((t) => zoneOffsetMinutes(new Date(t), timeZone) * 60_000 === naive - t)
    .sort((a, b) => a - b);
  return new Date(valid[0] ?? naive - before * 60_000);
}

/** The conference-local calendar date of an instant, "YYYY-MM-DD". */
export function localDate(instant: Date, timeZone: string): string {
  const p = wallClockParts(instant, timeZone);
  return `${p.year}-${pad(p.month)}-${pad(p.day)}`;
}

/** The conference-local wall-clock time, "HH:mm". */
export function formatTime(instant: Date, timeZone: string): string {
  return formatter(`time:${timeZone}`, () =>
    new Intl.DateTimeFormat("en-GB", { timeZone, hour: "2-digit", minute: "2-digit", hourCycle: "h23" }),
  ).format(instant);
}

/** The zone's short name at that instant: "CEST", "EDT", else "GMT+5:30". */
export function zoneAbbreviation(instant: Date, timeZone: string): string {
  const named = (locale: string) =>
    formatter(`zone:${locale}:${timeZone}`, () => new Intl.DateTimeFormat(locale, { timeZone, timeZoneName: "short" }))
      .formatToParts(instant)
      .find((p) => p.type === "timeZoneName")?.value ?? "";
  const european = named("en-GB");
  if (!european.startsWith("GMT") && !european.startsWith("UTC")) return european;
  const american = named("en-US");
  return american.startsWith("GMT") || american.startsWith("UTC") ? european : american;
}

/** "09:00–10:40 CEST" */
export function formatTimeRange(start: Date, end: Date, timeZone: string): string {
  return `${formatTime(start, timeZone)}–${formatTime(end, timeZone)} ${zoneAbbreviation(start, timeZone)}`;
}

/** "Tuesday 17 October 2017" for a local date. */
export function formatLongDate(date: string): string {
  return formatter("long-date", () =>
    new Intl.DateTimeFormat("en-GB", { timeZone: "UTC", weekday: "long", day: "numeric", month: "long", year: "numeric" }),
  ).format(new Date(`${date}T12:00:00Z`));
}

/** "Tue 17 Oct" for a local date. */
export function formatShortDate(date: string): string {
  return formatter("short-date", () =>
    new Intl.DateTimeFormat("en-GB", { timeZone: "UTC", weekday: "short", day: "numeric", month: "short" }),
  ).format(new Date(`${date}T12:00:00Z`));
}

/** "16–19 October 2017" */
export function formatDateSpan(first: string, last: string): string {
  return formatter("span", () =>
    new Intl.DateTimeFormat("en-GB", { timeZone: "UTC", day: "numeric", month: "long", year: "numeric" }),
  ).formatRange(new Date(`${first}T12:00:00Z`), new Date(`${last}T12:00:00Z`));
}

function pad(n: number): string {
  return String(n).padStart(2, "0");
}
