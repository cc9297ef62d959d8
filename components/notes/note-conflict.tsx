"use client";

import { useEffect, useRef } from "react";
import { noteConflictMessage } from "@/lib/notes/limits";

/**
 * A save refused because a newer version is stored (412): both texts, and the
 * three ways on. The person's own text stays in the editor until they choose.
 * Focus comes here when the conflict is found by a replay (reconnecting, a page
 * load); found by saving what was just typed, typing goes on and the alert is announced.
 */
export function NoteConflict({
  current,
  takeFocus,
  onKeepMine,
  onTakeTheirs,
  onMerge,
}: {
  current: { body: string } | null;
  takeFocus: boolean;
  onKeepMine: () => void;
  onTakeTheirs: () => void;
  onMerge: () => void;
}) {
  const region = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (takeFocus) region.current?.focus();
  }, [takeFocus]);

  return (
    <div
      ref={region}
      role="alert"
      tabIndex={-1}
      aria-labelledby="my-note-conflict-title"
      className="rounded-xl border border-amber-300 bg-amber-50 px-4 py-3 text-sm text-amber-950 outline-none focus-visible:ring-2 focus-visible:ring-amber-500 dark:border-amber-700 dark:bg-amber-950/40 dark:text-amber-100"
    >
      <p id="my-note-conflict-title" className="font-semibold">{noteConflictMessage}.</p>
      <p className="mt-1">
        {current ? "Your text, in the editor below, is not saved yet. The newer version:" : "It was deleted there; your text below is not saved."}
        {!current && " Choose which to keep:"}
      </p>
      {current && (
        <>
          <label htmlFor="my-note-theirs" className="sr-only">
            The newer version, saved elsewhere
          </label>
          <textarea
            id="my-note-theirs"
            readOnly
            rows={4}
            value={current.body}
            className="mt-2 block w-full rounded-lg border border-amber-300 bg-white px-3 py-2 text-sm text-zinc-900 dark:border-amber-800 dark:bg-zinc-950 dark:text-zinc-100"
          />
          <p className="mt-2">Choose which to keep:</p>
        </>
      )}
      <div className="mt-3 flex flex-wrap gap-2">
        <button type="button" onClick={onKeepMine} className="rounded-lg bg-accent-600 px-3 py-2 font-semibold text-white hover:bg-accent-700">
          Keep mine (overwrite)
        </button>
        <button type="button" onClick={onTakeTheirs} className="rounded-lg border border-amber-400 px-3 py-2 font-semibold hover:bg-amber-100 dark:border-amber-600 dark:hover:bg-amber-900/40">
          {current ? "Use the saved version" : "Let it stay deleted"}
        </button>
        {current && (
          <button type="button" onClick={onMerge} className="rounded-lg border border-amber-400 px-3 py-2 font-semibold hover:bg-amber-100 dark:border-amber-600 dark:hover:bg-amber-900/40">
            Merge by hand
          </button>
        )}
      </div>
      <p className="mt-2 text-xs">
        Nothing you typed is lost: using the saved version keeps your text below as a copy, and merging puts both texts in the editor.
      </p>
    </div>
  );
}
