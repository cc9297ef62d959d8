import { Markdown } from "@/components/ui/markdown";

type PublicNote = { id: number; body: string; updatedAt: Date; author: string };

const dateFormat = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" });

export function PublicNotes({ notes }: { notes: PublicNote[] }) {
  return (
    <section aria-labelledby="public-notes" className="max-w-3xl">
      <h2 id="public-notes" className="text-lg font-semibold tracking-tight">
        Attendee notes <span className="text-sm font-normal text-zinc-500 dark:text-zinc-400">({notes.length})</span>
      </h2>
      {notes.length === 0 ? (
        <p className="mt-3 text-sm text-zinc-600 dark:text-zinc-400">No one has shared notes on this session yet.</p>
      ) : (
        <ul className="mt-4 space-y-4">
          {notes.map((note) => (
            <li key={note.id} className="rounded-xl border border-zinc-200 bg-white p-5 dark:border-zinc-800 dark:bg-zinc-900">
              <p className="mb-3 text-sm">
                <span className="font-semibold">{note.author}</span>
                <span className="text-zinc-500 dark:text-zinc-400"> · <time dateTime={note.updatedAt.toISOString()}>{dateFormat.format(note.updatedAt)}</time></span>
              </p>
              <Markdown source={note.body} className="text-sm" />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
