import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getConference } from "@/lib/schedule/conference";
import { listSpeakers } from "@/lib/schedule/speakers";
import { EmptyState } from "@/components/ui/notice";
import { href } from "@/lib/routes";

export const revalidate = 300;
export async function generateStaticParams() {
  return [];
}

export async function generateMetadata({ params }: PageProps<"/[conf]/speakers">): Promise<Metadata> {
  const { conf } = await params;
  const conference = await getConference(conf);
  return { title: conference ? `Speakers · ${conference.name}` : "Speakers" };
}

export default async function SpeakersPage({ params }: PageProps<"/[conf]/speakers">) {
  const { conf } = await params;
  const conference = await getConference(conf);
  if (!conference) notFound();
  const speakers = await listSpeakers(conference.id);
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-bold tracking-tight sm:text-3xl">Speakers</h1>
        <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">{speakers.length} people on the program, A to Z.</p>
      </div>
      {speakers.length === 0 ? (
        <EmptyState title="No speakers yet" />
      ) : (
        <ul className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
          {speakers.map((speaker) => (
            <li key={speaker.slug}>
              <Link
                href={href.speaker(conference.slug, speaker.slug)}
                className="flex h-full items-center gap-3 rounded-xl border border-zinc-200 bg-white p-4 hover:border-zinc-300 hover:shadow-sm dark:border-zinc-800 dark:bg-zinc-900 dark:hover:border-zinc-700"
              >
                <span aria-hidden className="grid size-10 shrink-0 place-items-center rounded-full bg-accent-100 text-sm font-semibold text-accent-700 dark:bg-accent-700/30 dark:text-accent-300">
                  {initials(speaker.name)}
                </span>
                <span className="min-w-0">
                  <span className="block truncate font-semibold">{speaker.name}</span>
                  <span className="block truncate text-sm text-zinc-600 dark:text-zinc-400">
                    {[speaker.affiliation, `${speaker.sessionCount} session${speaker.sessionCount === 1 ? "" : "s"}`].filter(Boolean).join(" · ")}
                  </span>
                </span>
              </Link>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

function initials(name: string): string {
  return name
    .split(/\s+/)
    .filter(Boolean)
    .map((part) => part[0])
    .slice(0, 2)
    .join("")
    .toUpperCase();
}
