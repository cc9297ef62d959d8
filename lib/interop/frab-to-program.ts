import { programSchema, sessionKinds, type Program } from "../program/program-schema";
import { isTimeZone, zonedTimeToUtc } from "../time";
import { addDays, instantOf, parseDateTime, parseDuration, zoneClock } from "./clock";
import { frabDocumentSchema, type FrabConference, type FrabDay, type FrabEvent } from "./frab-document";
import { ProgramFormatError, type PathSegment } from "./errors";
import { toMarkdown } from "./html-to-markdown";
import { nameBasedUuid, slugify, slugPattern, uniqueSlug } from "./ids";
import { NamedThings, Speakers } from "./frab-registries";

/** Turns a path inside the document into where a person should look: a JSON path, or a line of XML. */
export type Locate = (path: readonly PathSegment[]) => string;

export type ToProgramOptions = {
  /** Overrides the slug Hallway derives from the conference's acronym. */
  conferenceSlug?: string;
};

type Session = Program["sessions"][number];
type Pending = { session: Omit<Session, "slug">; wantedSlug: string | null; path: PathSegment[] };

const conferencePath = ["schedule", "conference"];

/**
 * A frab-shaped document (from schedule.json, or read out of schedule.xml) as a
 * Hallway program. Events keep the frab day they are listed under as their `day`
 * (a 00:30 event on the previous night's schedule stays there) and their start
 * is their `date` in the conference's zone. Everything imported is scheduled:
 * frab has no cancelled status.
 */
export function frabDocumentToProgram(input: unknown, locate: Locate, options: ToProgramOptions = {}): Program {
  const parsed = frabDocumentSchema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new ProgramFormatError(locate(issue.path as PathSegment[]), issue.message);
  }
  return new ProgramBuilder(parsed.data.schedule.conference, locate, options).build();
}

class ProgramBuilder {
  private readonly fail = (path: PathSegment[], reason: string): never => {
    throw new ProgramFormatError(this.locate(path), reason);
  };
  private readonly tracks = new NamedThings("track", this.fail);
  private readonly rooms = new NamedThings("room", this.fail);
  private readonly speakers = new Speakers(this.fail);
  private readonly dayPaths = new Map<string, PathSegment[]>();
  private readonly timeZone: string;
  private readonly clock: ReturnType<typeof zoneClock>;
  private readonly slug: string;

  constructor(
    private readonly conference: FrabConference,
    private readonly locate: Locate,
    options: ToProgramOptions,
  ) {
    this.timeZone = this.resolveTimeZone();
    this.clock = zoneClock(this.timeZone);
    this.slug = options.conferenceSlug ?? slugify(conference.acronym, 120);
    if (!this.slug) this.fail([...conferencePath, "acronym"], `"${conference.acronym}" gives no slug; pass --conference-slug`);
  }

  build(): Program {
    const c = this.conference;
    (c.tracks ?? []).forEach((t, i) => t.name?.trim() && this.tracks.add(t.name, [...conferencePath, "tracks", i], t));
    (c.rooms ?? []).forEach((r, i) => r.name?.trim() && this.rooms.add(r.name, [...conferencePath, "rooms", i], r));

    const pending: Pending[] = [];
    c.days.forEach((day, i) => {
      const dayPath = [...conferencePath, "days", i];
      if (!this.dayPaths.has(day.date)) this.dayPaths.set(day.date, dayPath);
      const dayStart = this.dayStartTime(day);
      for (const [roomName, events] of Object.entries(day.rooms ?? {})) {
        if (roomName.trim()) this.rooms.add(roomName, [...dayPath, "rooms", roomName]);
        events.forEach((event, j) => pending.push(this.event(event, day, dayStart, roomName, [...dayPath, "rooms", roomName, j])));
      }
    });

    const sessions = this.assignSlugs(pending);
    const days = [...this.dayPaths.keys()];
    const program = {
      conference: {
        slug: this.slug,
        name: c.title.trim(),
        tagline: tagline(c.description),
        venue: c.venue?.trim() ?? "",
        city: c.city?.trim() ?? "",
        timeZone: this.timeZone,
        startDate: this.conferenceDate("start") ?? [...days].sort()[0]!,
        endDate: this.conferenceDate("end") ?? [...days].sort().at(-1)!,
        url: webUrl(c.url),
      },
      days: days.map((date) => ({ date, label: "" })),
      tracks: this.tracks.list(),
      rooms: this.rooms.list().map(({ slug, name }) => ({ slug, name })),
      speakers: this.speakers.list(),
      sessions,
    };
    return this.validate(program, pending.map((p) => p.path));
  }

  private event(raw: FrabEvent, day: FrabDay, dayStart: string | null, roomKey: string, path: PathSegment[]): Pending {
    const title = raw.title.trim();
    if (!title) this.fail([...path, "title"], "is empty");
    const start = this.start(raw, day, dayStart, path);
    const minutes = this.duration(raw, start, path);
    const roomName = raw.room?.trim() || roomKey.trim();
    const trackName = raw.track?.trim();
    const speakers = (raw.persons ?? []).map((person, k) => this.speakers.resolve(person, [...path, "persons", k]));
    const local = this.clock.local(start);
    const session = {
      guid: raw.guid?.trim() || nameBasedUuid(`${this.slug}/event/${raw.id ?? `${local}/${title}`}`),
      title,
      subtitle: raw.subtitle?.trim() ?? "",
      kind: kindOf(raw.type),
      abstract: abstractOf(raw.abstract, raw.description),
      language: raw.language?.trim() || "en",
      day: day.date,
      start: local,
      end: this.clock.local(new Date(start.getTime() + minutes * 60_000)),
      track: trackName ? this.tracks.add(trackName, [...path, "track"]) : null,
      room: roomName ? this.rooms.add(roomName, [...path, "room"]) : null,
      speakers: [...new Set(speakers)],
      status: "scheduled" as const,
      illustrative: false,
    };
    return { session, wantedSlug: this.wantedSlug(raw.slug), path };
  }

  private start(raw: FrabEvent, day: FrabDay, dayStart: string | null, path: PathSegment[]): Date {
    if (raw.date?.trim()) {
      const parsed = parseDateTime(raw.date);
      if (!parsed) return this.fail([...path, "date"], `"${raw.date}" is not a date-time like 2017-10-17T09:00:00+02:00`);
      return parsed.offsetMinutes === null ? zonedTimeToUtc(parsed.local, this.timeZone) : instantOf(parsed.local, parsed.offsetMinutes);
    }
    const time = /^(\d{1,2}):([0-5]\d)(?::[0-5]\d)?$/.exec(raw.start?.trim() ?? "");
    if (!raw.start?.trim()) return this.fail([...path, "date"], "is missing, and so is start");
    if (!time || Number(time[1]) > 23) return this.fail([...path, "start"], `"${raw.start}" is not a time like 09:00`);
    const clock = `${time[1]!.padStart(2, "0")}:${time[2]}`;
    // Without a date, an event before the day's start is on the night after it.
    const date = dayStart && clock < dayStart ? addDays(day.date, 1) : day.date;
    return zonedTimeToUtc(`${date}T${clock}`, this.timeZone);
  }

  private duration(raw: FrabEvent, start: Date, path: PathSegment[]): number {
    if (raw.duration?.trim()) {
      const minutes = parseDuration(raw.duration);
      return minutes ?? this.fail([...path, "duration"], `"${raw.duration}" is not a duration like 01:30`);
    }
    if (raw.end?.trim()) {
      const end = parseDateTime(raw.end);
      if (!end) return this.fail([...path, "end"], `"${raw.end}" is not a date-time like 2017-10-17T10:00:00+02:00`);
      const instant = end.offsetMinutes === null ? zonedTimeToUtc(end.local, this.timeZone) : instantOf(end.local, end.offsetMinutes);
      const minutes = Math.round((instant.getTime() - start.getTime()) / 60_000);
      return minutes >= 0 ? minutes : this.fail([...path, "end"], "is before the event's start");
    }
    return this.fail([...path, "duration"], "is missing");
  }

  /** frab slugs carry the acronym ("36c3-10496-title"); Hallway's URLs already name the conference. */
  private wantedSlug(slug: string | null | undefined): string | null {
    let wanted = slug?.trim().toLowerCase() ?? "";
    for (const prefix of [`${this.conference.acronym.trim().toLowerCase()}-`, `${this.slug}-`]) {
      if (wanted.startsWith(prefix) && wanted.length > prefix.length) wanted = wanted.slice(prefix.length);
    }
    if (slugPattern.test(wanted) && wanted.length <= 120) return wanted;
    return slugify(wanted, 120) || null;
  }

  /** Slugs a file gives win over ones made from titles; either is made unique. */
  private assignSlugs(pending: Pending[]): Session[] {
    const taken = new Set<string>();
    const slugs = pending.map((p) => (p.wantedSlug && !taken.has(p.wantedSlug) ? uniqueSlug(p.wantedSlug, taken) : null));
    return pending.map((p, i) => ({
      ...p.session,
      slug: slugs[i] ?? uniqueSlug(slugify(p.session.title, 100) || "session", taken),
    }));
  }

  private resolveTimeZone(): string {
    const path = [...conferencePath, "time_zone_name"];
    const named = this.conference.time_zone_name?.trim();
    if (named) return isTimeZone(named) ? named : this.fail(path, `"${named}" is not an IANA time zone such as Europe/Berlin`);
    // No zone named: a fixed one from the first event's offset keeps every instant right.
    for (const day of this.conference.days) {
      for (const event of Object.values(day.rooms ?? {}).flat()) {
        const offset = parseDateTime(event.date ?? "")?.offsetMinutes;
        if (offset === undefined || offset === null) continue;
        if (offset === 0) return "UTC";
        if (offset % 60 === 0) return `Etc/GMT${offset > 0 ? "-" : "+"}${Math.abs(offset) / 60}`;
        return this.fail(path, "is missing, and the events' offsets are not whole hours");
      }
    }
    return "UTC";
  }

  /** The wall-clock time a day starts at, "09:00", when the day says so. */
  private dayStartTime(day: FrabDay): string | null {
    const parsed = parseDateTime(day.day_start ?? "");
    if (!parsed) return null;
    const local = parsed.offsetMinutes === null ? parsed.local : this.clock.local(instantOf(parsed.local, parsed.offsetMinutes));
    return local.startsWith(day.date) ? local.slice(11) : null;
  }

  private conferenceDate(field: "start" | "end"): string | undefined {
    const value = this.conference[field]?.trim();
    if (!value) return undefined;
    if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return value;
    const parsed = parseDateTime(value);
    if (!parsed) return this.fail([...conferencePath, field], `"${value}" is not a date like 2017-10-17`);
    return parsed.offsetMinutes === null
      ? parsed.local.slice(0, 10)
      : this.clock.local(instantOf(parsed.local, parsed.offsetMinutes)).slice(0, 10);
  }

  /** Runs the program through Hallway's own schema, reporting problems where they are in the file. */
  private validate(program: unknown, sessionPaths: PathSegment[][]): Program {
    const result = programSchema.safeParse(program);
    if (result.success) return result.data;
    const issue = result.error.issues[0]!;
    const [collection, index, field, ...rest] = issue.path as PathSegment[];
    const at = (base: PathSegment[] | undefined, names: Record<string, string> = {}): PathSegment[] => [
      ...(base ?? conferencePath),
      ...(field === undefined ? [] : [names[String(field)] ?? field]),
      ...rest,
    ];
    const paths: Record<string, () => PathSegment[]> = {
      conference: () => [...conferencePath, conferenceFields[String(index)] ?? String(index)],
      days: () => at(this.dayPaths.get(String((program as Program).days[Number(index)]?.date))),
      tracks: () => at(this.tracks.path(Number(index))),
      rooms: () => at(this.rooms.path(Number(index))),
      speakers: () => at(this.speakers.path(Number(index)), { bio: "biography" }),
      sessions: () => at(sessionPaths[Number(index)], sessionFields),
    };
    throw new ProgramFormatError(this.locate(paths[String(collection)]?.() ?? conferencePath), issue.message);
  }
}

const conferenceFields: Record<string, string> = {
  slug: "acronym", name: "title", tagline: "description", timeZone: "time_zone_name", startDate: "start", endDate: "end",
};
const sessionFields: Record<string, string> = { start: "date", end: "duration", day: "date", kind: "type", speakers: "persons" };

const kindWords: [RegExp, Session["kind"]][] = [
  [/keynote/, "keynote"],
  [/lightning/, "lightning"],
  [/workshop|hands-?on|tutorial|lab\b/, "workshop"],
  [/panel|podium/, "panel"],
  [/break|pause|lunch|coffee|dinner/, "break"],
  [/talk|lecture|presentation|session|vortrag/, "talk"],
];

/** frab's and pretalx's free-form event types, on Hallway's kinds. */
function kindOf(type: string | null | undefined): Session["kind"] {
  const word = type?.trim().toLowerCase() ?? "";
  if (!word) return "talk";
  if ((sessionKinds as readonly string[]).includes(word)) return word as Session["kind"];
  return kindWords.find(([pattern]) => pattern.test(word))?.[1] ?? "other";
}

function abstractOf(abstract: string | null | undefined, description: string | null | undefined): string {
  const short = toMarkdown(abstract ?? "");
  const long = toMarkdown(description ?? "");
  if (!long || long === short) return short;
  if (!short || long.startsWith(short)) return long;
  if (short.startsWith(long)) return short;
  return `${short}\n\n${long}`;
}

function tagline(description: string | null | undefined): string {
  const plain = toMarkdown(description ?? "").replace(/\s+/g, " ").trim();
  return plain.length <= 500 ? plain : `${plain.slice(0, 499).trimEnd()}…`;
}

function webUrl(url: string | null | undefined): string | undefined {
  const trimmed = url?.trim() ?? "";
  try {
    const { protocol } = new URL(trimmed);
    return protocol === "https:" || protocol === "http:" ? trimmed : undefined;
  } catch {
    return undefined;
  }
}

