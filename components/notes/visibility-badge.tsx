import type { NoteVisibility } from "@/lib/notes/limits";

/** Says who can read a note, in words, not only in colour. */
export function VisibilityBadge({ visibility }: { visibility: NoteVisibility }) {
  return visibility === "public" ? (
    <span className="rounded-full bg-accent-50 px-2 py-0.5 text-[11px] font-semibold uppercase tracking-wide text-accent-700 dark:bg-accent-500/15 dark:text-accent-300">
      Public
    </span>
  ) : (
    <span className="rounded-full bg-zinc-100 px-2 py-0.5 text-[11px] font-semibold uppercase tracking-wide text-zinc-600 dark:bg-zinc-800 dark:text-zinc-300">
      Private
    </span>
  );
}
