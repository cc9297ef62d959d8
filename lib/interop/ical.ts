import { href } from "../routes";

/**
 * iCalendar (RFC 5545) feeds of sessions, for calendar apps to subscribe to.
 * Times are written in UTC, so no VTIMEZONE is needed; X-WR-TIMEZONE tells apps
 * the conference's zone. Every value comes from the data (DTSTAMP is the
 * session's last change, not the time of export), so the same sessions always
 * give the same bytes and a polling client sees no false updates.
 */

export type CalendarSession = {
  guid: string;
  slug: string;
  title: string;
  abstract: string;
  startsAt: Date;
  endsAt: Date;
  /** When the session last changed: the event's DTSTAMP. */
  updatedAt: Date;
  status: string;
  track: { name: string } | null;
  room: { name: string } | null;
  speakers: { name: string }[];
};

export type CalendarConference = { slug: string; name: string; timeZone: string; venue: string };

export type CalendarInput = {
  /** The calendar's name, shown by apps (X-WR-CALNAME). */
  name: string;
  sessions: CalendarSession[];
  conference: CalendarConference;
  /** UIDs are `<session guid>@<uidDomain>`; keep it fixed, or apps see new events. */
  uidDomain: string;
  /** Origin Hallway is served from, for each event's URL. */
  baseUrl: string;
  /** A VALARM this many minutes before each session that is on (a personal feed's choice); none when absent or 0. */
  reminderMinutes?: number;
};

export function calendarForSessions({ name, sessions, conference, uidDomain, baseUrl, reminderMinutes }: CalendarInput): string {
  const origin = baseUrl.replace(/\/+$/, "");
  const lines = [
    "BEGIN:VCALENDAR",
    "VERSION:2.0",
    "PRODID:-//Hallway//Hallway//EN",
    "CALSCALE:GREGORIAN",
    "METHOD:PUBLISH",
    `X-WR-CALNAME:${escapeText(name)}`,
    `X-WR-TIMEZONE:${escapeText(conference.timeZone)}`,
  ];
  for (const s of sessions) {
    const speakers = s.speakers.map((speaker) => speaker.name).join(", ");
    const description = [s.abstract.trim(), speakers && `Speakers: ${speakers}`].filter(Boolean).join("\n\n");
    const location = [s.room?.name, conference.venue].filter(Boolean).join(", ");
    lines.push(
      "BEGIN:VEVENT",
      `UID:${escapeText(`${s.guid}@${uidDomain}`)}`,
      `DTSTAMP:${utc(s.updatedAt)}`,
      `DTSTART:${utc(s.startsAt)}`,
      `DTEND:${utc(s.endsAt)}`,
      `SUMMARY:${escapeText(s.title)}`,
      ...(description ? [`DESCRIPTION:${escapeText(description)}`] : []),
      ...(location ? [`LOCATION:${escapeText(location)}`] : []),
      `URL:${origin}${href.session(conference.slug, s.slug)}`,
      ...(s.track ? [`CATEGORIES:${escapeText(s.track.name)}`] : []),
      `STATUS:${s.status === "cancelled" ? "CANCELLED" : "CONFIRMED"}`,
      // Relative to DTSTART, so a moved session's reminder moves with it; a cancelled one rings for nothing.
      ...(reminderMinutes && s.status !== "cancelled"
        ? ["BEGIN:VALARM", "ACTION:DISPLAY", `DESCRIPTION:${escapeText(s.title)}`, `TRIGGER:-PT${reminderMinutes}M`, "END:VALARM"]
        : []),
      "END:VEVENT",
    );
  }
  lines.push("END:VCALENDAR");
  return lines.map(foldLine).join("\r\n") + "\r\n";
}

/** 2017-10-17T07:00:00.000Z → 20171017T070000Z */
function utc(instant: Date): string {
  return instant.toISOString().replace(/\.\d{3}Z$/, "Z").replace(/[-:]/g, "");
}

/** A TEXT value (RFC 5545 §3.3.11): backslash, semicolon, comma and newlines escaped; other control characters dropped. */
export function escapeText(value: string): string {
  return value
    .replace(/\\/g, "\\\\")
    .replace(/;/g, "\\;")
    .replace(/,/g, "\\,")
    .replace(/\r\n|\r|\n/g, "\\n")
    .replace(/[\u0000-\u0008\u000a-\u001f\u007f]/g, "");
}

/**
 * Folds a content line at 75 octets (§3.1): the continuation starts with one
 * space, which counts. Splits fall between characters, never inside one's
 * UTF-8 bytes.
 */
export function foldLine(line: string): string {
  if (Buffer.byteLength(line, "utf8") <= 75) return line;
  const parts: string[] = [];
  let current = "";
  let octets = 0;
  for (const char of line) {
    const code = char.codePointAt(0)!;
    const size = code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
    if (octets + size > (parts.length === 0 ? 75 : 74)) {
      parts.push(current);
      current = "";
      octets = 0;
    }
    current += char;
    octets += size;
  }
  parts.push(current);
  return parts.join("\r\n ");
}
