"use client";

import { useEffect, useSyncExternalStore } from "react";
import { formatTimeInZone, localDate } from "@/lib/time";
import { getServerZoneChoice, getZoneChoice, pullZoneChoice, subscribeZoneChoice } from "./zone-preference";

/**
 * Shows every `<time data-hallway-range>` in the zone the person chose. Pages are
 * cached for everyone in the conference's zone, so this happens in the browser,
 * after hydration, by rewriting the text React rendered in place (the same text
 * nodes, so React can still update or remove them), and again whenever React
 * adds or changes times. Days stay the conference's.
 */
export function ZoneRewriter() {
  const zone = useSyncExternalStore(subscribeZoneChoice, getZoneChoice, getServerZoneChoice);

  useEffect(() => void pullZoneChoice(), []);

  useEffect(() => {
    showTimesIn(zone);
    if (!zone) return;
    let frame = 0;
    const observer = new MutationObserver(() => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => showTimesIn(zone));
    });
    observer.observe(document.body, { childList: true, subtree: true, characterData: true });
    return () => {
      observer.disconnect();
      cancelAnimationFrame(frame);
    };
  }, [zone]);

  return null;
}

type Rewritten = { texts: Text[]; originals: string[]; shown: string; zone: string };

/** Elements rewritten so far, with React's own text to put back. */
const rewritten = new WeakMap<Element, Rewritten>();

function showTimesIn(zone: string | null) {
  for (const element of document.querySelectorAll<HTMLElement>("time[data-hallway-range]")) {
    let state = rewritten.get(element);
    // React changed the text since: what it shows now is the new original.
    if (state && element.textContent !== state.shown) state = undefined;
    if (state && state.zone === zone) continue;
    const { zone: conferenceZone, start, end } = element.dataset;
    const startsAt = new Date(start ?? "");
    if (!zone || !conferenceZone || zone === conferenceZone || Number.isNaN(startsAt.getTime())) {
      const { texts = [], originals = [] } = state ?? {};
      texts.forEach((text, i) => (text.nodeValue = originals[i] ?? ""));
      rewritten.delete(element);
      continue;
    }
    const shown = formatTimeInZone(startsAt, end ? new Date(end) : null, zone, {
      conferenceDay: localDate(startsAt, conferenceZone),
      alwaysDate: "showDate" in element.dataset,
    });
    if (!state) {
      const texts = [...element.childNodes].filter((node): node is Text => node.nodeType === Node.TEXT_NODE);
      if (texts.length === 0) continue;
      state = { texts, originals: texts.map((text) => text.nodeValue ?? ""), shown, zone };
      rewritten.set(element, state);
    }
    Object.assign(state, { shown, zone });
    if (element.textContent === shown) continue;
    state.texts.forEach((text, i) => (text.nodeValue = i === 0 ? shown : ""));
  }
}
