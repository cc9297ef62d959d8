import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getConference } from "@/lib/schedule/conference";
import { searchSessions } from "@/lib/schedule/session-search";
import { decodeSearchKey } from "@/lib/search/search-key";
import { searchPageLimit } from "@/lib/search/settings";
import { OwnNoteMatches } from "@/components/search/own-note-matches";
import { SearchPage, searchTitle } from "@/components/search/search-page";
import { href } from "@/lib/routes";

// Reached only through the proxy's rewrite of /<conf>/search?q=…: public notes only, no
// viewer, so the page is the same for everyone and is cached like the schedule. A signed-in
// viewer's own private matches come after it, from the browser (OwnNoteMatches); without
// JavaScript, a link leads to the dynamic page, which includes them.
export const revalidate = 300;
export async function generateStaticParams() {
  return [];
}

export async function generateMetadata({ params }: PageProps<"/[conf]/search/results/[key]">): Promise<Metadata> {
  const { conf, key } = await params;
  return { title: searchTitle(decodeSearchKey(key), await getConference(conf)) };
}

export default async function CachedSearchPage({ params }: PageProps<"/[conf]/search/results/[key]">) {
  const { conf, key } = await params;
  const conference = await getConference(conf);
  const q = decodeSearchKey(key);
  if (!conference || !q) notFound();
  const hits = await searchSessions(q, { conferenceId: conference.id, viewerId: null, limit: searchPageLimit });
  const here = href.search(conference.slug, q);
  const personal = (
    <>
      <OwnNoteMatches conference={conference} q={q} returnTo={here} />
      <noscript>
        <p className="text-sm">
          <a href={href.searchWithOwnNotes(conference.slug, q)} className="font-medium text-accent-600 hover:underline dark:text-accent-300">
            Signed in? Search your private notes too
          </a>
        </p>
      </noscript>
    </>
  );
  return <SearchPage conference={conference} q={q} hits={hits} personal={personal} />;
}
