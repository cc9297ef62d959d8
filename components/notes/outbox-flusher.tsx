"use client";

import { useEffect } from "react";
import { browserMayBeSignedIn } from "@/components/account/signed-in-hint";
import { flushOutboxMessage } from "./outbox-entry";

/**
 * Sends the notes outbox (note-outbox.ts) at page load, when the connection returns,
 * when the page is shown again and when the service worker's sync event says so.
 * On every page, so a note queued on one session goes out from any other; the
 * outbox's code loads only when someone may be signed in.
 */
export function OutboxFlusher() {
  useEffect(() => {
    if (typeof indexedDB === "undefined") return;
    const flush = () => {
      if (!browserMayBeSignedIn() || !navigator.onLine || document.visibilityState === "hidden") return;
      void import("./note-outbox").then((outbox) => outbox.flushOutbox());
    };
    const fromWorker = (event: MessageEvent) => {
      if ((event.data as { type?: unknown } | null)?.type === flushOutboxMessage) flush();
    };
    flush();
    window.addEventListener("online", flush);
    document.addEventListener("visibilitychange", flush);
    navigator.serviceWorker?.addEventListener("message", fromWorker);
    return () => {
      window.removeEventListener("online", flush);
      document.removeEventListener("visibilitychange", flush);
      navigator.serviceWorker?.removeEventListener("message", fromWorker);
    };
  }, []);
  return null;
}
