import type { ConferenceInfo } from "./conference";
import type { SessionDetail, SessionSummary } from "./sessions";
import { href } from "../routes";

/** The JSON API's shape of a session: instants in ISO 8601 UTC, `day` as the conference-local date. */
export function sessionToJson(session: SessionSummary, conferenceSlug: string) {
  return {
    slug: session.slug,
    title: session.title,
    kind: session.kind,
    status: session.status,
    startsAt: session.startsAt.toISOString(),
    endsAt: session.endsAt.toISOString(),
    day: session.day,
    track: session.track ? { slug: session.track.slug, name: session.track.name } : null,
    room: session.room ? { slug: session.room.slug, name: session.room.name } : null,
    speakers: session.speakers.map((s) => ({ slug: s.slug, name: s.name })),
    url: href.session(conferenceSlug, session.slug),
  };
}

export function sessionDetailToJson(session: SessionDetail, conferenceSlug: string) {
  return {
    ...sessionToJson(session, conferenceSlug),
    subtitle: session.subtitle,
    abstract: session.abstract,
    speakers: session.speakers.map((s) => ({ slug: s.slug, name: s.name, affiliation: s.affiliation })),
    publicNotes: session.publicNotes.map((n) => ({ author: n.author, body: n.body, updatedAt: n.updatedAt.toISOString() })),
  };
}

export function conferenceToJson(conference: ConferenceInfo) {
  return {
    slug: conference.slug,
    name: conference.name,
    tagline: conference.tagline,
    venue: conference.venue,
    city: conference.city,
    timeZone: conference.timeZone,
    startDate: conference.startDate,
    endDate: conference.endDate,
    days: conference.days.map((d) => ({ date: d.date, label: d.label, sessionCount: d.sessionCount })),
    tracks: conference.tracks.map((t) => ({ slug: t.slug, name: t.name, color: t.color })),
    rooms: conference.rooms.map((r) => ({ slug: r.slug, name: r.name })),
  };
}
