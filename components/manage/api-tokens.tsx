"use client";

import { useActionState } from "react";
import { Field, FormMessage } from "@/components/ui/form-controls";
import type { Action, TokenState } from "./action-states";

export type TokenRow = { id: string; name: string; created: string; lastUsed: string | null; revoked: string | null };

/** The organiser's API tokens: a new one's secret is shown once, here, and never again. */
export function ApiTokens({ tokens, create, revoke }: { tokens: TokenRow[]; create: Action<TokenState>; revoke: Action<TokenState> }) {
  const [state, createAction, creating] = useActionState(create, {});
  const [revokeState, revokeAction, revoking] = useActionState(revoke, {});
  return (
    <div className="space-y-5">
      <form action={createAction} className="grid gap-3 sm:grid-cols-[1fr_auto] sm:items-end" noValidate aria-label="Create an API token">
        <Field label="Token name" name="name" defaultValue={state.values?.name} error={state.errors?.name} hint="Where it will be used, like “pretalx webhook” or “CI”." />
        <button type="submit" disabled={creating} className="rounded-lg bg-accent-600 px-4 py-2.5 text-sm font-semibold text-white hover:bg-accent-700 disabled:opacity-60 sm:mb-[1.625rem]">
          Create token
        </button>
      </form>
      {state.created && (
        <div role="status" className="space-y-2 rounded-lg border border-emerald-300 bg-emerald-50 p-3 text-sm text-emerald-950 dark:border-emerald-800 dark:bg-emerald-950/40 dark:text-emerald-100">
          <p>
            <span className="font-semibold">{state.created.name}</span>: copy this token now; it is not shown again.
          </p>
          <label htmlFor="new-token" className="sr-only">
            New API token
          </label>
          <input id="new-token" readOnly value={state.created.token} onFocus={(e) => e.currentTarget.select()} className="block w-full rounded-md border border-emerald-300 bg-white px-2 py-1.5 font-mono text-sm text-zinc-900 dark:border-emerald-800 dark:bg-zinc-950 dark:text-zinc-100" />
          <p className="text-xs">
            Send it as <code className="font-mono">Authorization: Bearer &lt;token&gt;</code> to <code className="font-mono">PUT /api/conferences/&lt;conf&gt;/program</code>.
          </p>
        </div>
      )}
      <FormMessage message={revokeState.message} tone="success" />
      {tokens.length === 0 ? (
        <p className="text-sm text-zinc-600 dark:text-zinc-400">No API tokens yet.</p>
      ) : (
        <ul className="divide-y divide-zinc-200 dark:divide-zinc-800" aria-label="Your API tokens">
          {tokens.map((t) => (
            <li key={t.id} className="flex flex-wrap items-center justify-between gap-2 py-3">
              <div className="min-w-0">
                <p className="font-medium break-words">{t.name}</p>
                <p className="text-xs text-zinc-500 dark:text-zinc-400">
                  Created {t.created} · {t.lastUsed ? `last used ${t.lastUsed}` : "never used"}
                  {t.revoked && ` · revoked ${t.revoked}`}
                </p>
              </div>
              {t.revoked ? (
                <span className="rounded-full bg-zinc-100 px-2 py-0.5 text-xs font-semibold text-zinc-600 dark:bg-zinc-800 dark:text-zinc-300">Revoked</span>
              ) : (
                <form action={revokeAction}>
                  <input type="hidden" name="tokenId" value={t.id} />
                  <button type="submit" disabled={revoking} aria-label={`Revoke ${t.name}`} className="rounded-lg border border-red-300 px-3 py-1.5 text-sm font-medium text-red-700 hover:bg-red-50 disabled:opacity-60 dark:border-red-800 dark:text-red-300 dark:hover:bg-red-950/50">
                    Revoke
                  </button>
                </form>
              )}
            </li>
          ))}
        </ul>
      )}
      {/* An error from either form lands here rather than vanishing. */}
      <FormMessage message={revokeState.errors?.tokenId} />
    </div>
  );
}
