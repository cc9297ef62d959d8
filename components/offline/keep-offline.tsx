"use client";

import { useEffect, useState } from "react";

type Shown = { kind: "idle" | "saving" | "saved" | "failed" | "unavailable"; text: string };

/**
 * "Keep this conference offline": asks the service worker to save the whole public
 * program, and says how far it got and what it saved ("Saved 187 pages, 2.1 MB, at
 * 14:05"). The code that talks to the worker loads after the page, or on the click.
 */
export function KeepOffline({ conferenceSlug }: { conferenceSlug: string }) {
  const [shown, setShown] = useState<Shown>({ kind: "idle", text: "" });
  // Only with JavaScript can anything be saved: without it there is no button.
  const [ready, setReady] = useState(false);
  useEffect(() => {
    queueMicrotask(() => setReady("serviceWorker" in navigator));
    let stop = () => {};
    let cancelled = false;
    const idle = window.setTimeout(() => {
      void import("./offline-client").then(async ({ onWorkerNews, savedState, describeOutcome, formatBytes }) => {
        if (cancelled) return;
        stop = onWorkerNews((news) => {
          if (news.type === "hallway:offline-progress" && news.conference === conferenceSlug) {
            setShown({ kind: "saving", text: `Saving… ${news.done} of ${news.total} pages, ${formatBytes(news.bytes)}` });
          } else if (news.type === "hallway:offline-saved" && news.outcome.conference === conferenceSlug) {
            setShown({ kind: "saved", text: describeOutcome(news.outcome) });
          } else if (news.type === "hallway:offline-failed" && news.conference === conferenceSlug) {
            setShown({ kind: "failed", text: `Not saved: ${news.message}` });
          }
        });
        const state = await savedState(conferenceSlug);
        if (cancelled || !state) return;
        setShown((current) =>
          current.kind !== "idle" ? current : state.outcome ? { kind: "saved", text: describeOutcome(state.outcome) } : state.saving ? { kind: "saving", text: "Saving…" } : current,
        );
      });
    }, 500);
    return () => {
      cancelled = true;
      window.clearTimeout(idle);
      stop();
    };
  }, [conferenceSlug]);

  async function keep() {
    const { keepOffline } = await import("./offline-client");
    if (!navigator.onLine) return setShown({ kind: "failed", text: "You are offline: the program can be saved once you are back online." });
    setShown({ kind: "saving", text: "Saving…" });
    if (!(await keepOffline(conferenceSlug))) setShown({ kind: "unavailable", text: "This browser cannot keep pages offline (no service worker here)." });
  }

  if (!ready) return null;
  return (
    <div className="flex flex-col gap-2 sm:flex-row sm:items-center sm:gap-4">
      <button
        type="button"
        onClick={() => void keep()}
        disabled={shown.kind === "saving"}
        className="self-start rounded-lg border border-zinc-300 px-3 py-1.5 text-sm font-medium hover:border-zinc-400 hover:bg-zinc-50 disabled:opacity-60 dark:border-zinc-700 dark:hover:border-zinc-600 dark:hover:bg-zinc-800"
      >
        Keep this conference offline
      </button>
      <p aria-live="polite" className="text-sm text-zinc-600 dark:text-zinc-400">
        {shown.text}
      </p>
    </div>
  );
}
