import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getConference } from "@/lib/schedule/conference";
import { getSpeaker } from "@/lib/schedule/speakers";
import { Markdown } from "@/components/ui/markdown";
import { SessionCard } from "@/components/session/session-card";
import { href } from "@/lib/routes";

export const revalidate = 300;
export async function generateStaticParams() {
  return [];
}

async function load(params: PageProps<"/[conf]/speakers/[slug]">["params"]) {
  const { conf, slug } = await params;
  const conference = await getConference(conf);
  if (!conference) notFound();
  const speaker = await getSpeaker(conference.id, slug);
  if (!speaker) notFound();
  return { conference, speaker };
}

export async function generateMetadata({ params }: PageProps<"/[conf]/speakers/[slug]">): Promise<Metadata> {
  const { conference, speaker } = await load(params);
  return { title: `${speaker.name} · ${conference.name}` };
}

export default async function SpeakerPage({ params }: PageProps<"/[conf]/speakers/[slug]">) {
  const { conference, speaker } = await load(params);
  return (
    <div className="space-y-8">
      <nav aria-label="Breadcrumb" className="text-sm">
        <Link href={href.speakers(conference.slug)} className="font-medium text-accent-600 hover:underline dark:text-accent-300">
          ← All speakers
        </Link>
      </nav>
      <header>
        <h1 className="text-3xl font-bold tracking-tight">{speaker.name}</h1>
        {speaker.affiliation && <p className="mt-1 text-lg text-zinc-600 dark:text-zinc-400">{speaker.affiliation}</p>}
      </header>
      {speaker.bio && <Markdown source={speaker.bio} className="max-w-3xl" />}
      <section aria-labelledby="speaker-sessions">
        <h2 id="speaker-sessions" className="text-lg font-semibold tracking-tight">
          {speaker.sessions.length === 1 ? "Session" : "Sessions"}
        </h2>
        <ul className="mt-3 space-y-3">
          {speaker.sessions.map((session) => (
            <li key={session.id}>
              <SessionCard session={session} conferenceSlug={conference.slug} timeZone={conference.timeZone} showDate returnTo={href.speaker(conference.slug, speaker.slug)} />
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
