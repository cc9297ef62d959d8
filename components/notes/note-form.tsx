"use client";

import { useActionState } from "react";
import { noteMaxLength, type NoteVisibility } from "@/lib/notes/limits";
import { initialNoteFormState, type NoteFormState } from "./note-form-state";
import { VisibilityChoice } from "./visibility-choice";

type NoteAction = (state: NoteFormState, formData: FormData) => Promise<NoteFormState>;

/**
 * The notes form that works without JavaScript: both buttons post to server
 * actions, the version edited travels in a hidden field, and after a refused
 * save the person's text comes back in the textarea.
 */
export function NoteForm({
  saveAction,
  deleteAction,
  note,
}: {
  saveAction: NoteAction;
  deleteAction: NoteAction;
  note: { body: string; visibility: NoteVisibility; version: number } | null;
}) {
  const [saved, save, saving] = useActionState(saveAction, initialNoteFormState);
  const [deleted, remove, deleting] = useActionState(deleteAction, initialNoteFormState);
  const state = deleted.at > saved.at ? deleted : saved;
  const values = state.values ?? note ?? { body: "", visibility: "private", version: 0 };
  const busy = saving || deleting;
  const problem = state.outcome === "conflict" || state.outcome === "invalid";
  const formError = state.fieldErrors.version ?? state.fieldErrors.visibility;

  return (
    <form key={state.at} action={save} className="space-y-4">
      {state.message && (
        <div
          role={problem ? "alert" : "status"}
          className={
            problem
              ? "rounded-xl border border-amber-300 bg-amber-50 px-4 py-3 text-sm text-amber-950 dark:border-amber-700 dark:bg-amber-950/40 dark:text-amber-100"
              : "rounded-xl border border-emerald-300 bg-emerald-50 px-4 py-3 text-sm text-emerald-950 dark:border-emerald-800 dark:bg-emerald-950/40 dark:text-emerald-100"
          }
        >
          <p className="font-medium">{state.message}</p>
          {formError && <p className="mt-1">{formError}</p>}
        </div>
      )}
      <input type="hidden" name="version" value={values.version} />
      <div>
        <label htmlFor="note-body" className="block text-sm font-semibold">
          Your notes <span className="font-normal text-zinc-500 dark:text-zinc-400">(Markdown)</span>
        </label>
        <textarea
          id="note-body"
          name="body"
          rows={14}
          defaultValue={values.body}
          aria-invalid={state.fieldErrors.body ? true : undefined}
          aria-describedby={state.fieldErrors.body ? "note-body-error note-body-help" : "note-body-help"}
          className="mt-2 block w-full rounded-lg border border-zinc-300 bg-white px-3 py-2.5 font-mono text-sm leading-relaxed dark:border-zinc-700 dark:bg-zinc-900"
        />
        {state.fieldErrors.body && (
          <p id="note-body-error" className="mt-2 text-sm font-medium text-red-700 dark:text-red-300">
            {state.fieldErrors.body}
          </p>
        )}
        <p id="note-body-help" className="mt-2 text-xs text-zinc-600 dark:text-zinc-400">
          Markdown works: **bold**, - lists, [links](https://…). Up to {noteMaxLength.toLocaleString("en-GB")} characters.
        </p>
      </div>
      <VisibilityChoice name="visibility" idPrefix="note-form" defaultValue={values.visibility} />
      <div className="flex flex-wrap items-center gap-3">
        <button
          type="submit"
          disabled={busy}
          className="rounded-lg bg-accent-600 px-5 py-2.5 text-sm font-semibold text-white hover:bg-accent-700 disabled:opacity-60"
        >
          {saving ? "Saving…" : "Save"}
        </button>
        {values.version > 0 && (
          <details className="text-sm">
            <summary className="cursor-pointer rounded-md px-2 py-1 font-medium text-red-700 hover:underline dark:text-red-300">Delete this note…</summary>
            <p className="mt-2 text-zinc-600 dark:text-zinc-400">This cannot be undone.</p>
            <button
              type="submit"
              formAction={remove}
              disabled={busy}
              className="mt-2 rounded-lg border border-red-300 px-4 py-2 font-semibold text-red-700 hover:bg-red-50 disabled:opacity-60 dark:border-red-800 dark:text-red-300 dark:hover:bg-red-950/40"
            >
              {deleting ? "Deleting…" : "Delete note"}
            </button>
          </details>
        )}
      </div>
    </form>
  );
}
