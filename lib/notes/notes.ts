import "server-only";
import { cache } from "react";
import { db, readSql, writeSql } from "../db/client";
import { Prisma } from "../generated/prisma/client";
import type { ConferenceInfo } from "../schedule/conference";
import { href } from "../routes";
import { findSession, linkedSpeakers, programOrder } from "../schedule/sessions";
import { searchEngine } from "../search/engine";
import { formatDateSpan, formatLongDate, formatTimeRange } from "../time";
import type { NoteVisibility } from "./limits";

export { noteMaxLength, type NoteVisibility } from "./limits";

/**
 * Personal notes. Every function takes the viewer's id and puts it in the
 * `where`, so no caller can read or change someone else's note by passing a
 * session id. Saves are optimistic: the version the person edited must still
 * be the stored one, checked in the same statement that writes.
 */

export type MyNote = { body: string; visibility: NoteVisibility; version: number; updatedAt: Date };

export type SaveNoteResult =
  | { ok: true; note: MyNote; previousVisibility: NoteVisibility | null }
  | { ok: false; reason: "conflict"; current: MyNote | null };

export type DeleteNoteResult =
  | { ok: true; deleted: MyNote }
  | { ok: false; reason: "not-found" }
  | { ok: false; reason: "conflict"; current: MyNote };

const myNoteSelect = { body: true, visibility: true, version: true, updatedAt: true } satisfies Prisma.NoteSelect;

const toVisibility = (stored: string): NoteVisibility => (stored === "public" ? "public" : "private");

/** A note as Prisma selects it (`myNoteSelect`) or as raw SQL's `RETURNING` gives it (`rawNoteColumns`), the time perhaps as stored. */
type StoredNote = { body: string; visibility: string; version: number | bigint; updatedAt: Date | string };
const rawNoteColumns = Prisma.raw(`"body", "visibility", "version", "updatedAt"`);

function toMyNote(row: StoredNote): MyNote {
  return { body: row.body, visibility: toVisibility(row.visibility), version: Number(row.version), updatedAt: new Date(row.updatedAt) };
}

/** True when the public session page shows something different after this change. */
export function changesPublicView(before: NoteVisibility | null, after: NoteVisibility | null): boolean {
  return before === "public" || after === "public";
}

/** The session a note URL names, with what a notes page shows about it; null when either slug is unknown. Memoised per request. */
export const getNoteTarget = cache(async (conferenceSlug: string, sessionSlug: string) => {
  const row = await findSession(conferenceSlug, sessionSlug, {
    id: true, slug: true, title: true, startsAt: true, endsAt: true,
    day: { select: { date: true } },
    room: { select: { name: true } },
    conference: { select: { id: true, slug: true, name: true, timeZone: true } },
  });
  if (!row) return null;
  const { conference, day, room, ...session } = row;
  return { conference, session: { ...session, day: day.date, room: room?.name ?? null } };
});

export type NoteTarget = NonNullable<Awaited<ReturnType<typeof getNoteTarget>>>;

/** The cached session pages that show this person's public notes: what to refresh when their name or their notes change. */
export async function listPagesShowingPublicNotes(userId: string): Promise<string[]> {
  const notes = await db.note.findMany({
    where: { userId, visibility: "public" },
    select: { session: { select: { slug: true, conference: { select: { slug: true } } } } },
  });
  return notes.map((note) => href.session(note.session.conference.slug, note.session.slug));
}

export async function getMyNote(userId: string, sessionId: number): Promise<MyNote | null> {
  // On the read connection, which sees every committed save: the session page asks this on every view.
  const [row] = await readSql<StoredNote>(Prisma.sql`SELECT ${rawNoteColumns} FROM "Note" WHERE "userId" = ${userId} AND "sessionId" = ${sessionId}`);
  return row ? toMyNote(row) : null;
}

/**
 * Creates the note when `baseVersion` is null or 0 (the person believes there is
 * none), otherwise updates it only if it is still at `baseVersion`. Anything
 * else is a conflict that changes nothing and returns what is stored now.
 */
export async function saveNote(
  userId: string,
  sessionId: number,
  input: { body: string; visibility: NoteVisibility; baseVersion: number | null },
): Promise<SaveNoteResult> {
  const { body, visibility, baseVersion } = input;
  if (!baseVersion) {
    // One statement, so nothing can come between reading the deleted note's version and
    // writing above it (see DeletedNote); an existing note makes it insert nothing.
    const now = new Date();
    const [created] = await db.$queryRaw<StoredNote[]>`
      INSERT INTO "Note" ("userId", "sessionId", "body", "visibility", "version", "createdAt", "updatedAt")
      SELECT ${userId}, ${sessionId}, ${body}, ${visibility},
        coalesce((SELECT "version" FROM "DeletedNote" WHERE "userId" = ${userId} AND "sessionId" = ${sessionId}), 0) + 1,
        ${now}, ${now}
      WHERE true
      ON CONFLICT ("userId", "sessionId") DO NOTHING
      RETURNING ${rawNoteColumns}`;
    if (!created) return { ok: false, reason: "conflict", current: await getMyNote(userId, sessionId) };
    return saved(toMyNote(created), null);
  }
  // No transaction: the versioned UPDATE is the only check that matters, and a transaction
  // would queue every save behind the others on SQLite's one connection. The visibility read
  // first belongs to the version the update then requires, so nothing can slip in between.
  // Read on the read connection, which sees every committed save: the versioned update below still decides.
  const [before] = await readSql<{ visibility: string; version: number }>(
    Prisma.sql`SELECT "visibility", "version" FROM "Note" WHERE "userId" = ${userId} AND "sessionId" = ${sessionId}`,
  );
  if (!before || before.version !== baseVersion) return { ok: false, reason: "conflict", current: await getMyNote(userId, sessionId) };
  // Prisma's updateManyAndReturn cost four times the statement, and even its raw query twice: the engine's write path.
  const [after] = await writeSql<StoredNote>(Prisma.sql`
    UPDATE "Note" SET "body" = ${body}, "visibility" = ${visibility}, "version" = "version" + 1, "updatedAt" = ${new Date()}
    WHERE "userId" = ${userId} AND "sessionId" = ${sessionId} AND "version" = ${baseVersion}
    RETURNING ${rawNoteColumns}`);
  if (!after) return { ok: false, reason: "conflict", current: await getMyNote(userId, sessionId) };
  return saved(toMyNote(after), toVisibility(before.visibility));
}

function saved(note: MyNote, previousVisibility: NoteVisibility | null): SaveNoteResult {
  if (changesPublicView(previousVisibility, note.visibility)) searchEngine().publicNotesChanged();
  return { ok: true, note, previousVisibility };
}

/**
 * Deletes my note, only if it is still at `baseVersion` when one is given. One
 * statement; a trigger keeps the deleted note's version in DeletedNote (the
 * deleted_note migration), so a note written again on the session starts above it.
 */
export async function deleteNote(userId: string, sessionId: number, baseVersion?: number | null): Promise<DeleteNoteResult> {
  const [deleted] = await db.$queryRaw<StoredNote[]>`
    DELETE FROM "Note"
    WHERE "userId" = ${userId} AND "sessionId" = ${sessionId}
      ${baseVersion == null ? Prisma.empty : Prisma.sql`AND "version" = ${baseVersion}`}
    RETURNING ${rawNoteColumns}`;
  if (deleted) {
    if (changesPublicView(toVisibility(deleted.visibility), null)) searchEngine().publicNotesChanged();
    return { ok: true, deleted: toMyNote(deleted) };
  }
  const current = await getMyNote(userId, sessionId);
  return current ? { ok: false, reason: "conflict", current } : { ok: false, reason: "not-found" };
}

/** My notes on one conference's sessions, in schedule order, with what a wrap-up says about each session. */
export async function listMyNotes(userId: string, conferenceId: number) {
  const rows = await db.note.findMany({
    where: { userId, session: { conferenceId } },
    select: {
      ...myNoteSelect,
      session: {
        select: {
          slug: true, title: true, startsAt: true, endsAt: true,
          day: { select: { date: true } },
          room: { select: { name: true } },
          speakers: { select: { speaker: { select: { name: true } } }, orderBy: { position: "asc" } },
        },
      },
    },
    orderBy: programOrder.map((order) => ({ session: order })),
  });
  return rows.map(({ session: { day, room, speakers, ...session }, ...note }) => ({
    ...toMyNote(note),
    session: { ...session, day: day.date, room: room?.name ?? null, speakers: linkedSpeakers(speakers).map((speaker) => speaker.name) },
  }));
}

export type MyNoteWithSession = Awaited<ReturnType<typeof listMyNotes>>[number];

type ExportedConference = Pick<ConferenceInfo, "id" | "name" | "startDate" | "endDate" | "venue" | "city" | "timeZone">;

/** One Markdown wrap-up of my notes on a conference, session by session in schedule order. */
export async function exportMarkdown(userId: string, conference: ExportedConference): Promise<string> {
  return notesToMarkdown(conference, await listMyNotes(userId, conference.id));
}

export function notesToMarkdown(conference: Omit<ExportedConference, "id">, notes: MyNoteWithSession[]): string {
  const place = [conference.venue, conference.city].filter(Boolean).join(", ");
  const parts = [`# ${conference.name}`, [formatDateSpan(conference.startDate, conference.endDate), place].filter(Boolean).join(" · ")];
  const written = notes.filter((note) => note.body.trim() !== "");
  if (written.length === 0) parts.push("_No notes yet._");
  for (const { session, body } of written) {
    const time = formatTimeRange(session.startsAt, session.endsAt, conference.timeZone);
    parts.push(`## ${session.title}`, [formatLongDate(session.day), time, session.room, session.speakers.join(", ")].filter(Boolean).join(" · "), body.trim());
  }
  return `${parts.join("\n\n")}\n`;
}
