import Link from "next/link";
import type { ManagedConference } from "@/lib/manage/overview";
import { href } from "@/lib/routes";
import type { Action, FollowState } from "./action-states";
import { FollowForm } from "./follow-form";
import { formatInstantUtc } from "./format";

const sourceKinds: Record<string, string> = { cli: "the command line", http: "an upload or the API", follow: "the followed URL", seed: "the demo seed" };

/** One conference: its last import, and the URL it follows with how the last check went. */
export function ConferenceStatus({ conference, follow, unfollow }: { conference: ManagedConference; follow: Action<FollowState>; unfollow: Action<FollowState> }) {
  const { lastImport, source } = conference;
  const headingId = `conference-${conference.slug}`;
  return (
    <article aria-labelledby={headingId} className="space-y-4 rounded-xl border border-zinc-200 bg-white p-4 sm:p-6 dark:border-zinc-800 dark:bg-zinc-900">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h3 id={headingId} className="font-semibold">
          <Link href={href.schedule(conference.slug)} className="hover:underline">
            {conference.name}
          </Link>{" "}
          <span className="text-sm font-normal text-zinc-500 dark:text-zinc-400">({conference.slug})</span>
        </h3>
        <p className="text-sm text-zinc-600 dark:text-zinc-400">{conference.sessionCount} sessions</p>
      </div>

      <dl className="grid gap-x-6 gap-y-3 text-sm sm:grid-cols-2">
        <div>
          <dt className="font-medium">Last import</dt>
          <dd className="mt-0.5 text-zinc-600 dark:text-zinc-400">
            {lastImport ? (
              <>
                {formatInstantUtc(lastImport.createdAt)}, from {sourceKinds[lastImport.sourceKind] ?? lastImport.sourceKind}
                {lastImport.by ? ` (${lastImport.by})` : ""}: <span className="break-all">{lastImport.sourceName}</span>
                <br />
                {lastImport.added} added, {lastImport.changed} changed, {lastImport.cancelled} cancelled, {lastImport.restored} restored
              </>
            ) : (
              "None recorded yet."
            )}
          </dd>
        </div>
        <div>
          <dt className="font-medium">Followed URL</dt>
          <dd className="mt-0.5 text-zinc-600 dark:text-zinc-400">
            {source ? (
              <>
                <span className="break-all">{source.url}</span>, every {source.intervalMinutes} min
                <br />
                {source.lastCheckedAt ? (
                  <>
                    Last checked {formatInstantUtc(source.lastCheckedAt)}: <StatusBadge status={source.lastStatus} />
                  </>
                ) : (
                  "Not checked yet; due now."
                )}
                {source.nextCheckAt && source.lastCheckedAt && <> Next check {formatInstantUtc(source.nextCheckAt)}.</>}
              </>
            ) : (
              "None."
            )}
          </dd>
        </div>
      </dl>
      {source?.lastStatus === "failed" && source.lastError && source.lastCheckedAt && (
        <p role="alert" className="rounded-lg bg-red-50 px-3 py-2 text-sm break-words text-red-800 dark:bg-red-950/50 dark:text-red-200">
          The check at {formatInstantUtc(source.lastCheckedAt)} failed and changed nothing: {source.lastError}
        </p>
      )}
      <FollowForm conferenceSlug={conference.slug} source={source ? { url: source.url, intervalMinutes: source.intervalMinutes } : null} follow={follow} unfollow={unfollow} />
    </article>
  );
}

function StatusBadge({ status }: { status: string | null }) {
  const styles: Record<string, [string, string]> = {
    unchanged: ["No change", "bg-zinc-100 text-zinc-700 dark:bg-zinc-800 dark:text-zinc-300"],
    applied: ["Changes applied", "bg-emerald-50 text-emerald-800 dark:bg-emerald-950 dark:text-emerald-200"],
    failed: ["Failed", "bg-red-50 text-red-800 dark:bg-red-950 dark:text-red-200"],
  };
  const [label, style] = styles[status ?? ""] ?? [status ?? "unknown", styles.unchanged![1]];
  return <span className={`rounded-full px-2 py-0.5 text-xs font-semibold ${style}`}>{label}</span>;
}
