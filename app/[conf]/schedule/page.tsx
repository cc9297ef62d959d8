import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getViewer } from "@/lib/auth/viewer";
import { getConference } from "@/lib/schedule/conference";
import { loadScheduleView } from "@/lib/schedule/schedule-view";
import { scheduleParamsSchema } from "@/lib/validation/params";
import { SchedulePage } from "@/components/schedule/schedule-page";

// The proxy sends plain day/track views to cached pages; this page handles text filters.
// A malformed or unknown day, track or page is a 404 that says so (./not-found.tsx).
export async function generateMetadata({ params }: PageProps<"/[conf]/schedule">): Promise<Metadata> {
  const { conf } = await params;
  const conference = await getConference(conf);
  return { title: conference ? `Schedule · ${conference.name}` : "Schedule" };
}

export default async function DynamicSchedulePage({ params, searchParams }: PageProps<"/[conf]/schedule">) {
  const { conf } = await params;
  const conference = await getConference(conf);
  if (!conference) notFound();
  const parsed = scheduleParamsSchema.safeParse(await searchParams);
  if (!parsed.success) notFound();
  // Only a text filter reads notes, and then the viewer's private ones count too.
  const viewerId = parsed.data.q ? ((await getViewer())?.id ?? null) : null;
  const view = await loadScheduleView(conference, parsed.data, viewerId);
  if (!view.ok) notFound();
  return <SchedulePage conference={conference} view={view} />;
}
