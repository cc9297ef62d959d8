import { expect, test, type Page } from "@playwright/test";
import { conf } from "./support/demo";

// The search page's own offline mode, with the saved program put in Cache Storage by the
// test itself: the service worker's own saving (on its own clock) stays out of these tests;
// e2e/offline.spec.ts searches offline through the worker.
test.use({ serviceWorkers: "block" });

/**
 * Search over the saved program (docs/decisions/0023-offline-search.md). The service
 * worker that saves the program and answers navigations is not part of these tests:
 * they save the index in the Cache Storage as it does, answer a search URL with the
 * saved empty search page as it does, and go offline with the page already loaded.
 */

const searchUrl = `/${conf}/search`;
const indexUrl = `/api/conferences/${conf}/search-index`;
const offlineLine = "Searching the saved program (offline)";
const resultTitles = (page: Page) => page.getByRole("main").locator("article h2").allInnerTexts();
const searchBox = (page: Page) => page.getByRole("searchbox", { name: "Search sessions, speakers and notes" });

/** What the service worker does when the conference is kept offline: the index, in the Cache Storage. */
async function saveIndex(page: Page) {
  await page.evaluate(async (url) => (await caches.open("saved-program-test")).add(url), indexUrl);
}

/** Answers every `/<conf>/search?…` navigation with the saved `/<conf>/search`, as the service worker does offline. */
async function answerSearchesWithSavedShell(page: Page) {
  const shell = await (await page.request.get(searchUrl)).text();
  await page.route(/\/dockercon-eu-2017\/search\?/, (route) =>
    route.request().resourceType() === "document" ? route.fulfill({ body: shell, contentType: "text/html; charset=utf-8" }) : route.fallback(),
  );
}

/** The JavaScript a page load fetched, to look for the offline search's code in it. */
function recordScripts(page: Page) {
  const bodies: Promise<string>[] = [];
  page.on("response", (response) => {
    if (response.request().resourceType() === "script" && response.ok()) bodies.push(response.text().catch(() => ""));
  });
  return async () => (await Promise.all(bodies)).join("\n");
}

test("online, the search page shows the server's results and loads none of the offline search", async ({ page }) => {
  const scripts = recordScripts(page);
  const indexRequests: string[] = [];
  page.on("request", (request) => request.url().includes("/search-index") && indexRequests.push(request.url()));
  await page.goto(`${searchUrl}?q=kube`);
  await expect(page.getByText(/results?, best first for “kube”/)).toBeVisible();
  await page.waitForLoadState("networkidle");
  await expect(page.getByText(offlineLine)).toHaveCount(0);
  expect(indexRequests).toEqual([]);
  expect(await scripts()).not.toContain(offlineLine);
});

test("the index is public, cached like the program, and small", async ({ request }) => {
  const response = await request.get(indexUrl);
  expect(response.status()).toBe(200);
  expect(response.headers()["cache-control"]).toBe("public, max-age=0, s-maxage=300");
  const index = await response.json();
  expect(index.conference).toMatchObject({ slug: conf, timeZone: "Europe/Copenhagen" });
  expect(index.sessions).toHaveLength(10);
  expect(index.sessions.map((s: { title: string }) => s.title)).toContain("LinuxKit Deep Dive");
  expect((await response.body()).length).toBeLessThan(20_000);
  expect((await request.get("/api/conferences/no-such-conference/search-index")).status()).toBe(404);
});

test("a saved copy of the search page searches the saved program, then searches on offline through the form", async ({ page, context }) => {
  const scripts = recordScripts(page);
  await page.goto(searchUrl);
  await saveIndex(page);
  await answerSearchesWithSavedShell(page);

  // The saved page was rendered for no query; its URL asks for "kube".
  await page.goto(`${searchUrl}?q=kube`);
  await expect(page.getByText(offlineLine)).toBeVisible();
  await expect(page.getByText(/results?, best first for “kube”/)).toBeVisible();
  await expect(searchBox(page)).toHaveValue("kube");
  // Its abstract says "Kubernetes", marked in the passage shown.
  const card = page.getByRole("article").filter({ has: page.getByRole("link", { name: "Looking Under the Hood: containerD", exact: true }) });
  await expect(card).toBeVisible();
  const marks = card.locator("mark");
  await expect(marks.first()).toBeVisible();
  for (const text of await marks.allInnerTexts()) expect(text).toMatch(/^kube/i);
  expect(await scripts(), "the offline search came in its own chunk, when asked").toContain(offlineLine);
  const kube = await resultTitles(page);

  // Offline, with the page loaded: the form changes the URL and the saved program answers.
  await context.setOffline(true);
  await searchBox(page).fill("LÍNUXKIT");
  await page.getByRole("button", { name: "Search", exact: true }).click();
  await expect(page).toHaveURL(`${searchUrl}?q=L%C3%8DNUXKIT`);
  await expect(page.getByText(/results?, best first for “LÍNUXKIT”/)).toBeVisible();
  expect(await resultTitles(page)).toContain("LinuxKit Deep Dive");
  await expect(page.getByText(offlineLine)).toBeVisible();
  await expect(page).toHaveTitle(/^“LÍNUXKIT” · /);

  await searchBox(page).fill("zzzzqqq");
  await page.getByRole("button", { name: "Search", exact: true }).click();
  await expect(page.getByText("Nothing matches")).toBeVisible();

  // Back and forward go through the searches as they would online.
  await page.goBack();
  await expect(page).toHaveURL(`${searchUrl}?q=L%C3%8DNUXKIT`);
  await expect(searchBox(page)).toHaveValue("LÍNUXKIT");
  await page.goBack();
  await expect(page).toHaveURL(`${searchUrl}?q=kube`);
  await expect(page.getByText(/results?, best first for “kube”/)).toBeVisible();
  expect(await resultTitles(page)).toEqual(kube);
  await context.setOffline(false);
});

test("a cancelled session is marked in offline results", async ({ page }) => {
  await page.goto(searchUrl);
  // The saved index says the containerd talk was cancelled.
  const index = await (await page.request.get(indexUrl)).json();
  for (const session of index.sessions) if (session.slug === "looking-under-the-hood-containerd") session.cancelled = true;
  await page.evaluate(
    async ({ url, body }) => (await caches.open("saved-program-test")).put(url, new Response(body, { headers: { "Content-Type": "application/json" } })),
    { url: indexUrl, body: JSON.stringify(index) },
  );
  await answerSearchesWithSavedShell(page);
  await page.goto(`${searchUrl}?q=containerd`);
  const card = page.getByRole("article").filter({ has: page.getByRole("link", { name: /Looking Under the Hood/ }) });
  await expect(card.getByText("Cancelled", { exact: true })).toBeVisible();
  await expect(card.getByRole("heading")).toHaveClass(/line-through/);
});

test("without a saved program, offline search says so", async ({ page }) => {
  await page.goto(searchUrl);
  await page.evaluate(async () => {
    for (const name of await caches.keys()) await caches.delete(name);
  });
  await page.route(`**${indexUrl}`, (route) => route.abort("internetdisconnected"));
  await answerSearchesWithSavedShell(page);
  await page.goto(`${searchUrl}?q=kube`);
  await expect(page.getByText(offlineLine)).toBeVisible();
  await expect(page.getByText("This program is not saved on this device")).toBeVisible();
});
