import { z } from "zod";
import { noteMaxLength } from "../notes/limits";

export { noteMaxLength };

export const noteVisibilitySchema = z.enum(["private", "public"], { error: 'Visibility must be "private" or "public"' });

/** Browsers submit a textarea's line breaks as CRLF; a note stores LF, so the limit counts what the person typed. */
const noteBodySchema = z
  .string({ error: (issue) => (issue.input === undefined ? "The note's text is missing" : "The note's text must be a string") })
  .transform((body) => body.replace(/\r\n?/g, "\n"))
  .pipe(z.string().max(noteMaxLength, "Notes can be at most 50,000 characters"));

const publicNeedsText = (note: { body: string; visibility: string }) => note.visibility === "private" || note.body.trim() !== "";
const publicNeedsTextIssue = { message: "A public note needs some text", path: ["body"] };

/** A note as the JSON API receives it. Every message is a sentence a person can act on. */
export const noteInputSchema = z
  .object(
    { body: noteBodySchema, visibility: noteVisibilitySchema.default("private") },
    { error: 'Send the note as JSON: {"body": "…", "visibility": "private"}' },
  )
  .refine(publicNeedsText, publicNeedsTextIssue);

export type NoteInput = z.output<typeof noteInputSchema>;

const staleForm = "This form is out of date; reload the page";
/** The hidden field holding the version the person edited; absent means "no note yet". */
const versionFieldSchema = z.preprocess(
  (value) => value ?? "0",
  z.coerce.number({ error: staleForm }).int(staleForm).min(0, staleForm),
);

/** The no-JavaScript form: the same note plus the version the person edited, from a hidden field. */
export const noteFormSchema = z
  .object({
    body: z.preprocess((value) => value ?? "", noteBodySchema),
    visibility: z.preprocess((value) => value ?? undefined, noteVisibilitySchema.default("private")),
    version: versionFieldSchema,
  })
  .refine(publicNeedsText, publicNeedsTextIssue);

/** A delete needs only the version the person saw. */
export const noteDeleteFormSchema = z.object({ version: versionFieldSchema });

/** The first problem, as a sentence: the JSON API's `error`. */
export function firstNoteIssue(error: z.ZodError): string {
  return error.issues[0]?.message ?? "The note is not valid";
}
