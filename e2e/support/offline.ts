/**
 * Offline as the service worker will make it, without one: while online, every page
 * and asset a context loads is recorded; offline (`context.setOffline(true)`, so
 * `navigator.onLine` is false and `online` fires on the way back) the pages and
 * assets come from the recording and everything else, the API included, fails as
 * a dropped connection does. A recording can outlive its context, so a browser
 * restarted on the same profile opens the same pages.
 */
import type { BrowserContext, Page } from "@playwright/test";

type Recorded = { status: number; headers: Record<string, string>; body: Buffer };
export type Recording = Map<string, Recorded>;

/** `startOffline` for a context launched offline: `route.fetch` goes out from the test, past the browser's emulation. */
export async function recordForOffline(context: BrowserContext, recording: Recording = new Map(), { startOffline = false } = {}) {
  let offline = startOffline;
  await context.route("**/*", async (route) => {
    const request = route.request();
    const url = request.url();
    if (offline) {
      const hit = request.method() === "GET" && !new URL(url).pathname.startsWith("/api/") ? recording.get(url) : undefined;
      return hit ? route.fulfill(hit) : route.abort("internetdisconnected");
    }
    try {
      const response = await route.fetch();
      if (request.method() === "GET" && response.ok() && !new URL(url).pathname.startsWith("/api/")) {
        recording.set(url, { status: response.status(), headers: response.headers(), body: await response.body() });
      }
      await route.fulfill({ response });
    } catch {
      // The context closed while this request was on its way.
    }
  });
  return {
    recording,
    async goOffline() {
      offline = true;
      await context.setOffline(true);
    },
    async goOnline() {
      offline = false;
      await context.setOffline(false);
    },
  };
}

/** What the notes outbox holds in this page's browser, read straight from IndexedDB. */
export function queuedNotes(page: Page): Promise<{ userId: string; sessionSlug: string; body: string; state: string; baseVersion: number }[]> {
  return page.evaluate(async () => {
    if (!(await indexedDB.databases()).some((d) => d.name === "hallway-notes")) return [];
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open("hallway-notes");
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    try {
      if (!db.objectStoreNames.contains("outbox")) return [];
      return await new Promise((resolve, reject) => {
        const all = db.transaction("outbox").objectStore("outbox").getAll();
        all.onsuccess = () => resolve(all.result);
        all.onerror = () => reject(all.error);
      });
    } finally {
      db.close();
    }
  });
}
