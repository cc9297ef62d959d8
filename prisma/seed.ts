/**
 * Loads the demo conference, DockerCon EU 2017, with the attendee's wrap-up as
 * public notes of a demo account that has no password and so cannot sign in.
 * Running it again changes nothing.
 */
import { db as defaultDb, type Db } from "../lib/db/client";
import { loadProgram } from "../lib/program/load-program";
import { attendee, attendeeNotes, dockerconEu2017 } from "./seed/dockercon-eu-2017";

export const demoAttendeeId = "demo-attendee";

/** The wrap-up appeared after the event; its exact date is not in the sources, so the notes carry the last day's evening (illustrative). */
const notesWrittenAt = new Date("2017-10-19T18:00:00+02:00");

export async function seedDemo({
  onlyWhenEmpty = false,
  db = defaultDb,
  log = console.log,
}: { onlyWhenEmpty?: boolean; db?: Db; log?: (message: string) => void } = {}) {
  if (onlyWhenEmpty && (await db.conference.count()) > 0) {
    log("Database already holds a conference; demo not loaded.");
    return;
  }
  const summary = await loadProgram(db, dockerconEu2017);
  await db.user.upsert({
    where: { id: demoAttendeeId },
    create: { id: demoAttendeeId, name: attendee.name, email: attendee.email },
    update: { name: attendee.name, email: attendee.email },
  });
  const sessions = await db.session.findMany({
    where: { conference: { slug: dockerconEu2017.conference.slug }, slug: { in: Object.keys(attendeeNotes) } },
    select: { id: true, slug: true },
  });
  let notesWritten = 0;
  for (const session of sessions) {
    const body = attendeeNotes[session.slug]!;
    const key = { userId_sessionId: { userId: demoAttendeeId, sessionId: session.id } };
    const existing = await db.note.findUnique({ where: key, select: { body: true, visibility: true } });
    if (existing?.body === body && existing.visibility === "public") continue;
    await db.note.upsert({
      where: key,
      create: { userId: demoAttendeeId, sessionId: session.id, body, visibility: "public", createdAt: notesWrittenAt, updatedAt: notesWrittenAt },
      update: { body, visibility: "public", version: { increment: 1 } },
    });
    notesWritten += 1;
  }
  log(
    `${summary.conference}: ${summary.added.length} sessions added, ${summary.changed.length} changed, ` +
      `${summary.unchanged} unchanged; ${notesWritten} attendee notes written.`,
  );
}
