import { expect, test, type Page } from "@playwright/test";
import { apiUrl, conf, hostileQueries } from "./support/demo";

const searchUrl = `/${conf}/search`;
const resultTitles = (page: Page) => page.getByRole("main").locator("article h2").allInnerTexts();

async function search(page: Page, text: string) {
  await page.goto(searchUrl);
  await page.getByRole("searchbox", { name: "Search sessions, speakers and notes" }).fill(text);
  await page.getByRole("button", { name: "Search", exact: true }).click();
  await expect(page).toHaveURL(`${searchUrl}?q=${encodeURIComponent(text)}`);
}

test("a word prefix finds the session and marks the matched word", async ({ page }) => {
  await search(page, "kube");
  await expect(page.getByText(/results?, best first for “kube”/)).toBeVisible();
  const card = page.getByRole("article").filter({ has: page.getByRole("link", { name: "General Session Day 1", exact: true }) });
  await expect(card).toBeVisible();
  const marks = card.locator("mark");
  await expect(marks.first()).toBeVisible();
  for (const text of await marks.allInnerTexts()) expect(text).toMatch(/^kube/i);
});

test("case and accents do not matter", async ({ page }) => {
  await search(page, "kube");
  const lower = await resultTitles(page);
  expect(lower.length).toBeGreaterThan(0);
  await search(page, "KUBE");
  expect(await resultTitles(page)).toEqual(lower);

  await search(page, "wiréguard");
  expect(await resultTitles(page)).toContain("LinuxKit Deep Dive");
});

test("hostile input gives a results page or the empty state, never an error", async ({ page }) => {
  let dialogs = 0;
  page.on("dialog", async (dialog) => {
    dialogs += 1;
    await dialog.dismiss();
  });
  for (const { label, q } of hostileQueries) {
    await test.step(label, async () => {
      const response = await page.goto(`${searchUrl}?q=${encodeURIComponent(q)}`);
      expect(response?.status()).toBe(200);
      await expect(page.getByRole("heading", { name: "Search", level: 1 })).toBeVisible();
      await expect(page.getByText("Nothing matches").or(page.getByRole("article").first())).toBeVisible();
      await expect(page.getByText("Something went wrong")).toHaveCount(0);
      // The box keeps what was typed (up to the 500 characters that are searched), as text.
      await expect(page.getByRole("searchbox")).toHaveValue(q.slice(0, 500).trim());
    });
  }
  // The last input, the script tag, was shown as text and never ran.
  await expect(page.getByText("for “<script>alert(1)</script>”")).toBeVisible();
  await expect(page.getByRole("main").locator("script")).toHaveCount(0);
  expect(dialogs).toBe(0);
});

test("the sessions API answers hostile ?q= with 200 and a sessions array", async ({ request }) => {
  for (const { label, q } of hostileQueries) {
    const response = await request.get(`${apiUrl}/sessions?q=${encodeURIComponent(q)}`);
    expect(response.status(), label).toBe(200);
    expect(response.headers()["content-type"], label).toContain("application/json");
    const body = (await response.json()) as { sessions: unknown };
    expect(Array.isArray(body.sessions), label).toBe(true);
  }
});
