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
  const key = `${timeZone} ${local}`;
  let ms = utcOfLocal.get(key);
  if (ms === undefined) {
    ms = computeZonedTimeToUtc(local, timeZone).getTime();
    // A bound, not an eviction policy: a program has a few hundred distinct start and end times.
    if (utcOfLocal.size >= 50_000) utcOfLocal.clear();
    utcOfLocal.set(key, ms);
  }
  return new Date(ms);
}

/**
 * Each answer costs Intl four calls (measured: most of an import's main-thread time, two
 * per session, on every re-import), and a program's sessions share their start times.
 */
const utcOfLocal = new Map<string, number>();

function computeZonedTimeToUtc(local: string, timeZone: string): Date {
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

/** "2017-10-17" + 1 → "2017-10-18" */
export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
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

/**
 * Locales whose short zone names are tried in turn. ICU knows many abbreviations
 * only in the zone's own region ("JST" in Japanese, "AEDT" in Australian English).
 */
const abbreviationLocales = ["en-GB", "en-US", "en-AU", "en-IN", "en-SG", "en-HK", "en-ZA", "en-IE", "ja-JP"];

/** The zone's short name at that instant: "CEST", "EDT", "JST", else "GMT+5:30". */
export function zoneAbbreviation(instant: Date, timeZone: string): string {
  const named = (locale: string) =>
    formatter(`zone:${locale}:${timeZone}`, () => new Intl.DateTimeFormat(locale, { timeZone, timeZoneName: "short" }))
      .formatToParts(instant)
      .find((p) => p.type === "timeZoneName")?.value ?? "";
  for (const locale of abbreviationLocales) {
    const name = named(locale);
    if (/^[A-Z]{2,5}$/.test(name)) return name;
  }
  return named("en-GB");
}

/** "Tue 11:00": the conference-local weekday and time of an instant. */
export function formatWeekdayTime(instant: Date, timeZone: string): string {
  return `${formatShortDate(localDate(instant, timeZone)).split(" ")[0]} ${formatTime(instant, timeZone)}`;
}

/** "just now", "5 minutes ago", "2 hours ago", "3 days ago". */
export function formatTimeAgo(instant: Date, now: Date = new Date()): string {
  const minutes = Math.floor((now.getTime() - instant.getTime()) / 60_000);
  if (minutes < 1) return "just now";
  if (minutes < 60) return `${minutes} minute${minutes === 1 ? "" : "s"} ago`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return `${hours} hour${hours === 1 ? "" : "s"} ago`;
  const days = Math.floor(hours / 24);
  return `${days} day${days === 1 ? "" : "s"} ago`;
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

/**
 * A session's time in someone's own zone, for people who choose not to read the
 * conference's clock: "08:00–09:40 BST". Days stay the conference's, so when the
 * local date is not the conference day (or `alwaysDate`) the date goes in front:
 * "Wed 18 Oct 06:30–07:10 JST". Without an end, only the start: "06:30".
 */
export function formatTimeInZone(
  start: Date,
  end: Date | null,
  timeZone: string,
  options: { conferenceDay: string; alwaysDate?: boolean },
): string {
  const date = localDate(start, timeZone);
  const time = end ? formatTimeRange(start, end, timeZone) : formatTime(start, timeZone);
  return options.alwaysDate || date !== options.conferenceDay ? `${formatShortDate(date)} ${time}` : time;
}

/** An instant as ISO 8601 with the zone's offset at that moment: "2017-10-17T14:10:00+02:00". */
export function toZonedIsoString(instant: Date, timeZone: string): string {
  const p = wallClockParts(instant, timeZone);
  const offset = zoneOffsetMinutes(instant, timeZone);
  const sign = offset < 0 ? "-" : "+";
  const abs = Math.abs(offset);
  return `${p.year}-${pad(p.month)}-${pad(p.day)}T${pad(p.hour)}:${pad(p.minute)}:${pad(p.second)}${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

/** The canonical name of an IANA time zone ("europe/london" → "Europe/London"), or null when it is not one. */
export function canonicalTimeZone(zone: string): string | null {
  if (zone.length > 64 || !/^[A-Za-z][A-Za-z0-9_+\-/]*$/.test(zone)) return null;
  try {
    return new Intl.DateTimeFormat("en-US", { timeZone: zone }).resolvedOptions().timeZone;
  } catch {
    return null;
  }
}

/** Whether the runtime knows an IANA zone name such as "Europe/Copenhagen". */
export function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat("en", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}
