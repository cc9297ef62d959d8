"use client";

import { useEffect, useState } from "react";
import { clockTickMs, pageInstant } from "./page-clock";
import "./timetable.css";

/**
 * While the conference runs (or at `?at=`), marks the sessions on now in the list
 * or grid below and offers a jump to them, or to the next to start. The page is
 * cached, so the time is the browser's.
 */
export function HappeningNow({ spanStart, spanEnd }: { spanStart: string; spanEnd: string }) {
  const [state, setState] = useState<{ running: boolean; onNow: number; target: HTMLElement | null }>({ running: false, onNow: 0, target: null });

  useEffect(() => {
    const update = () => {
      const now = pageInstant(window.location.search).getTime();
      const running = now >= Date.parse(spanStart) && now < Date.parse(spanEnd);
      let first: HTMLElement | null = null;
      let next: HTMLElement | null = null;
      let onNow = 0;
      for (const time of document.querySelectorAll<HTMLElement>("[data-schedule] time[data-start][data-end]")) {
        const card = time.closest<HTMLElement>("article, a");
        if (!card) continue;
        const start = Date.parse(time.dataset.start ?? "");
        const on = running && start <= now && now < Date.parse(time.dataset.end ?? "");
        card.toggleAttribute("data-now", on);
        if (on) {
          onNow++;
          first ??= card;
        } else if (running && !next && start > now) next = card;
      }
      setState({ running, onNow, target: first ?? next });
    };
    update();
    const timer = setInterval(update, clockTickMs);
    return () => clearInterval(timer);
  }, [spanStart, spanEnd]);

  if (!state.running) return null;
  return (
    <div className="flex flex-wrap items-center gap-x-3 gap-y-2 text-sm">
      <p role="status" className="inline-flex items-center gap-2 font-semibold text-red-700 dark:text-red-300">
        <span aria-hidden className="size-2 animate-pulse rounded-full bg-red-600 dark:bg-red-400" />
        {state.onNow > 0 ? `Happening now: ${state.onNow} session${state.onNow === 1 ? "" : "s"}` : "The conference is on"}
      </p>
      {state.target && (
        <button
          type="button"
          onClick={() => {
            const target = state.target;
            if (!target) return;
            // In the grid: bring the whole scroll box into view, then scroll it to the cell, just under the room names and beside the times.
            const scroller = target.closest<HTMLElement>(".tt-scroll");
            if (scroller) {
              scroller.scrollIntoView({ block: "start" });
              const roomsHeight = scroller.querySelector<HTMLElement>(".tt-room")?.offsetHeight ?? 0;
              const timesWidth = scroller.querySelector<HTMLElement>(".tt-time")?.offsetWidth ?? 0;
              scroller.scrollTo({ top: target.offsetTop - roomsHeight - 8, left: target.offsetLeft - timesWidth - 8 });
            } else target.scrollIntoView({ block: "center" });
            target.focus({ preventScroll: true });
          }}
          className="rounded-lg border border-zinc-300 bg-white px-2.5 py-1 font-medium hover:border-zinc-400 dark:border-zinc-700 dark:bg-zinc-900 dark:hover:border-zinc-600"
        >
          Jump to now
        </button>
      )}
    </div>
  );
}
