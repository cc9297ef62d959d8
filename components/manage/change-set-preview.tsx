import type { PreviewSession, ProgramPreview } from "@/lib/manage/program-preview";

/** A dry run's change set, before anything is applied: what is added, what moves or changes, what is cancelled or restored. */
export function ChangeSetPreview({ preview }: { preview: ProgramPreview }) {
  const { conference, counts, added, changed, cancelled, restored } = preview;
  const total = counts.added + counts.changed + counts.cancelled + counts.restored;
  return (
    <div className="space-y-4">
      <div>
        <h3 className="font-semibold">
          Preview: {conference.name} <span className="font-normal text-zinc-500 dark:text-zinc-400">({conference.slug})</span>
        </h3>
        <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">
          From {preview.sourceName}. {conference.isNew ? "A new conference. " : ""}
          {total === 0
            ? "Nothing would change: Hallway already has this program."
            : `${counts.added} added, ${counts.changed} changed, ${counts.cancelled} cancelled, ${counts.restored} restored. Nothing is applied until you apply it.`}
        </p>
      </div>
      <PreviewList title="Added" tone="emerald" sessions={added} total={counts.added} />
      <PreviewList title="Moved or changed" tone="amber" sessions={changed} total={counts.changed} />
      <PreviewList title="Cancelled" tone="red" sessions={cancelled} total={counts.cancelled} note="Kept with their notes and stars, marked cancelled." />
      <PreviewList title="Restored" tone="sky" sessions={restored} total={counts.restored} />
    </div>
  );
}

const tones = {
  emerald: "border-emerald-500",
  amber: "border-amber-500",
  red: "border-red-500",
  sky: "border-sky-500",
} as const;

function PreviewList({ title, sessions, total, tone, note }: { title: string; sessions: PreviewSession[]; total: number; tone: keyof typeof tones; note?: string }) {
  if (total === 0) return null;
  return (
    <section aria-label={`${title} (${total})`} className={`border-l-4 pl-3 ${tones[tone]}`}>
      <h4 className="text-sm font-semibold">
        {title} ({total})
      </h4>
      {note && <p className="text-xs text-zinc-500 dark:text-zinc-400">{note}</p>}
      <ul className="mt-2 space-y-2 text-sm">
        {sessions.map((s) => (
          <li key={s.slug} className="break-words">
            <span className="font-medium">{s.title}</span>
            {s.when && !s.changes && <span className="text-zinc-600 dark:text-zinc-400"> · {s.when}</span>}
            {s.peopleTouched > 0 && (
              <span className="ml-1 whitespace-nowrap rounded-full bg-zinc-100 px-2 py-0.5 text-xs text-zinc-700 dark:bg-zinc-800 dark:text-zinc-300">
                {s.peopleTouched} {s.peopleTouched === 1 ? "person's" : "people's"} notes or stars
              </span>
            )}
            {s.changes && s.changes.length > 0 && (
              <ul className="mt-1 space-y-0.5 text-zinc-600 dark:text-zinc-400">
                {s.changes.map((c) => (
                  <li key={c.field}>
                    {c.label}: <del className="decoration-zinc-400">{c.from}</del> → <ins className="no-underline font-medium text-zinc-900 dark:text-zinc-100">{c.to}</ins>
                  </li>
                ))}
              </ul>
            )}
          </li>
        ))}
      </ul>
      {total > sessions.length && <p className="mt-2 text-xs text-zinc-500 dark:text-zinc-400">… and {total - sessions.length} more</p>}
    </section>
  );
}
