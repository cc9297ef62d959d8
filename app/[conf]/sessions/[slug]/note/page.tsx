import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { z } from "zod";
import { requireViewer } from "@/lib/auth/viewer";
import { getMyNote, getNoteTarget } from "@/lib/notes/notes";
import { formatLongDate, formatTimeRange } from "@/lib/time";
import { slugSchema } from "@/lib/validation/params";
import { Markdown } from "@/components/ui/markdown";
import { NoteForm } from "@/components/notes/note-form";
import { VisibilityBadge } from "@/components/notes/visibility-badge";
import { deleteNoteAction, saveNoteAction } from "./actions";
import { href } from "@/lib/routes";

type Props = { params: Promise<{ conf: string; slug: string }> };

const paramsSchema = z.object({ conf: slugSchema, slug: slugSchema });

/** The session a valid URL names, or a 404. Public data, so it may run before sign-in is checked. */
async function load(params: Props["params"]) {
  const parsed = paramsSchema.safeParse(await params);
  if (!parsed.success) notFound();
  const target = await getNoteTarget(parsed.data.conf, parsed.data.slug);
  if (!target) notFound();
  return target;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { session, conference } = await load(params);
  return { title: `Your notes on ${session.title} · ${conference.name}`, robots: { index: false } };
}

export default async function SessionNotePage({ params }: Props) {
  const { session, conference } = await load(params);
  const sessionHref = href.session(conference.slug, session.slug);
  const viewer = await requireViewer(href.sessionNote(conference.slug, session.slug));
  const note = await getMyNote(viewer.id, session.id);

  return (
    <div className="max-w-3xl space-y-8">
      <header className="space-y-3">
        <nav aria-label="Breadcrumb" className="text-sm">
          <Link href={sessionHref} className="font-medium text-accent-600 hover:underline dark:text-accent-300">
            ← {session.title}
          </Link>
        </nav>
        <h1 className="text-2xl font-bold tracking-tight sm:text-3xl">Your notes</h1>
        <p className="text-sm text-zinc-600 dark:text-zinc-400">
          <Link href={sessionHref} className="font-medium text-zinc-900 hover:underline dark:text-zinc-100">
            {session.title}
          </Link>
          <br />
          {formatLongDate(session.day)} ·{" "}
          <time dateTime={session.startsAt.toISOString()} className="tabular-nums">
            {formatTimeRange(session.startsAt, session.endsAt, conference.timeZone)}
          </time>
          {session.room && ` · ${session.room}`}
        </p>
      </header>

      <div className="rounded-xl border border-zinc-200 bg-white p-4 sm:p-6 dark:border-zinc-800 dark:bg-zinc-900">
        <NoteForm
          saveAction={saveNoteAction.bind(null, conference.slug, session.slug)}
          deleteAction={deleteNoteAction.bind(null, conference.slug, session.slug)}
          note={note && { body: note.body, visibility: note.visibility, version: note.version }}
        />
      </div>

      <section aria-labelledby="saved-note" className="space-y-3">
        <div className="flex flex-wrap items-center gap-3">
          <h2 id="saved-note" className="text-lg font-semibold tracking-tight">Saved note</h2>
          {note && <VisibilityBadge visibility={note.visibility} />}
        </div>
        {note && note.body.trim() ? (
          <div className="rounded-xl border border-zinc-200 bg-white p-5 dark:border-zinc-800 dark:bg-zinc-900">
            <Markdown source={note.body} className="text-sm" />
          </div>
        ) : (
          <p className="text-sm text-zinc-600 dark:text-zinc-400">Nothing saved yet. What you save appears here, rendered from its Markdown.</p>
        )}
      </section>

      <p className="text-sm">
        <Link href={href.notes(conference.slug)} className="font-medium text-accent-600 hover:underline dark:text-accent-300">
          All your notes on {conference.name} →
        </Link>
      </p>
    </div>
  );
}
