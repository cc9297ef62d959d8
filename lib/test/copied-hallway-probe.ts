/**
 * What a Hallway started on a copied database does, asked from a process of its own (the
 * copy's test, lib/db/copy-database.test.ts): the app's search and note saving on the database
 * DATABASE_URL names, as a server on it would run them. Run as a script, it answers the
 * JSON question in its argument with JSON; `probeCopiedHallway` runs it.
 */
import { pathToFileURL } from "node:url";
import { askAnotherProcess } from "./json-child";

export type ProbeQuestion = {
  conferenceId: number;
  /** Each searched by a signed-out visitor. */
  texts: string[];
  /** Searched by each viewer through their own notes. */
  ownNotesText: string;
  viewers: string[];
  /** A note saved by this user on this session: its id shows whether ids continue past the copied ones. */
  newNote: { userId: string; sessionId: number };
};

export type ProbeAnswer = {
  sessions: Record<string, string[]>;
  ownNotes: Record<string, string[]>;
  newNoteId: number | null;
};

export function probeCopiedHallway(databaseUrl: string, question: ProbeQuestion): Promise<ProbeAnswer> {
  return askAnotherProcess<ProbeAnswer>(import.meta.filename, question, { DATABASE_URL: databaseUrl });
}

async function main(question: ProbeQuestion) {
  const { searchOwnNotes, searchSessions } = await import("../schedule/session-search");
  const { saveNote } = await import("../notes/notes");
  const { db } = await import("../db/client");
  const { conferenceId } = question;
  const sessions: Record<string, string[]> = {};
  for (const text of question.texts) sessions[text] = (await searchSessions(text, { conferenceId })).map((hit) => hit.slug);
  const ownNotes: Record<string, string[]> = {};
  for (const viewerId of question.viewers) {
    ownNotes[viewerId] = (await searchOwnNotes(question.ownNotesText, { conferenceId, viewerId })).map((hit) => hit.slug);
  }
  const saved = await saveNote(question.newNote.userId, question.newNote.sessionId, { body: "Written after the move.", visibility: "private", baseVersion: null });
  const newNoteId = saved.ok ? (await db.note.findUniqueOrThrow({ where: { userId_sessionId: question.newNote }, select: { id: true } })).id : null;
  console.log(JSON.stringify({ sessions, ownNotes, newNoteId } satisfies ProbeAnswer));
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await main(JSON.parse(process.argv[2] ?? "{}") as ProbeQuestion);
  // The read pools would keep the process alive.
  process.exit(0);
}
