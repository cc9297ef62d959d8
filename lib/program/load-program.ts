import type { Prisma } from "../generated/prisma/client";
import { breather } from "../db/breather";
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

/** A field of a session as an import compares it; times are ISO instants, room and track names, speakers names in billing order. */
export type ChangedValue = string | string[] | boolean | null;
export type FieldChanges = Record<string, [ChangedValue, ChangedValue]>;

/**
 * What an import does to the program, by session slug: sessions new to it, sessions
 * whose time, room, title, speakers, track or description changed (with old and new
 * values), and sessions cancelled or scheduled again. A restored session that also
 * changed is in both `restored` and `changed`.
 */
export type ChangeSet = {
  added: string[];
  changed: { slug: string; fields: FieldChanges }[];
  cancelled: string[];
  restored: string[];
};

/** One session's line of the change set, as SessionChange keeps it. */
export type SessionChangeRecord = {
  sessionId: number | null;
  slug: string;
  kind: "added" | "changed" | "cancelled" | "restored";
  fields: FieldChanges;
};

export type ImportSource = { kind: "cli" | "http" | "follow" | "seed"; name: string };

export type LoadOptions = {
  /** Compute everything and apply nothing: the transaction is rolled back. */
  dryRun?: boolean;
  /** When given, an applied import that changed sessions is recorded (ProgramImport and SessionChange rows). */
  record?: { source: ImportSource; userId?: string | null };
};

export type LoadResult = {
  summary: LoadSummary;
  changeSet: ChangeSet;
  records: SessionChangeRecord[];
  conferenceId: number;
  /** True when the conference is new (in a dry run, conferenceId then names no row). */
  created: boolean;
  /** True when anything in the database changed (or would have, in a dry run). */
  changedAnything: boolean;
  /** The ProgramImport row written, when one was. */
  importId: number | null;
  /** The conference's program revision after the load. */
  revision: number;
};

export function isEmptyChangeSet(changes: ChangeSet): boolean {
  return !changes.added.length && !changes.changed.length && !changes.cancelled.length && !changes.restored.length;
}

type Tx = Prisma.TransactionClient;

class DryRunRollback extends Error {
  constructor(readonly result: LoadResult) {
    super("dry run: rolled back");
  }
}

/**
 * Creates or updates a conference from a program, in one transaction. Sessions
 * are matched by guid, so notes stay attached across re-imports; a session that
 * is no longer in the program is cancelled, never deleted. Loading the same
 * program twice changes nothing.
 */
export async function loadProgram(db: Db, input: ProgramInput | Program): Promise<LoadSummary> {
  return (await applyProgram(db, input)).summary;
}

/**
 * loadProgram with its change set. The program is validated before the transaction opens, and the
 * transaction's first statement takes the write lock, so a second process's writes wait their turn
 * (the busy timeout) instead of failing on a stale read. Whatever changed, the conference's
 * programRevision moves in the same transaction, so every process's caches see it
 * (docs/decisions/0014-live-program.md).
 */
export async function applyProgram(db: Db, input: ProgramInput | Program, options: LoadOptions = {}): Promise<LoadResult> {
  const program = programSchema.parse(input);
  let result: LoadResult;
  try {
    result = await db.$transaction(
      async (tx) => {
        const loaded = await writeProgram(tx, program, options);
        if (options.dryRun) throw new DryRunRollback(loaded);
        return loaded;
      },
      { timeout: 120_000, maxWait: 30_000 },
    );
  } catch (error) {
    if (error instanceof DryRunRollback) return error.result;
    throw error;
  }
  if (result.summary.added.length || result.summary.changed.length || result.summary.cancelled.length) await searchEngine().optimizeIndex(db);
  return result;
}

async function writeProgram(tx: Tx, program: Program, options: LoadOptions): Promise<LoadResult> {
  const { conference: c } = program;
  // A write first, so the transaction holds the write lock before it reads: a read snapshot taken
  // first could be made stale by another process's commit, and SQLite fails that upgrade at once.
  await tx.$executeRaw`UPDATE "Conference" SET "programRevision" = "programRevision" WHERE "slug" = ${c.slug}`;
  let changedAnything = false;
  const touched = () => void (changedAnything = true);

  const conferenceFields = {
    name: c.name, tagline: c.tagline, venue: c.venue, city: c.city,
    timeZone: c.timeZone, startDate: c.startDate, endDate: c.endDate, url: c.url ?? null,
  };
  const found = await tx.conference.findUnique({
    where: { slug: c.slug },
    select: { id: true, programRevision: true, name: true, tagline: true, venue: true, city: true, timeZone: true, startDate: true, endDate: true, url: true },
  });
  let conferenceId: number;
  let revision = found?.programRevision ?? 0;
  if (!found) {
    conferenceId = (await tx.conference.create({ data: { slug: c.slug, ...conferenceFields }, select: { id: true } })).id;
    touched();
  } else {
    conferenceId = found.id;
    if ((Object.keys(conferenceFields) as (keyof typeof conferenceFields)[]).some((key) => found[key] !== conferenceFields[key])) {
      await tx.conference.update({ where: { id: conferenceId }, data: conferenceFields, select: { id: true } });
      touched();
    }
  }

  const days = await syncRows(
    await tx.day.findMany({ where: { conferenceId }, select: { id: true, date: true, label: true } }),
    (row) => row.date,
    program.days.map((d) => ({ key: d.date, data: { label: d.label } })),
    (rows) => tx.day.createManyAndReturn({ data: rows.map(({ key, data }) => ({ conferenceId, date: key, ...data })), select: { id: true, date: true } }).then((made) => made.map((row) => ({ id: row.id, key: row.date }))),
    (id, data) => tx.day.update({ where: { id }, data, select: { id: true } }),
    touched,
  );
  const tracks = await syncRows(
    await tx.track.findMany({ where: { conferenceId }, select: { id: true, slug: true, name: true, color: true, position: true } }),
    (row) => row.slug,
    program.tracks.map((t, position) => ({ key: t.slug, data: { name: t.name, color: t.color, position } })),
    (rows) => tx.track.createManyAndReturn({ data: rows.map(({ key, data }) => ({ conferenceId, slug: key, ...data })), select: { id: true, slug: true } }).then((made) => made.map((row) => ({ id: row.id, key: row.slug }))),
    (id, data) => tx.track.update({ where: { id }, data, select: { id: true } }),
    touched,
  );
  const rooms = await syncRows(
    await tx.room.findMany({ where: { conferenceId }, select: { id: true, slug: true, name: true, position: true } }),
    (row) => row.slug,
    program.rooms.map((r, position) => ({ key: r.slug, data: { name: r.name, position } })),
    (rows) => tx.room.createManyAndReturn({ data: rows.map(({ key, data }) => ({ conferenceId, slug: key, ...data })), select: { id: true, slug: true } }).then((made) => made.map((row) => ({ id: row.id, key: row.slug }))),
    (id, data) => tx.room.update({ where: { id }, data, select: { id: true } }),
    touched,
  );
  const speakers = await syncSpeakers(tx, conferenceId, program.speakers, touched);

  const summary: LoadSummary = { conference: c.slug, added: [], changed: [], cancelled: [], unchanged: 0 };
  const changeSet: ChangeSet = { added: [], changed: [], cancelled: [], restored: [] };
  const records: SessionChangeRecord[] = [];
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
  const breathe = breather();
  const byGuid = new Map(existing.map((s) => [s.guid, s]));
  const incomingGuids = new Set(program.sessions.map((s) => s.guid));
  const incomingSlugs = new Set(program.sessions.map((s) => s.slug));

  // A session leaving the program frees its slug for a newcomer only if one needs it.
  for (const old of existing) {
    await breathe();
    if (incomingGuids.has(old.guid)) continue;
    const data: Prisma.SessionUpdateInput = {};
    if (old.status !== "cancelled") data.status = "cancelled";
    if (incomingSlugs.has(old.slug)) data.slug = `${old.slug}-cancelled-${old.id}`;
    if (Object.keys(data).length) {
      await tx.session.update({ where: { id: old.id }, data });
      touched();
      if (data.status) {
        summary.cancelled.push(old.slug);
        changeSet.cancelled.push(old.slug);
        records.push({ sessionId: old.id, slug: old.slug, kind: "cancelled", fields: {} });
      }
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

  const trackNames = new Map(program.tracks.map((t) => [t.slug, t.name]));
  const roomNames = new Map(program.rooms.map((r) => [r.slug, r.name]));
  const speakerNames = new Map(program.speakers.map((s) => [s.slug, s.name]));
  const newSessions: { data: Prisma.SessionCreateManyInput; speakers: number[] }[] = [];
  for (const s of program.sessions) {
    await breathe();
    const fields = {
      slug: s.slug, title: s.title, subtitle: s.subtitle, kind: s.kind, abstract: s.abstract, language: s.language,
      startsAt: zonedTimeToUtc(s.start, c.timeZone), endsAt: zonedTimeToUtc(s.end, c.timeZone),
      status: s.status, illustrative: s.illustrative,
      dayId: days.ids.get(s.day)!, trackId: s.track ? tracks.ids.get(s.track)! : null, roomId: s.room ? rooms.ids.get(s.room)! : null,
    };
    const speakerList = s.speakers.map((slug) => speakers.ids.get(slug)!);
    const old = byGuid.get(s.guid);
    if (!old) {
      newSessions.push({ data: { conferenceId, guid: s.guid, ...fields }, speakers: speakerList });
      summary.added.push(s.slug);
      changeSet.added.push(s.slug);
      records.push({ sessionId: null, slug: s.slug, kind: "added", fields: {} });
      continue;
    }
    const fieldsChanged = (Object.keys(fields) as (keyof typeof fields)[]).some((key) => !sameValue(old[key], fields[key]));
    const speakersChanged = old.speakers.map((l) => l.speakerId).join() !== speakerList.join();
    if (fieldsChanged) await tx.session.update({ where: { id: old.id }, data: fields, select: { id: true } });
    if (speakersChanged) {
      await tx.sessionSpeaker.deleteMany({ where: { sessionId: old.id } });
      await tx.sessionSpeaker.createMany({ data: speakerList.map((speakerId, position) => ({ sessionId: old.id, speakerId, position })) });
    }
    if (!fieldsChanged && !speakersChanged) {
      summary.unchanged += 1;
      continue;
    }
    touched();
    summary.changed.push(s.slug);
    const changes = compareSession(
      {
        ...old,
        room: old.roomId === null ? null : (rooms.before.get(old.roomId)?.name ?? null),
        track: old.trackId === null ? null : (tracks.before.get(old.trackId)?.name ?? null),
        speakers: old.speakers.map((l) => speakers.namesBefore.get(l.speakerId) ?? ""),
      },
      {
        ...fields,
        room: s.room ? roomNames.get(s.room)! : null,
        track: s.track ? trackNames.get(s.track)! : null,
        speakers: s.speakers.map((slug) => speakerNames.get(slug)!),
      },
    );
    const hasChanges = Object.keys(changes).length > 0;
    if (hasChanges) changeSet.changed.push({ slug: s.slug, fields: changes });
    const kind = old.status === fields.status ? "changed" : fields.status === "cancelled" ? "cancelled" : "restored";
    if (kind === "cancelled") changeSet.cancelled.push(s.slug);
    if (kind === "restored") changeSet.restored.push(s.slug);
    if (hasChanges || kind !== "changed") records.push({ sessionId: old.id, slug: s.slug, kind, fields: changes });
  }

  const createdIds = await createSessions(tx, newSessions);
  if (newSessions.length) touched();
  for (const record of records) if (record.sessionId === null) record.sessionId = createdIds.get(record.slug) ?? null;
  if (await removeUnused(tx, conferenceId, program)) touched();

  let importId: number | null = null;
  if (changedAnything && !options.dryRun) {
    revision = (await tx.conference.update({ where: { id: conferenceId }, data: { programRevision: { increment: 1 } }, select: { programRevision: true } }))
      .programRevision;
    // A conference's first program is news to no one: the import is kept, its sessions' "added" lines are not.
    const kept = found ? records : records.filter((r) => r.kind !== "added");
    if (options.record && !isEmptyChangeSet(changeSet)) importId = await recordImport(tx, conferenceId, changeSet, kept, options.record);
  }
  return { summary, changeSet, records, conferenceId, created: !found, changedAnything, importId, revision };
}

/** Session fields the change set reports, old and new, in a form that reads without the database. */
type ComparedSession = {
  startsAt: Date; endsAt: Date; title: string; subtitle: string; kind: string; abstract: string; language: string;
  illustrative: boolean; room: string | null; track: string | null; speakers: string[];
};

const comparedFields = ["startsAt", "endsAt", "room", "title", "speakers", "track", "subtitle", "kind", "abstract", "language", "illustrative"] as const;

function compareSession(before: ComparedSession, after: ComparedSession): FieldChanges {
  const changes: FieldChanges = {};
  const shown = (value: ComparedSession[keyof ComparedSession]): ChangedValue => (value instanceof Date ? value.toISOString() : value);
  for (const field of comparedFields) {
    const [a, b] = [shown(before[field]), shown(after[field])];
    if (JSON.stringify(a) !== JSON.stringify(b)) changes[field] = [a, b];
  }
  return changes;
}

async function recordImport(
  tx: Tx,
  conferenceId: number,
  changeSet: ChangeSet,
  records: SessionChangeRecord[],
  record: NonNullable<LoadOptions["record"]>,
): Promise<number> {
  const createdAt = new Date();
  const { id } = await tx.programImport.create({
    data: {
      conferenceId, sourceKind: record.source.kind, sourceName: record.source.name.slice(0, 2000), userId: record.userId ?? null, createdAt,
      added: changeSet.added.length, changed: changeSet.changed.length, cancelled: changeSet.cancelled.length, restored: changeSet.restored.length,
    },
    select: { id: true },
  });
  const rows = records
    .filter((r): r is SessionChangeRecord & { sessionId: number } => r.sessionId !== null)
    .map((r) => ({ importId: id, conferenceId, sessionId: r.sessionId, kind: r.kind, fields: JSON.stringify(r.fields), createdAt }));
  // Six parameters a row: SQLite binds at most 999 to one statement.
  for (let i = 0; i < rows.length; i += 150) await tx.sessionChange.createMany({ data: rows.slice(i, i + 150) });
  return id;
}

/** New sessions in batches (SQLite binds at most 999 parameters a statement), then their speakers in billing order; their ids by slug. */
async function createSessions(tx: Tx, sessions: { data: Prisma.SessionCreateManyInput; speakers: number[] }[]) {
  const ids = new Map<string, number>();
  for (let i = 0; i < sessions.length; i += 40) {
    const chunk = sessions.slice(i, i + 40);
    const created = await tx.session.createManyAndReturn({ data: chunk.map((s) => s.data), select: { id: true, guid: true, slug: true } });
    const idByGuid = new Map(created.map((row) => [row.guid, row.id]));
    for (const row of created) ids.set(row.slug, row.id);
    const links = chunk.flatMap((s) => s.speakers.map((speakerId, position) => ({ sessionId: idByGuid.get(s.data.guid)!, speakerId, position })));
    for (let j = 0; j < links.length; j += 300) await tx.sessionSpeaker.createMany({ data: links.slice(j, j + 300) });
  }
  return ids;
}

/** New rows per INSERT: five columns at most (a speaker), well under SQLite's 999 parameters a statement. */
const rowsPerInsert = 150;

/**
 * Creates the rows the program names and lacks, a batch to an INSERT (one round trip per batch,
 * not per row: on PostgreSQL each is a trip to the server), and updates those whose data differ;
 * returns every row's id by key, and the rows as they were before.
 */
async function syncRows<Row extends { id: number }, D extends Record<string, unknown>>(
  existing: Row[],
  keyOf: (row: Row) => string,
  rows: { key: string; data: D }[],
  createMany: (rows: { key: string; data: D }[]) => Promise<{ id: number; key: string }[]>,
  update: (id: number, data: D) => Promise<unknown>,
  touched: () => void,
): Promise<{ ids: Map<string, number>; before: Map<number, Row> }> {
  const byKey = new Map(existing.map((row) => [keyOf(row), row]));
  const ids = new Map<string, number>();
  const missing: { key: string; data: D }[] = [];
  for (const row of rows) {
    const old = byKey.get(row.key);
    if (!old) {
      missing.push(row);
      continue;
    }
    if (Object.entries(row.data).some(([field, value]) => (old as Record<string, unknown>)[field] !== value)) {
      await update(old.id, row.data);
      touched();
    }
    ids.set(row.key, old.id);
  }
  for (let i = 0; i < missing.length; i += rowsPerInsert) {
    for (const made of await createMany(missing.slice(i, i + rowsPerInsert))) ids.set(made.key, made.id);
  }
  if (missing.length) touched();
  return { ids, before: new Map(existing.map((row) => [row.id, row])) };
}

async function syncSpeakers(tx: Tx, conferenceId: number, speakers: Program["speakers"], touched: () => void) {
  const existing = await tx.speaker.findMany({ where: { conferenceId }, select: { id: true, slug: true, name: true, affiliation: true, bio: true } });
  const { ids } = await syncRows(
    existing,
    (row) => row.slug,
    speakers.map((s) => ({ key: s.slug, data: { name: s.name, affiliation: s.affiliation, bio: s.bio } })),
    (rows) =>
      tx.speaker
        .createManyAndReturn({ data: rows.map(({ key, data }) => ({ conferenceId, slug: key, ...data })), select: { id: true, slug: true } })
        .then((made) => made.map((row) => ({ id: row.id, key: row.slug }))),
    (id, data) => tx.speaker.update({ where: { id }, data, select: { id: true } }),
    touched,
  );
  return { ids, namesBefore: new Map(existing.map((s) => [s.id, s.name])) };
}

/** Days, tracks, rooms and speakers the program no longer names go, unless a kept (cancelled) session still uses them. */
async function removeUnused(tx: Tx, conferenceId: number, program: Program): Promise<boolean> {
  const keep = {
    days: new Set(program.days.map((d) => d.date)),
    tracks: new Set(program.tracks.map((t) => t.slug)),
    rooms: new Set(program.rooms.map((r) => r.slug)),
    speakers: new Set(program.speakers.map((s) => s.slug)),
  };
  const unused = { conferenceId, sessions: { none: {} } };
  const days = await tx.day.findMany({ where: unused, select: { id: true, date: true } });
  const goneDays = days.filter((d) => !keep.days.has(d.date)).map((d) => d.id);
  await deleteInChunks(goneDays, (ids) => tx.day.deleteMany({ where: { id: { in: ids } } }));
  const tracks = await tx.track.findMany({ where: unused, select: { id: true, slug: true } });
  const goneTracks = tracks.filter((t) => !keep.tracks.has(t.slug)).map((t) => t.id);
  await deleteInChunks(goneTracks, (ids) => tx.track.deleteMany({ where: { id: { in: ids } } }));
  const rooms = await tx.room.findMany({ where: unused, select: { id: true, slug: true } });
  const goneRooms = rooms.filter((r) => !keep.rooms.has(r.slug)).map((r) => r.id);
  await deleteInChunks(goneRooms, (ids) => tx.room.deleteMany({ where: { id: { in: ids } } }));
  const speakers = await tx.speaker.findMany({ where: unused, select: { id: true, slug: true } });
  const goneSpeakers = speakers.filter((s) => !keep.speakers.has(s.slug)).map((s) => s.id);
  await deleteInChunks(goneSpeakers, (ids) => tx.speaker.deleteMany({ where: { id: { in: ids } } }));
  return goneDays.length + goneTracks.length + goneRooms.length + goneSpeakers.length > 0;
}

/** SQLite binds at most 999 parameters to one statement. */
async function deleteInChunks(ids: number[], remove: (chunk: number[]) => Promise<unknown>) {
  for (let i = 0; i < ids.length; i += 500) await remove(ids.slice(i, i + 500));
}

function sameValue(a: unknown, b: unknown): boolean {
  if (a instanceof Date && b instanceof Date) return a.getTime() === b.getTime();
  return a === b;
}
