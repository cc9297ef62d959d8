import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { z } from "zod";
import { getViewer } from "@/lib/auth/viewer";
import { getConference } from "@/lib/schedule/conference";
import { searchSessions } from "@/lib/schedule/session-search";
import { searchPageLimit } from "@/lib/search/settings";
import { firstValue, searchTextSchema } from "@/lib/validation/params";
import { SearchPage, searchTitle } from "@/components/search/search-page";

// Every search is sent by the proxy to ./results/[key], a cached page, whose viewer's own
// private matches the browser asks for after it; this one answers the empty form and
// `&mine=1`, the way to one's private notes without JavaScript.
const searchPageParams = z.object({
  q: z.preprocess(firstValue, searchTextSchema.optional()),
});

export async function generateMetadata({ params, searchParams }: PageProps<"/[conf]/search">): Promise<Metadata> {
  const { conf } = await params;
  const { q } = searchPageParams.parse(await searchParams);
  return { title: searchTitle(q, await getConference(conf)) };
}

export default async function DynamicSearchPage({ params, searchParams }: PageProps<"/[conf]/search">) {
  const { conf } = await params;
  const conference = await getConference(conf);
  if (!conference) notFound();
  const q = searchPageParams.parse(await searchParams).q || null;
  // A signed-in viewer's private notes are searched too; nobody else's ever are.
  const viewerId = q ? ((await getViewer())?.id ?? null) : null;
  const hits = q ? await searchSessions(q, { conferenceId: conference.id, viewerId, limit: searchPageLimit }) : [];
  return <SearchPage conference={conference} q={q} hits={hits} />;
}
