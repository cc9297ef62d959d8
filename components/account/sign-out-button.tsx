"use client";

import { clearAllDrafts } from "@/components/notes/note-draft";
import { clearPersonalCaches } from "@/components/offline/personal-caches";

/** `signOut` is the server action, passed in by the page. */
export function SignOutButton({ signOut }: { signOut: () => Promise<void> }) {
  return (
    <form
      action={signOut}
      onSubmit={() => {
        clearAllDrafts();
        // What the service worker kept of this person (docs/decisions/0021-offline-with-a-service-worker.md).
        void clearPersonalCaches();
      }}
    >
      <button type="submit" className="w-full rounded-lg border border-zinc-300 px-4 py-2.5 text-sm font-semibold hover:bg-zinc-100 dark:border-zinc-700 dark:hover:bg-zinc-800">
        Sign out
      </button>
    </form>
  );
}
