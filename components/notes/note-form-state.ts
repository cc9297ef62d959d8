import type { NoteVisibility } from "@/lib/notes/limits";

/** What the notes form shows after a save or delete: the outcome, and the text to keep in the form. */
export type NoteFormState = {
  outcome: "none" | "saved" | "deleted" | "conflict" | "invalid";
  message: string | null;
  fieldErrors: Partial<Record<"body" | "visibility" | "version", string>>;
  /** The person's submitted text after an error, the stored note after a success; null before any submission. */
  values: { body: string; visibility: NoteVisibility; version: number } | null;
  /** When it was submitted (ms): the later of the save and delete states is the one to show, and the form is rebuilt with its values. */
  at: number;
};

export const initialNoteFormState: NoteFormState = { outcome: "none", message: null, fieldErrors: {}, values: null, at: 0 };
