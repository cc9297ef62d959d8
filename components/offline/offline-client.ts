/**
 * Talking to the service worker (sw/sw.ts): loaded on demand by the offline
 * controls, so the schedule page's own JavaScript stays small.
 */
import { describeOutcome, formatBytes, type SaveOutcome } from "@/lib/offline/offline-urls";

export { describeOutcome, formatBytes, type SaveOutcome };

export type SavedState = { outcome: SaveOutcome | null; pageSavedAt: number | null; saving: boolean };

export type WorkerNews =
  | { type: "hallway:offline-progress"; conference: string; done: number; total: number; bytes: number }
  | { type: "hallway:offline-saved"; outcome: SaveOutcome }
  | { type: "hallway:offline-failed"; conference: string; message: string };

async function activeWorker(): Promise<ServiceWorker | null> {
  if (!("serviceWorker" in navigator)) return null;
  if (navigator.serviceWorker.controller) return navigator.serviceWorker.controller;
  const registration = await navigator.serviceWorker.getRegistration();
  return registration?.active ?? null;
}

/** Sends a message and waits for the worker's answer on a channel of its own; null without a worker or an answer. */
async function ask<T>(message: unknown, timeoutMs = 3000): Promise<T | null> {
  const worker = await activeWorker();
  if (!worker) return null;
  return new Promise<T | null>((resolve) => {
    const channel = new MessageChannel();
    const timer = window.setTimeout(() => resolve(null), timeoutMs);
    channel.port1.onmessage = (event) => {
      window.clearTimeout(timer);
      resolve(event.data as T);
    };
    worker.postMessage(message, [channel.port2]);
  });
}

export const hasServiceWorker = async () => (await activeWorker()) !== null;

/** What was saved of this conference, and when the page now shown was. */
export const savedState = (conference: string, url?: string) => ask<SavedState>({ type: "hallway:saved?", conference, url });

/** Asks the worker to save the whole public program; news of it comes as messages (onWorkerNews). */
export async function keepOffline(conference: string): Promise<boolean> {
  const worker = await activeWorker();
  worker?.postMessage({ type: "hallway:keep-offline", conference });
  return worker !== null;
}

export function onWorkerNews(listener: (news: WorkerNews) => void): () => void {
  if (!("serviceWorker" in navigator)) return () => {};
  const handle = (event: MessageEvent) => {
    const data = event.data as { type?: string } | null;
    if (data && typeof data.type === "string" && data.type.startsWith("hallway:offline-")) listener(data as WorkerNews);
  };
  navigator.serviceWorker.addEventListener("message", handle);
  return () => navigator.serviceWorker.removeEventListener("message", handle);
}

/** "14:05", or "14:05 on 1 Dec" for another day. */
export function formatSavedAt(savedAt: number): string {
  const date = new Date(savedAt);
  const time = date.toLocaleTimeString("en-GB", { hour: "2-digit", minute: "2-digit" });
  if (date.toDateString() === new Date().toDateString()) return time;
  return `${time} on ${date.toLocaleDateString("en-GB", { day: "numeric", month: "short" })}`;
}
