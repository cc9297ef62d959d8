"use client";

import { useEffect, useRef, useState, useSyncExternalStore } from "react";
import { getServerStars, getStars, retainStars, subscribeStars } from "@/components/agenda/star-store";
import { clockTickMs, pageInstant } from "./page-clock";

const slotMs = 5 * 60_000;

/**
 * The grid's one island: it marks the sessions on my agenda (asked once, as the
 * star buttons do, since the page is cached for everyone) and draws a line at the
 * current time, or at `?at=`, while the conference runs.
 */
export function TimetableLive({ conferenceSlug, start, rowCount, spanStart, spanEnd }: {
  conferenceSlug: string;
  start: string;
  rowCount: number;
  spanStart: string;
  spanEnd: string;
}) {
  const line = useRef<HTMLDivElement>(null);
  const stars = useSyncExternalStore(subscribeStars, getStars, getServerStars);
  const [now, setNow] = useState<number | null>(null);

  useEffect(() => retainStars(conferenceSlug), [conferenceSlug]);

  useEffect(() => {
    const tick = () => setNow(pageInstant(window.location.search).getTime());
    tick();
    const timer = setInterval(tick, clockTickMs);
    return () => clearInterval(timer);
  }, []);

  useEffect(() => {
    const grid = line.current?.parentElement;
    if (!grid) return;
    for (const cell of grid.querySelectorAll<HTMLElement>("a[data-slug]")) {
      cell.toggleAttribute("data-starred", stars.status === "ready" && stars.starred.has(cell.dataset.slug ?? ""));
    }
  }, [stars]);

  const from = Date.parse(start);
  const on = now !== null && now >= Date.parse(spanStart) && now < Date.parse(spanEnd) && now >= from && now < from + rowCount * slotMs;
  const offset = on ? (now - from) / slotMs : 0;
  return (
    <div
      ref={line}
      aria-hidden
      className="tt-now"
      data-now-line
      hidden={!on}
      style={{ gridRow: Math.floor(offset) + 2, marginTop: `calc(var(--tt-row) * ${(offset % 1).toFixed(3)})` }}
    />
  );
}
