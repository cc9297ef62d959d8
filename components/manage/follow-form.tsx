"use client";

import { useActionState } from "react";
import { FormMessage } from "@/components/ui/form-controls";
import type { Action, FollowState } from "./action-states";

const input =
  "block w-full rounded-lg border border-zinc-300 bg-white px-3 py-2 text-base aria-invalid:border-red-500 dark:border-zinc-700 dark:bg-zinc-900";

/** Set, change or stop the schedule URL a conference follows. */
export function FollowForm({
  conferenceSlug,
  source,
  follow,
  unfollow,
}: {
  conferenceSlug: string;
  source: { url: string; intervalMinutes: number } | null;
  follow: Action<FollowState>;
  unfollow: Action<FollowState>;
}) {
  const [state, followAction, following] = useActionState(follow, {});
  const [stopState, unfollowAction, stopping] = useActionState(unfollow, {});
  const id = (name: string) => `${conferenceSlug}-follow-${name}`;
  return (
    <div className="space-y-3">
      <form action={followAction} className="grid gap-3 sm:grid-cols-[1fr_8rem_auto] sm:items-end" noValidate aria-label={`Follow a schedule URL for ${conferenceSlug}`}>
        <input type="hidden" name="conferenceSlug" value={conferenceSlug} />
        <div className="space-y-1.5">
          <label htmlFor={id("url")} className="block text-sm font-medium">
            Follow this schedule URL
          </label>
          <input
            id={id("url")}
            name="url"
            type="url"
            inputMode="url"
            defaultValue={state.values?.url ?? source?.url ?? ""}
            placeholder="https://pretalx.example/conf/schedule/export/schedule.json"
            aria-invalid={state.errors?.url ? true : undefined}
            aria-describedby={state.errors?.url ? id("url-error") : undefined}
            className={input}
          />
        </div>
        <div className="space-y-1.5">
          <label htmlFor={id("interval")} className="block text-sm font-medium">
            Every (minutes)
          </label>
          <input
            id={id("interval")}
            name="intervalMinutes"
            type="number"
            min={1}
            max={1440}
            defaultValue={state.values?.intervalMinutes ?? source?.intervalMinutes ?? 10}
            aria-invalid={state.errors?.intervalMinutes ? true : undefined}
            aria-describedby={state.errors?.intervalMinutes ? id("interval-error") : undefined}
            className={input}
          />
        </div>
        <button type="submit" disabled={following} className="rounded-lg bg-accent-600 px-4 py-2.5 text-sm font-semibold text-white hover:bg-accent-700 disabled:opacity-60">
          {source ? "Save" : "Follow"}
        </button>
      </form>
      {state.errors?.url && (
        <p id={id("url-error")} className="text-sm text-red-700 dark:text-red-400">
          {state.errors.url}
        </p>
      )}
      {state.errors?.intervalMinutes && (
        <p id={id("interval-error")} className="text-sm text-red-700 dark:text-red-400">
          {state.errors.intervalMinutes}
        </p>
      )}
      <FormMessage message={state.message ?? stopState.message} tone="success" />
      {source && (
        <form action={unfollowAction}>
          <input type="hidden" name="conferenceSlug" value={conferenceSlug} />
          <button type="submit" disabled={stopping} className="text-sm font-medium text-red-700 hover:underline disabled:opacity-60 dark:text-red-400">
            Stop following
          </button>
        </form>
      )}
    </div>
  );
}
