import type { Prisma } from "../generated/prisma/client";
import type { Db } from "../db/client";
import { searchEngine } from "../search/engine";
import { zonedTimeToUtc } from "../time";
import { programSchema, type Program, type ProgramInput } from "./program-schema";

export type LoadSummary = {
  conference: string;
  added: string[];
  changed: string[];
  /** Sessions that left the program: kept, with their notes, and marked cancelled. */
  cancelled: string[];
  unchanged: number;
};

type Tx = Prisma.TransactionClient;

/**
 * Creates or updates a conference from a program, in one transaction. Sessions
 * are matched by guid, so notes stay attached across re-imports; a session that
 * is no longer in the program is cancelled, never deleted. Loading the same
 * program twice changes nothing.
 */
export async function loadProgram(db: Db, input: ProgramInput | Program): Promise<LoadSummary> {
  const program = programSchema.parse(input);
  const summary = await db.$transaction((tx) => writeProgram(tx, program), { timeout: 120_000, maxWait: 30_000 });
  if (summary.added.length || summary.changed.length || summary.cancelled.length) await searchEngine().optimizeIndex(db);
  return summary;
}

async function writeProgram(tx: Tx, program: Program): Promise<LoadSummary> {
  const { conference: c } = program;
  const conferenceFields = {
    name: c.name, tagline: c.tagline, venue: c.venue, city: c.city,
    timeZone: c.timeZone, startDate: c.startDate, endDate: c.endDate, url: c.url ?? null,
  };
  const conference = await tx.conference.upsert({
    where: { slug: c.slug },
    create: { slug: c.slug, ...conferenceFields },
    update: conferenceFields,
    select: { id: true },
  });
  const conferenceId = conference.id;

  const dayIds = await syncByKey(
    program.days.map((d) => ({ key: d.date, data: { label: d.label } })),
    (key, data) => tx.day.upsert({ where: { conferenceId_date: { conferenceId, date: key } }, create: { conferenceId, date: key, ...data }, update: data, select: { id: true } }),
  );
  const trackIds = await syncByKey(
    program.tracks.map((t, position) => ({ key: t.slug, data: { name: t.name, color: t.color, position } })),
    (key, data) => tx.track.upsert({ where: { conferenceId_slug: { conferenceId, slug: key } }, create: { conferenceId, slug: key, ...data }, update: data, select: { id: true } }),
  );
  const roomIds = await syncByKey(
    program.rooms.map((r, position) => ({ key: r.slug, data: { name: r.name, position } })),
    (key, data) => tx.room.upsert({ where: { conferenceId_slug: { conferenceId, slug: key } }, create: { conferenceId, slug: key, ...data }, update: data, select: { id: true } }),
  );
  const speakerIds = await syncSpeakers(tx, conferenceId, program.speakers);

  const summary: LoadSummary = { conference: c.slug, added: [], changed: [], cancelled: [], unchanged: 0 };
  // Read flat and join in memory: a relation include would bind one parameter per session.
  const sessionRows = await tx.session.findMany({
    where: { conferenceId },
    select: {
      id: true, guid: true, slug: true, title: true, subtitle: true, kind: true, abstract: true, language: true,
      startsAt: true, endsAt: true, status: true, illustrative: true, dayId: true, trackId: true, roomId: true,
    },
  });
  const links = await tx.sessionSpeaker.findMany({
    where: { session: { conferenceId } },
    select: { sessionId: true, speakerId: true },
    orderBy: [{ sessionId: "asc" }, { position: "asc" }],
  });
  const speakersBySession = new Map<number, { speakerId: number }[]>();
  for (const link of links) {
    const list = speakersBySession.get(link.sessionId) ?? [];
    list.push({ speakerId: link.speakerId });
    speakersBySession.set(link.sessionId, list);
  }
  const existing = sessionRows.map((row) => ({ ...row, speakers: speakersBySession.get(row.id) ?? [] }));
  const byGuid = new Map(existing.map((s) => [s.guid, s]));
  const incomingGuids = new Set(program.sessions.map((s) => s.guid));
  const incomingSlugs = new Set(program.sessions.map((s) => s.slug));

  // A session leaving the program frees its slug for a newcomer only if one needs it.
  for (const old of existing) {
    if (incomingGuids.has(old.guid)) continue;
    const data: Prisma.SessionUpdateInput = {};
    if (old.status !== "cancelled") data.status = "cancelled";
    if (incomingSlugs.has(old.slug)) data.slug = `${old.slug}-cancelled-${old.id}`;
    if (Object.keys(data).length) {
      await tx.session.update({ where: { id: old.id }, data });
      if (data.status) summary.cancelled.push(old.slug);
    }
  }

  // Sessions that trade slugs within one import would collide mid-way: park the moving ones first.
  const incomingSlugByGuid = new Map(program.sessions.map((s) => [s.guid, s.slug]));
  for (const old of existing) {
    const slug = incomingSlugByGuid.get(old.guid);
    if (slug === undefined || slug === old.slug) continue;
    old.slug = `~moving-${old.id}`;
    await tx.session.update({ where: { id: old.id }, data: { slug: old.slug }, select: { id: true } });
  }

  const newSessions: { data: Prisma.SessionCreateManyInput; speakers: number[] }[] = [];
  for (const s of program.sessions) {
    const fields = {
      slug: s.slug, title: s.title, subtitle: s.subtitle, kind: s.kind, abstract: s.abstract, language: s.language,
      startsAt: zonedTimeToUtc(s.start, c.timeZone), endsAt: zonedTimeToUtc(s.end, c.timeZone),
      status: s.status, illustrative: s.illustrative,
      dayId: dayIds.get(s.day)!, trackId: s.track ? trackIds.get(s.track)! : null, roomId: s.room ? roomIds.get(s.room)! : null,
    };
    const speakerList = s.speakers.map((slug) => speakerIds.get(slug)!);
    const old = byGuid.get(s.guid);
    if (!old) {
      newSessions.push({ data: { conferenceId, guid: s.guid, ...fields }, speakers: speakerList });
      summary.added.push(s.slug);
      continue;
    }
    const fieldsChanged = (Object.keys(fields) as (keyof typeof fields)[]).some((key) => !sameValue(old[key], fields[key]));
    const speakersChanged = old.speakers.map((l) => l.speakerId).join() !== speakerList.join();
    if (fieldsChanged) await tx.session.update({ where: { id: old.id }, data: fields, select: { id: true } });
    if (speakersChanged) {
      await tx.sessionSpeaker.deleteMany({ where: { sessionId: old.id } });
      await tx.sessionSpeaker.createMany({ data: speakerList.map((speakerId, position) => ({ sessionId: old.id, speakerId, position })) });
    }
    if (fieldsChanged || speakersChanged) summary.changed.push(s.slug);
    else summary.unchanged += 1;
  }

  await createSessions(tx, newSessions);
  await removeUnused(tx, conferenceId, program);
  return summary;
}

/** New sessions in batches (SQLite binds at most 999 parameters a statement), then their speakers in billing order. */
async function createSessions(tx: Tx, sessions: { data: Prisma.SessionCreateManyInput; speakers: number[] }[]) {
  for (let i = 0; i < sessions.length; i += 40) {
    const chunk = sessions.slice(i, i + 40);
    const created = await tx.session.createManyAndReturn({ data: chunk.map((s) => s.data), select: { id: true, guid: true } });
    const idByGuid = new Map(created.map((row) => [row.guid, row.id]));
    const links = chunk.flatMap((s) => s.speakers.map((speakerId, position) => ({ sessionId: idByGuid.get(s.data.guid)!, speakerId, position })));
    for (let j = 0; j < links.length; j += 300) await tx.sessionSpeaker.createMany({ data: links.slice(j, j + 300) });
  }
}

async function syncByKey<D>(
  rows: { key: string; data: D }[],
  upsert: (key: string, data: D) => Promise<{ id: number }>,
): Promise<Map<string, number>> {
  const ids = new Map<string, number>();
  for (const row of rows) ids.set(row.key, (await upsert(row.key, row.data)).id);
  return ids;
}

async function syncSpeakers(tx: Tx, conferenceId: number, speakers: Program["speakers"]) {
  const existing = await tx.speaker.findMany({ where: { conferenceId }, select: { id: true, slug: true, name: true, affiliation: true, bio: true } });
  const bySlug = new Map(existing.map((s) => [s.slug, s]));
  const ids = new Map<string, number>();
  for (const speaker of speakers) {
    const old = bySlug.get(speaker.slug);
    const data = { name: speaker.name, affiliation: speaker.affiliation, bio: speaker.bio };
    if (!old) {
      ids.set(speaker.slug, (await tx.speaker.create({ data: { conferenceId, slug: speaker.slug, ...data }, select: { id: true } })).id);
      continue;
    }
    if (old.name !== data.name || old.affiliation !== data.affiliation || old.bio !== data.bio) {
      await tx.speaker.update({ where: { id: old.id }, data, select: { id: true } });
    }
    ids.set(speaker.slug, old.id);
  }
  return ids;
}

/** Days, tracks, rooms and speakers the program no longer names go, unless a kept (cancelled) session still uses them. */
async function removeUnused(tx: Tx, conferenceId: number, program: Program) {
  const keep = {
    days: new Set(program.days.map((d) => d.date)),
    tracks: new Set(program.tracks.map((t) => t.slug)),
    rooms: new Set(program.rooms.map((r) => r.slug)),
    speakers: new Set(program.speakers.map((s) => s.slug)),
  };
  const unused = { conferenceId, sessions: { none: {} } };
  const days = await tx.day.findMany({ where: unused, select: { id: true, date: true } });
  await deleteInChunks(days.filter((d) => !keep.days.has(d.date)).map((d) => d.id), (ids) => tx.day.deleteMany({ where: { id: { in: ids } } }));
  const tracks = await tx.track.findMany({ where: unused, select: { id: true, slug: true } });
  await deleteInChunks(tracks.filter((t) => !keep.tracks.has(t.slug)).map((t) => t.id), (ids) => tx.track.deleteMany({ where: { id: { in: ids } } }));
  const rooms = await tx.room.findMany({ where: unused, select: { id: true, slug: true } });
  await deleteInChunks(rooms.filter((r) => !keep.rooms.has(r.slug)).map((r) => r.id), (ids) => tx.room.deleteMany({ where: { id: { in: ids } } }));
  const speakers = await tx.speaker.findMany({ where: unused, select: { id: true, slug: true } });
  await deleteInChunks(speakers.filter((s) => !keep.speakers.has(s.slug)).map((s) => s.id), (ids) => tx.speaker.deleteMany({ where: { id: { in: ids } } }));
}

/** SQLite binds at most 999 parameters to one statement. */
async function deleteInChunks(ids: number[], remove: (chunk: number[]) => Promise<unknown>) {
  for (let i = 0; i < ids.length; i += 500) await remove(ids.slice(i, i + 500));
}

function sameValue(a: unknown, b: unknown): boolean {
  if (a instanceof Date && b instanceof Date) return a.getTime() === b.getTime();
  return a === b;
}
