import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getConference } from "@/lib/schedule/conference";
import { searchSessions } from "@/lib/schedule/session-search";
import { decodeSearchKey } from "@/lib/search/search-key";
import { searchPageLimit } from "@/lib/search/settings";
import { SearchPage, searchTitle } from "@/components/search/search-page";

// Reached only through the proxy's rewrite of a signed-out /<conf>/search?q=…: public
// notes only, no viewer, so the page is the same for everyone and is cached like the schedule.
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
  return <SearchPage conference={conference} q={q} hits={hits} />;
}
