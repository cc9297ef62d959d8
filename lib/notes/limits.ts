/** The longest note anyone may keep, in characters. Its own module so the browser can import it without zod. */
export const noteMaxLength = 50_000;

/** What a version conflict (a 412 from the API, or the form's "conflict") tells the person, wherever they edit. */
export const noteConflictMessage = "This note was changed in another tab or on another device";

export type NoteVisibility = "private" | "public";

/** The header that names the person a note's answers are for, and a save's writer (docs/decisions/0022-notes-outbox.md). */
export const viewerHeader = "Hallway-Viewer";
