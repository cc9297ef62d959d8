import type { Db } from "../db/client";

/** Every program row and note, in a stable order: equal snapshots mean a load changed nothing. */
export async function databaseSnapshot(db: Db) {
  return {
    // The conference row is re-written on each load (its updatedAt moves); nothing reads that column.
    conferences: await db.conference.findMany({ omit: { updatedAt: true }, orderBy: { id: "asc" } }),
    days: await db.day.findMany({ orderBy: { id: "asc" } }),
    tracks: await db.track.findMany({ orderBy: { id: "asc" } }),
    rooms: await db.room.findMany({ orderBy: { id: "asc" } }),
    speakers: await db.speaker.findMany({ orderBy: { id: "asc" } }),
    sessions: await db.session.findMany({ orderBy: { id: "asc" } }),
    sessionSpeakers: await db.sessionSpeaker.findMany({ orderBy: [{ sessionId: "asc" }, { speakerId: "asc" }] }),
    notes: await db.note.findMany({ orderBy: { id: "asc" } }),
  };
}
