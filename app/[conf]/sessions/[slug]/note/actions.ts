"use server";

import { refresh, revalidatePath } from "next/cache";
import { notFound } from "next/navigation";
import { z } from "zod";
import { requireViewer } from "@/lib/auth/viewer";
import { changesPublicView, deleteNote, getNoteTarget, saveNote } from "@/lib/notes/notes";
import { noteDeleteFormSchema, noteFieldErrors, noteFormSchema } from "@/lib/validation/note";
import { slugSchema } from "@/lib/validation/params";
import { noteConflictMessage } from "@/lib/notes/limits";
import type { NoteFormState } from "@/components/notes/note-form-state";


/** Who is asking and which session, before anything is read from the form: the check every note action starts with. */
async function noteActionContext(conf: unknown, slug: unknown) {
  const params = z.object({ conf: slugSchema, slug: slugSchema }).safeParse({ conf, slug });
  if (!params.success) notFound();
  const viewer = await requireViewer(`/${params.data.conf}/sessions/${params.data.slug}/note`);
  const target = await getNoteTarget(params.data.conf, params.data.slug);
  if (!target) notFound();
  return { viewer, target };
}

function afterChange(target: { conference: { slug: string }; session: { slug: string } }, publicViewChanged: boolean) {
  if (publicViewChanged) revalidatePath(`/${target.conference.slug}/sessions/${target.session.slug}`);
  // The notes page itself is dynamic; this re-renders its preview for the browser that saved.
  refresh();
}

const read = (formData: FormData, key: string) => {
  const value = formData.get(key);
  return typeof value === "string" ? value : undefined;
};

export async function saveNoteAction(conf: string, slug: string, _previous: NoteFormState, formData: FormData): Promise<NoteFormState> {
  const { viewer, target } = await noteActionContext(conf, slug);
  const submitted = { body: read(formData, "body"), visibility: read(formData, "visibility"), version: read(formData, "version") };
  const parsed = noteFormSchema.safeParse(submitted);
  const at = Date.now();
  if (!parsed.success) {
    return {
      outcome: "invalid",
      message: "The note was not saved.",
      fieldErrors: noteFieldErrors(parsed.error),
      values: {
        body: submitted.body ?? "",
        visibility: submitted.visibility === "public" ? "public" : "private",
        version: Number(submitted.version) || 0,
      },
      at,
    };
  }
  const { body, visibility, version } = parsed.data;
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
}

export async function deleteNoteAction(conf: string, slug: string, _previous: NoteFormState, formData: FormData): Promise<NoteFormState> {
  const { viewer, target } = await noteActionContext(conf, slug);
  const parsed = noteDeleteFormSchema.safeParse({ version: read(formData, "version") });
  const at = Date.now();
  const kept = {
    body: (read(formData, "body") ?? "").replace(/\r\n?/g, "\n"),
    visibility: read(formData, "visibility") === "public" ? ("public" as const) : ("private" as const),
  };
  if (!parsed.success) {
    return { outcome: "invalid", message: "The note was not deleted.", fieldErrors: noteFieldErrors(parsed.error), values: { ...kept, version: 0 }, at };
  }
  const result = await deleteNote(viewer.id, target.session.id, parsed.data.version);
  if (!result.ok && result.reason === "conflict") {
    refresh();
    return {
      outcome: "conflict",
      message: `${noteConflictMessage}. It was not deleted; its saved version is shown below.`,
      fieldErrors: {},
      values: { ...kept, version: result.current.version },
      at,
    };
  }
  afterChange(target, result.ok && changesPublicView(result.deleted.visibility, null));
  return { outcome: "deleted", message: result.ok ? "Note deleted." : "There was no note to delete.", fieldErrors: {}, values: { body: "", visibility: "private", version: 0 }, at };
}
