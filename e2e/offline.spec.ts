import { expect, test, type BrowserContext, type Page } from "@playwright/test";
import { sameOrigin, saveNote, signUp, uniqueWord } from "./support/auth";
import { apiUrl, conf, days, sessions } from "./support/demo";

/**
 * The program offline through the service worker (sw/sw.ts), on the production build:
 * docs/decisions/0021-offline-with-a-service-worker.md.
 */

/** Waits until the service worker controls the page, so what follows goes through it. */
async function underWorker(page: Page) {
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
  await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
}

async function keepOffline(page: Page) {
  const button = page.getByRole("button", { name: "Keep this conference offline" });
  await expect(button).toBeEnabled({ timeout: 30_000 });
  await button.click();
  await expect(page.getByText(/^Saved \d+ pages, [\d.]+ (KB|MB), at \d\d:\d\d( \(\d+ could not be fetched\))?\.$/)).toBeVisible({ timeout: 60_000 });
}

/** Every cached answer's text, in every cache the origin has. */
function everythingCached(page: Page): Promise<{ cache: string; url: string; text: string }[]> {
  return page.evaluate(async () => {
    const all: { cache: string; url: string; text: string }[] = [];
    for (const name of await caches.keys()) {
      const cache = await caches.open(name);
      for (const request of await cache.keys()) all.push({ cache: name, url: request.url, text: (await (await cache.match(request))?.text()) ?? "" });
    }
    return all;
  });
}

async function signedInAndSeen(page: Page, context: BrowserContext, label: string) {
  const user = await signUp(context, { label });
  await page.goto(`/${conf}/schedule`);
  await underWorker(page);
  // Through the worker now: /api/me tells it whose personal cache is whose.
  await page.reload();
  await expect(page.getByRole("link", { name: user.name })).toBeVisible();
  return user;
}

test("after keep offline, days in list and grid, sessions, speakers, /now and search open offline, under a banner", async ({ page, context }) => {
  test.setTimeout(120_000);
  await page.goto(`/${conf}/schedule`);
  await underWorker(page);
  await keepOffline(page);
  const manifest = (await (await page.request.get(`${apiUrl}/offline-manifest`)).json()) as { speakers: string[]; sessions: string[] };
  expect(manifest.sessions).toHaveLength(sessions.length);

  await context.setOffline(true);
  const banner = page.getByRole("status").filter({ hasText: "You are offline" });
  await page.goto(`/${conf}/schedule?day=${days[1].date}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(days[1].long);
  await expect(banner).toHaveText(/^You are offline — showing the program saved at \d\d:\d\d$/);
  // A click on another day: the client's fetch fails, and the page is loaded from what was saved.
  await page.getByRole("link", { name: days[2].tab }).first().click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(days[2].long);
  await expect(page.getByRole("link", { name: sessions[6]!.title }).first()).toBeVisible();

  await page.goto(`/${conf}/schedule?day=${days[1].date}&view=grid`);
  await expect(page.getByRole("link", { name: new RegExp(sessions[3]!.title) }).first()).toBeVisible();

  const session = sessions[2]!;
  await page.goto(`/${conf}/sessions/${session.slug}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(session.title);

  await page.goto(manifest.speakers[0]!);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  expect(await page.title()).not.toMatch(/offline/i);

  await page.goto(`/${conf}/now`);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expect(banner).toBeVisible();

  // Any search opens the saved search page, which reads `q` from the address itself.
  const search = await page.goto(`/${conf}/search?q=docker`);
  expect(search?.status()).toBe(200);
  await expect(page.getByRole("searchbox").or(page.getByRole("textbox")).first()).toBeVisible();

  // A page never saved says so.
  await page.goto(`/${conf}/sessions/no-such-session-saved`);
  await expect(page.getByRole("heading", { name: "You are offline" })).toBeVisible();

  await page.goto(`/${conf}/now`);
  await context.setOffline(false);
  await expect(banner).toBeHidden();
});

test("online, pages come from the network: a saved copy never hides a fresher one", async ({ page }) => {
  await page.goto(`/${conf}/schedule`);
  await underWorker(page);
  const response = await page.reload();
  expect(response?.fromServiceWorker()).toBe(true);
  expect(response?.headers()["x-hallway-saved-at"]).toBeUndefined();
});

test("signed in, my agenda and my notes read offline; after sign-out and someone else's sign-in nothing of mine is left", async ({ page, context }) => {
  test.setTimeout(120_000);
  const session = sessions[4]!;
  const word = uniqueWord();
  await signedInAndSeen(page, context, "first");
  expect((await context.request.put(`${apiUrl}/me/stars/${session.slug}`, { headers: sameOrigin() })).status()).toBe(204);
  await saveNote(context.request, session.slug, { body: `Offline notes ${word}` });
  await page.goto(`/${conf}/me/agenda`);
  await expect(page.getByText(session.title).first()).toBeVisible();
  await page.goto(`/${conf}/me/notes`);
  await expect(page.getByText(word)).toBeVisible();

  await context.setOffline(true);
  await page.goto(`/${conf}/me/agenda`);
  await expect(page.getByText(session.title).first()).toBeVisible();
  await page.goto(`/${conf}/me/notes`);
  await expect(page.getByText(word)).toBeVisible();
  await context.setOffline(false);

  // The positive control above found the text in the personal cache; sign-out must take it away.
  expect((await everythingCached(page)).some((entry) => entry.cache.startsWith("hallway-personal-") && entry.text.includes(word))).toBe(true);
  await page.goto("/account");
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(`/${conf}/schedule`);
  await expect.poll(async () => (await everythingCached(page)).filter((entry) => entry.cache.startsWith("hallway-personal-")).length).toBe(0);

  await signedInAndSeen(page, context, "second");
  await page.goto(`/${conf}/me/agenda`);
  await page.goto(`/${conf}/me/notes`);
  await context.setOffline(true);
  await page.goto(`/${conf}/me/agenda`);
  await expect(page.getByText(session.title)).toHaveCount(0);
  await page.goto(`/${conf}/me/notes`);
  await expect(page.getByText(word)).toHaveCount(0);
  expect((await everythingCached(page)).filter((entry) => entry.text.includes(word))).toEqual([]);
});

test("when someone else signs in without signing out, the first person's pages are dropped before anything of theirs is kept", async ({ page, context }) => {
  test.setTimeout(90_000);
  const word = uniqueWord();
  const session = sessions[3]!;
  await signedInAndSeen(page, context, "first");
  await saveNote(context.request, session.slug, { body: `Left behind ${word}` });
  await page.goto(`/${conf}/me/notes`);
  await expect(page.getByText(word)).toBeVisible();
  expect((await everythingCached(page)).some((entry) => entry.text.includes(word))).toBe(true);

  // The session ends without the sign-out button (expired, or cookies cleared), and another person signs in.
  await context.clearCookies();
  await signedInAndSeen(page, context, "second");
  await context.setOffline(true);
  await page.goto(`/${conf}/me/notes`);
  await expect(page.getByText(word)).toHaveCount(0);
  expect((await everythingCached(page)).filter((entry) => entry.text.includes(word))).toEqual([]);
});
