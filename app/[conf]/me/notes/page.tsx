import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requireViewer } from "@/lib/auth/viewer";
import { listMyNotes } from "@/lib/notes/notes";
import { getConference } from "@/lib/schedule/conference";
import { formatShortDate, formatTimeRange } from "@/lib/time";
import { Markdown } from "@/components/ui/markdown";
import { EmptyState } from "@/components/ui/notice";
import { TimeZoneNote } from "@/components/conference/time-zone-note";
import { VisibilityBadge } from "@/components/notes/visibility-badge";
import { QueuedNotes } from "@/components/notes/queued-notes";
import { href } from "@/lib/routes";

type Props = { params: Promise<{ conf: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const conference = await getConference((await params).conf);
  return { title: conference ? `Your notes · ${conference.name}` : "Your notes", robots: { index: false } };
}

export default async function MyNotesPage({ params }: Props) {
  const conference = await getConference((await params).conf);
  if (!conference) notFound();
  const viewer = await requireViewer(href.notes(conference.slug));
  const notes = await listMyNotes(viewer.id, conference.id);

  return (
    <div className="space-y-6">
      <header className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-2xl font-bold tracking-tight sm:text-3xl">Your notes</h1>
          <TimeZoneNote conference={conference} />
        </div>
        {notes.length > 0 && (
          <a
            href={href.notesExport(conference.slug)}
            className="rounded-lg border border-zinc-300 bg-white px-4 py-2 text-sm font-semibold hover:border-zinc-400 dark:border-zinc-700 dark:bg-zinc-900 dark:hover:border-zinc-600"
          >
            Export as Markdown
          </a>
        )}
      </header>

      <QueuedNotes conferenceSlug={conference.slug} />

      {notes.length === 0 ? (
        <EmptyState title="No notes yet">
          Open a session from the{" "}
          <Link href={href.schedule(conference.slug)} className="font-medium text-accent-600 hover:underline dark:text-accent-300">
            schedule
          </Link>{" "}
          and write under its description. Your notes are private unless you choose to share them.
        </EmptyState>
      ) : (
        <ol className="space-y-4">
          {notes.map(({ session, ...note }) => (
            <li key={session.slug}>
              <article className="rounded-xl border border-zinc-200 bg-white p-5 dark:border-zinc-800 dark:bg-zinc-900">
                <div className="flex flex-wrap items-center gap-x-3 gap-y-1 text-xs text-zinc-600 dark:text-zinc-400">
                  <time dateTime={session.startsAt.toISOString()} className="font-semibold tabular-nums text-zinc-700 dark:text-zinc-300">
                    {formatShortDate(session.day)}, {formatTimeRange(session.startsAt, session.endsAt, conference.timeZone)}
                  </time>
                  {session.room && <span>{session.room}</span>}
                  <VisibilityBadge visibility={note.visibility} />
                </div>
                <h2 className="mt-1.5 text-base font-semibold leading-snug">
                  <Link href={href.session(conference.slug, session.slug)} className="hover:text-accent-700 hover:underline dark:hover:text-accent-300">
                    {session.title}
                  </Link>
                </h2>
                {session.speakers.length > 0 && <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">{session.speakers.join(", ")}</p>}
                <div className="mt-3">
                  {note.body.trim() ? (
                    <Markdown source={note.body} className="text-sm" />
                  ) : (
                    <p className="text-sm text-zinc-600 italic dark:text-zinc-400">Empty note.</p>
                  )}
                </div>
                <p className="mt-3 text-sm">
                  <Link
                    href={href.sessionNote(conference.slug, session.slug)}
                    className="font-medium text-accent-600 hover:underline dark:text-accent-300"
                    aria-label={`Edit your note on ${session.title}`}
                  >
                    Edit
                  </Link>
                </p>
              </article>
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
