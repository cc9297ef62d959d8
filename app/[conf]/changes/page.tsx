import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { listConferenceChanges } from "@/lib/schedule/changes";
import { getConference } from "@/lib/schedule/conference";
import { describeChange } from "@/lib/schedule/describe-change";
import { href } from "@/lib/routes";
import { ChangedAgo } from "@/components/session/session-changes";
import { EmptyState } from "@/components/ui/notice";

// Cached like the other public pages; an import moves the program revision, which drops it (docs/decisions/0014-live-program.md).
export const revalidate = 300;
export async function generateStaticParams() {
  return [];
}

export async function generateMetadata({ params }: PageProps<"/[conf]/changes">): Promise<Metadata> {
  const { conf } = await params;
  const conference = await getConference(conf);
  return { title: conference ? `Program changes · ${conference.name}` : "Program changes" };
}

export default async function ChangesPage({ params }: PageProps<"/[conf]/changes">) {
  const { conf } = await params;
  const conference = await getConference(conf);
  if (!conference) notFound();
  const changes = await listConferenceChanges(conference.id, { limit: 200 });
  const now = new Date();
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-bold tracking-tight sm:text-3xl">Program changes</h1>
        <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">
          What moved, was renamed, added or cancelled, newest first. Times are in {conference.timeZone}.
        </p>
      </div>
      {changes.length === 0 ? (
        <EmptyState title="No changes yet">The program is as it was first published.</EmptyState>
      ) : (
        <ol className="divide-y divide-zinc-200 rounded-xl border border-zinc-200 bg-white dark:divide-zinc-800 dark:border-zinc-800 dark:bg-zinc-900">
          {changes.map((change) => (
            <li key={change.id} className="px-4 py-3 text-sm">
              <Link href={href.session(conference.slug, change.session.slug)} className="font-medium text-accent-600 hover:underline dark:text-accent-300">
                {change.session.title}
              </Link>
              <p className="mt-0.5">
                {describeChange(change, conference.timeZone).join("; ")}; updated <ChangedAgo at={change.createdAt} timeZone={conference.timeZone} now={now} />
              </p>
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
