"use client";

import { useEffect } from "react";

/**
 * On a phone the day tabs and track chips scroll sideways, so the chosen one can
 * start off-screen: scroll each row to it once the page is shown.
 */
export function ChipsIntoView() {
  useEffect(() => {
    for (const row of document.querySelectorAll<HTMLElement>("[data-chips]")) {
      const chosen = row.querySelector<HTMLElement>('[aria-current="page"]')?.closest("li");
      if (!chosen || row.scrollWidth <= row.clientWidth) continue;
      const left = chosen.offsetLeft - (row.clientWidth - chosen.offsetWidth) / 2;
      row.scrollLeft = Math.max(0, left);
    }
  }, []);
  return null;
}
