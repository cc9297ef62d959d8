import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getViewer } from "@/lib/auth/viewer";
import { getConference } from "@/lib/schedule/conference";
import { searchPageLimit } from "@/lib/schedule/schedule-view";
import { searchSessions } from "@/lib/search/search-sessions";
import { searchTextSchema } from "@/lib/validation/params";
import { EmptyState } from "@/components/ui/notice";
import { SearchResults } from "@/components/search/search-results";
import { z } from "zod";

const searchPageParams = z.object({
  q: z.preprocess((v) => (Array.isArray(v) ? v[0] : v), searchTextSchema.optional()),
});

export async function generateMetadata({ params, searchParams }: PageProps<"/[conf]/search">): Promise<Metadata> {
  const { conf } = await params;
  const { q } = searchPageParams.parse(await searchParams);
  const conference = await getConference(conf);
  return { title: [q ? `“${q.slice(0, 60)}”` : "Search", conference?.name].filter(Boolean).join(" · ") };
}

export default async function SearchPage({ params, searchParams }: PageProps<"/[conf]/search">) {
  const { conf } = await params;
  const conference = await getConference(conf);
  if (!conference) notFound();
  const { q } = searchPageParams.parse(await searchParams);
  // A signed-in viewer's private notes are searched too; nobody else's ever are.
  const viewerId = q ? ((await getViewer())?.id ?? null) : null;
  const hits = q ? await searchSessions(q, { conferenceId: conference.id, viewerId, limit: searchPageLimit }) : [];
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold tracking-tight sm:text-3xl">Search</h1>
      <form role="search" action={`/${conference.slug}/search`} className="flex max-w-xl gap-2">
        <label htmlFor="search-q" className="sr-only">
          Search sessions, speakers and notes
        </label>
        <input
          id="search-q"
          name="q"
          type="search"
          defaultValue={q ?? ""}
          autoFocus={!q}
          placeholder="Try “kube”, “linuxkit” or a speaker’s name"
          className="min-w-0 flex-1 rounded-lg border border-zinc-300 bg-white px-3 py-2.5 text-base placeholder:text-zinc-400 dark:border-zinc-700 dark:bg-zinc-900"
        />
        <button type="submit" className="rounded-lg bg-accent-600 px-5 py-2.5 text-sm font-semibold text-white hover:bg-accent-700">
          Search
        </button>
      </form>
      {q ? (
        <>
          <p className="text-sm text-zinc-600 dark:text-zinc-400" aria-live="polite">
            {hits.length === 0 ? "No results" : `${hits.length} result${hits.length === 1 ? "" : "s"}, best first`} for “{q.length > 80 ? `${q.slice(0, 80)}…` : q}”
          </p>
          {hits.length === 0 ? (
            <EmptyState title="Nothing matches">Try fewer or shorter words: the start of a word is enough, and case and accents don’t matter.</EmptyState>
          ) : (
            <SearchResults hits={hits} conference={conference} returnTo={`/${conference.slug}/search?${new URLSearchParams({ q })}`} />
          )}
        </>
      ) : (
        <p className="text-sm text-zinc-600 dark:text-zinc-400">Search titles, abstracts, speakers, tracks, rooms, attendees’ public notes and your own notes.</p>
      )}
    </div>
  );
}
