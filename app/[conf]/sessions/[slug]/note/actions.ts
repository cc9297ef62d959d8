"use server";

import { refresh, revalidatePath } from "next/cache";
import { notFound } from "next/navigation";
import { z } from "zod";
import { validatedActionWithViewer } from "@/lib/auth/actions";
import { changesPublicView, deleteNote, getNoteTarget, saveNote, type NoteTarget } from "@/lib/notes/notes";
import { noteConflictMessage } from "@/lib/notes/limits";
import { href } from "@/lib/routes";
import { submittedValues } from "@/lib/validation/form";
import { noteDeleteFormSchema, noteFormSchema } from "@/lib/validation/note";
import { slugSchema } from "@/lib/validation/params";
import type { NoteFormState } from "@/components/notes/note-form-state";

/** Which session, before anything is read from the form: a URL that names none is a 404. */
async function noteTarget(conf: unknown, slug: unknown): Promise<NoteTarget> {
  const params = z.object({ conf: slugSchema, slug: slugSchema }).safeParse({ conf, slug });
  if (!params.success) notFound();
  const target = await getNoteTarget(params.data.conf, params.data.slug);
  if (!target) notFound();
  return target;
}

/** Signed out, the note forms send the person to sign in and back to the note page. */
const onNotePage = (target: NoteTarget) => href.sessionNote(target.conference.slug, target.session.slug);

function afterChange(target: NoteTarget, publicViewChanged: boolean) {
  if (publicViewChanged) revalidatePath(href.session(target.conference.slug, target.session.slug));
  // The notes page itself is dynamic; this re-renders its preview for the browser that saved.
  refresh();
}

/** What the form keeps of a submission: the text as typed, the visibility chosen and the version it was edited at. */
function submittedNote(formData: FormData) {
  const { body, visibility, version } = submittedValues(formData, "body", "visibility", "version");
  return { body: body!, visibility: visibility === "public" ? ("public" as const) : ("private" as const), version: Number(version) || 0 };
}

/** After a refused delete the form shows the text with its line breaks as a note stores them. */
function kept(formData: FormData) {
  const { body, visibility } = submittedNote(formData);
  return { body: body.replace(/\r\n?/g, "\n"), visibility };
}

export async function saveNoteAction(conf: string, slug: string, previous: NoteFormState, formData: FormData): Promise<NoteFormState> {
  const target = await noteTarget(conf, slug);
  const at = Date.now();
  const save = validatedActionWithViewer(
    noteFormSchema,
    async ({ body, visibility, version }, viewer): Promise<NoteFormState> => {
      const result = await saveNote(viewer.id, target.session.id, { body, visibility, baseVersion: version });
      if (!result.ok) {
        // The person's text stays in the form; the preview shows what is stored, which saving again replaces.
        refresh();
        return {
          outcome: "conflict",
          message: `${noteConflictMessage}. Your text is kept below; the saved version is shown under it. Save again to replace it with yours.`,
          fieldErrors: {},
          values: { body, visibility, version: result.current?.version ?? 0 },
          at,
        };
      }
      afterChange(target, changesPublicView(result.previousVisibility, result.note.visibility));
      const { note } = result;
      return { outcome: "saved", message: "Saved.", fieldErrors: {}, values: { body: note.body, visibility: note.visibility, version: note.version }, at };
    },
    {
      returnTo: onNotePage(target),
      invalid: (errors, form): NoteFormState => ({
        outcome: "invalid",
        message: "The note was not saved.",
        fieldErrors: errors,
        values: submittedNote(form),
        at,
      }),
    },
  );
  return save(previous, formData);
}

export async function deleteNoteAction(conf: string, slug: string, previous: NoteFormState, formData: FormData): Promise<NoteFormState> {
  const target = await noteTarget(conf, slug);
  const at = Date.now();
  const remove = validatedActionWithViewer(
    noteDeleteFormSchema,
    async ({ version }, viewer, form): Promise<NoteFormState> => {
      const result = await deleteNote(viewer.id, target.session.id, version);
      if (!result.ok && result.reason === "conflict") {
        refresh();
        return {
          outcome: "conflict",
          message: `${noteConflictMessage}. It was not deleted; its saved version is shown below.`,
          fieldErrors: {},
          values: { ...kept(form), version: result.current.version },
          at,
        };
      }
      afterChange(target, result.ok && changesPublicView(result.deleted.visibility, null));
      return { outcome: "deleted", message: result.ok ? "Note deleted." : "There was no note to delete.", fieldErrors: {}, values: { body: "", visibility: "private", version: 0 }, at };
    },
    {
      returnTo: onNotePage(target),
      invalid: (errors, form): NoteFormState => ({ outcome: "invalid", message: "The note was not deleted.", fieldErrors: errors, values: { ...kept(form), version: 0 }, at }),
    },
  );
  return remove(previous, formData);
}
