import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getConference } from "@/lib/schedule/conference";
import { loadScheduleView } from "@/lib/schedule/schedule-view";
import { decodeViewKey } from "@/lib/schedule/view-key";
import { SchedulePage } from "@/components/schedule/schedule-page";

// Reached only through the proxy's rewrite of /<conf>/schedule; rendered on first request, then cached.
export const revalidate = 300;
export async function generateStaticParams() {
  return [];
}

export async function generateMetadata({ params }: PageProps<"/[conf]/schedule/view/[key]">): Promise<Metadata> {
  const { conf } = await params;
  const conference = await getConference(conf);
  return { title: conference ? `Schedule · ${conference.name}` : "Schedule" };
}

export default async function CachedSchedulePage({ params }: PageProps<"/[conf]/schedule/view/[key]">) {
  const { conf, key } = await params;
  const conference = await getConference(conf);
  const filter = decodeViewKey(key);
  if (!conference || !filter) notFound();
  const view = await loadScheduleView(conference, filter);
  if (!view.ok) notFound();
  return <SchedulePage conference={conference} view={view} />;
}
