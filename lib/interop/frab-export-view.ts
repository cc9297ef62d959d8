import { createHash } from "node:crypto";
import type { Program } from "../program/program-schema";
import { zonedTimeToUtc } from "../time";
import { addDays, formatDuration, zoneClock } from "./clock";
import { isUuid, nameBasedUuid, stableIds } from "./ids";
import { href } from "../routes";

/**
 * A program as the frab/c3voc formats see it, computed once for both the JSON
 * and the XML writer: integer ids, UUIDs, acronym-prefixed slugs, offsets,
 * durations. Everything is derived from the program alone, so the same program
 * always gives the same file.
 *
 * Only scheduled sessions are written: the formats have no cancelled status,
 * and a consumer treats an event that disappears as cancelled.
 */

export type ExportOptions = {
  /** Origin Hallway is served from; event URLs point at its session pages. */
  baseUrl?: string;
};

export const defaultBaseUrl = "http://localhost:3000";

export type EventView = {
  guid: string;
  id: number;
  date: string;
  start: string;
  duration: string;
  room: string;
  slug: string;
  url: string;
  title: string;
  subtitle: string;
  track: string | null;
  type: string;
  language: string;
  abstract: string;
  persons: { id: number; guid: string; name: string; biography: string }[];
};

export type ScheduleView = {
  baseUrl: string;
  acronym: string;
  title: string;
  description: string;
  start: string;
  end: string;
  timeslotDuration: string;
  timeZone: string;
  url: string | undefined;
  tracks: { name: string; color: string; slug: string }[];
  rooms: { name: string; slug: string; guid: string }[];
  days: { index: number; date: string; dayStart: string; dayEnd: string; rooms: { name: string; guid?: string; events: EventView[] }[] }[];
};

/** The schedule `version` of a file whose version is left out of `content`. */
export function contentVersion(content: string): string {
  return createHash("sha256").update(content).digest("hex").slice(0, 12);
}

/** The c3voc schema's acronym allows no hyphens: "dockercon-eu-2017" → "dockercon_eu_2017". */
export function acronymFor(slug: string): string {
  return slug.replace(/-/g, "_");
}

export function scheduleView(program: Program, options: ExportOptions = {}): ScheduleView {
  const { conference: c } = program;
  const zone = c.timeZone;
  const clock = zoneClock(zone);
  const baseUrl = (options.baseUrl ?? defaultBaseUrl).replace(/\/+$/, "");
  const acronym = acronymFor(c.slug);
  const sessions = program.sessions.filter((s) => s.status === "scheduled");
  const tracks = new Map(program.tracks.map((t) => [t.slug, t]));
  const rooms = program.rooms.map((r) => ({ name: r.name, slug: r.slug, guid: nameBasedUuid(`${c.slug}/room/${r.slug}`) }));
  const roomBySlug = new Map(rooms.map((r, position) => [r.slug, { ...r, position }]));
  const speakers = new Map(program.speakers.map((s) => [s.slug, s]));
  const eventIds = stableIds(sessions.map((s) => s.guid));
  const personIds = stableIds(program.speakers.map((s) => s.slug));

  const timed = sessions.map((s) => {
    const startsAt = zonedTimeToUtc(s.start, zone);
    const endsAt = zonedTimeToUtc(s.end, zone);
    return { s, startsAt, endsAt, minutes: Math.max(0, Math.round((endsAt.getTime() - startsAt.getTime()) / 60_000)) };
  });

  const event = ({ s, startsAt, minutes }: (typeof timed)[number]): EventView => ({
    guid: isUuid(s.guid) ? s.guid : nameBasedUuid(`${c.slug}/session/${s.guid}`),
    id: eventIds.get(s.guid)!,
    date: clock.iso(startsAt),
    start: clock.local(startsAt).slice(11),
    duration: formatDuration(minutes),
    room: (s.room && roomBySlug.get(s.room)?.name) ?? "",
    slug: `${acronym}-${s.slug}`,
    url: `${baseUrl}${href.session(c.slug, s.slug)}`,
    title: s.title,
    subtitle: s.subtitle,
    track: (s.track && tracks.get(s.track)?.name) ?? null,
    type: s.kind,
    language: s.language,
    abstract: s.abstract,
    persons: s.speakers.flatMap((slug) => {
      const speaker = speakers.get(slug);
      if (!speaker) return [];
      return [{ id: personIds.get(slug)!, guid: nameBasedUuid(`${c.slug}/speaker/${slug}`), name: speaker.name, biography: speaker.bio }];
    }),
  });

  const days = program.days.map((day, i) => {
    const ofDay = timed.filter((t) => t.s.day === day.date);
    const first = ofDay.length ? new Date(Math.min(...ofDay.map((t) => t.startsAt.getTime()))) : zonedTimeToUtc(`${day.date}T00:00`, zone);
    const last = ofDay.length ? new Date(Math.max(...ofDay.map((t) => t.endsAt.getTime()))) : zonedTimeToUtc(`${addDays(day.date, 1)}T00:00`, zone);
    const byRoom = new Map<string, typeof ofDay>();
    for (const t of ofDay) {
      const list = byRoom.get(t.s.room ?? "");
      if (list) list.push(t);
      else byRoom.set(t.s.room ?? "", [t]);
    }
    const roomOrder = (slug: string) => roomBySlug.get(slug)?.position ?? Number.MAX_SAFE_INTEGER;
    return {
      index: i + 1,
      date: day.date,
      dayStart: clock.iso(first),
      dayEnd: clock.iso(last),
      rooms: [...byRoom.entries()]
        .sort(([a], [b]) => roomOrder(a) - roomOrder(b))
        .map(([slug, list]) => ({
          name: roomBySlug.get(slug)?.name ?? "",
          guid: roomBySlug.get(slug)?.guid,
          events: list
            .sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime() || a.s.slug.localeCompare(b.s.slug))
            .map(event),
        })),
    };
  });

  return {
    baseUrl,
    acronym,
    title: c.name,
    description: c.tagline,
    start: c.startDate,
    end: c.endDate,
    timeslotDuration: formatDuration(timeslotMinutes(timed.map((t) => [t.startsAt, t.minutes]))),
    timeZone: zone,
    url: c.url,
    tracks: program.tracks.map((t) => ({ name: t.name, color: t.color, slug: t.slug })),
    rooms,
    days,
  };
}

/** The grid the program fits on: the largest step that divides every start and duration, 5 to 60 minutes. */
function timeslotMinutes(slots: [Date, number][]): number {
  if (slots.length === 0) return 15;
  const gcd = (a: number, b: number): number => (b === 0 ? a : gcd(b, a % b));
  const step = slots.reduce((acc, [start, minutes]) => gcd(gcd(acc, Math.round(start.getTime() / 60_000) % 60), minutes), 60);
  return Math.min(60, Math.max(5, step));
}
