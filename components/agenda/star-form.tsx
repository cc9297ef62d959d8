import { href } from "@/lib/routes";

/**
 * A plain form that sets a star on the agenda page, which is personal and
 * rendered per request, so it needs no JavaScript. It posts to the same route as
 * the star button's no-JavaScript fallback and comes back here.
 */
export function StarForm({ conferenceSlug, sessionSlug, starred, describedBy }: {
  conferenceSlug: string;
  sessionSlug: string;
  /** What the star becomes. */
  starred: boolean;
  describedBy?: string;
}) {
  return (
    <form method="post" action={href.agendaStar(conferenceSlug)}>
      <input type="hidden" name="slug" value={sessionSlug} />
      <input type="hidden" name="starred" value={String(starred)} />
      <input type="hidden" name="returnTo" value={href.agenda(conferenceSlug)} />
      <button
        type="submit"
        aria-describedby={describedBy}
        className="rounded-lg border border-zinc-300 bg-white px-3 py-1.5 text-sm font-medium hover:border-zinc-400 dark:border-zinc-700 dark:bg-zinc-900 dark:hover:border-zinc-600"
      >
        {starred ? "Add it back" : "Remove from my agenda"}
      </button>
    </form>
  );
}
