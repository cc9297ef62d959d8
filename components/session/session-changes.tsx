import Link from "next/link";
import type { SessionChangeEntry } from "@/lib/schedule/changes";
import { describeChange } from "@/lib/schedule/describe-change";
import { formatTimeAgo, formatTimeInZone, localDate } from "@/lib/time";

/** When a change was recorded: "2 hours ago", with the exact time in the conference's zone on hover. */
export function ChangedAgo({ at, timeZone, now }: { at: Date; timeZone: string; now: Date }) {
  return (
    <time dateTime={at.toISOString()} title={formatTimeInZone(at, null, timeZone, { conferenceDay: localDate(at, timeZone), alwaysDate: true })}>
      {formatTimeAgo(at, now)}
    </time>
  );
}

/** A session's program changes, newest first: what moved, was renamed, cancelled or restored, and when. */
export function SessionChanges({ changes, timeZone, now, allChangesHref }: { changes: SessionChangeEntry[]; timeZone: string; now: Date; allChangesHref: string }) {
  if (changes.length === 0) return null;
  return (
    <section aria-labelledby="session-changes" className="rounded-xl border border-amber-300 bg-amber-50 px-4 py-3 text-sm text-amber-950 dark:border-amber-700 dark:bg-amber-950/40 dark:text-amber-100">
      <h2 id="session-changes" className="font-semibold">Program changes</h2>
      <ul className="mt-1 space-y-1">
        {changes.map((change) => (
          <li key={change.id}>
            {describeChange(change, timeZone).join("; ")}; updated <ChangedAgo at={change.createdAt} timeZone={timeZone} now={now} />
          </li>
        ))}
      </ul>
      <p className="mt-2">
        <Link href={allChangesHref} className="font-medium underline underline-offset-2">
          All program changes
        </Link>
      </p>
    </section>
  );
}
