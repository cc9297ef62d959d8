/** The longest note anyone may keep, in characters. Its own module so the browser can import it without zod. */
export const noteMaxLength = 50_000;

export type NoteVisibility = "private" | "public";
