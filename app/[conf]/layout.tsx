import { notFound } from "next/navigation";
import { getConference } from "@/lib/schedule/conference";
import { ConferenceHeader } from "@/components/conference/conference-header";
import { ZoneRewriter } from "@/components/time/zone-rewriter";
import { MovedBanner } from "@/components/agenda/moved-banner";
import { OfflineBanner } from "@/components/offline/offline-banner";
import { KeepOffline } from "@/components/offline/keep-offline";

export default async function ConferenceLayout({ children, params }: LayoutProps<"/[conf]">) {
  const { conf } = await params;
  const conference = await getConference(conf);
  if (!conference) notFound();
  return (
    <>
      <ConferenceHeader conference={conference} />
      <OfflineBanner conferenceSlug={conference.slug} />
      <MovedBanner conferenceSlug={conference.slug} />
      <main id="main" className="mx-auto max-w-5xl px-4 py-5 sm:px-6 sm:py-10">
        {children}
      </main>
      <footer className="mx-auto max-w-5xl border-t border-zinc-200 px-4 py-5 sm:px-6 dark:border-zinc-800">
        <KeepOffline conferenceSlug={conference.slug} />
      </footer>
      {/* Shows times in the zone the person chose, on every conference page (components/time). */}
      <ZoneRewriter />
    </>
  );
}
