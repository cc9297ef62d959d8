import { expect, test, type Page } from "@playwright/test";
import { sameOrigin, signUp } from "./support/auth";
import { seriousViolations } from "./support/axe";
import { setSessionStatus } from "./support/database";
import { apiUrl, conf, scheduleUrl, titlesOn } from "./support/demo";

const day = "2017-10-17";
const gridUrl = `${scheduleUrl}?day=${day}&view=grid`;
const grid = (page: Page) => page.getByRole("region", { name: /^Timetable of / });
const cell = (page: Page, slug: string) => grid(page).locator(`a[data-slug="${slug}"]`);
/** 14:10 CEST on the 17th: LinuxKit Deep Dive and Containerizing… are on. */
const during = encodeURIComponent("2017-10-17T14:10:00+02:00");

test("rooms are columns and time runs down, each session as long as it lasts, in program order", async ({ page }) => {
  await page.goto(gridUrl);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(/^Tuesday,? 17 October 2017$/);
  await expect(grid(page).locator(".tt-room")).toHaveText(["Main Hall", "Auditorium 11", "Auditorium 12", "Community Theater"]);
  // Reading order is program order: by start, then room.
  await expect(grid(page).locator("a[data-slug] .tt-title")).toHaveText(titlesOn(day));

  const general = (await cell(page, "general-session-day-1").boundingBox())!;
  const linuxkit = (await cell(page, "linuxkit-deep-dive").boundingBox())!;
  const parallel = (await cell(page, "containerizing-hardware-accelerated-applications").boundingBox())!;
  // 120 minutes against 40, give or take the cells' gaps.
  expect(general.height / linuxkit.height).toBeGreaterThan(2.6);
  expect(general.height / linuxkit.height).toBeLessThan(3.4);
  // Side by side at 14:00: the same row, different columns, Auditorium 11 left of Community Theater.
  expect(Math.abs(linuxkit.y - parallel.y)).toBeLessThan(1);
  expect(linuxkit.x).toBeLessThan(parallel.x);
  expect(linuxkit.y).toBeGreaterThan(general.y + general.height);
  // Each cell names its time and room for a screen reader, since the headers are only drawn.
  await expect(cell(page, "linuxkit-deep-dive")).toHaveAccessibleName(/^14:00–14:40 CEST ?, Auditorium 11: LinuxKit Deep Dive/);
});

test("Tab goes through the grid by time, then room", async ({ page }) => {
  await page.goto(gridUrl);
  const slugs = await grid(page).locator("a[data-slug]").evaluateAll((links) => links.map((a) => (a as HTMLElement).dataset.slug));
  await cell(page, slugs[0]!).focus();
  const order = [slugs[0]];
  for (let i = 1; i < slugs.length; i++) {
    await page.keyboard.press("Tab");
    order.push(await page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.slug));
  }
  expect(order).toEqual(["general-session-day-1", "modernizing-traditional-apps-java-edition", "linuxkit-deep-dive", "containerizing-hardware-accelerated-applications"]);
});

test("room names stay on top and times on the left while the grid scrolls", async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 700 });
  await page.goto(gridUrl);
  const region = grid(page);
  await region.scrollIntoViewIfNeeded();
  const before = (await region.locator(".tt-room").first().boundingBox())!;
  const label = (await region.locator(".tt-time").nth(2).boundingBox())!;
  await region.evaluate((el) => el.scrollBy(400, 500));
  const after = (await region.locator(".tt-room").first().boundingBox())!;
  const box = (await region.boundingBox())!;
  expect(Math.abs(after.y - before.y)).toBeLessThan(2);
  expect(Math.abs(after.y - box.y)).toBeLessThan(3);
  const labels = await region.locator(".tt-time").evaluateAll((els) => els.map((el) => el.getBoundingClientRect().x));
  expect(labels.every((x) => Math.abs(x - label.x) < 2)).toBe(true);
});

test("the list and the grid link to each other, keeping the day and track", async ({ page }) => {
  const filters = "day=2017-10-18&track=community-theater";
  await page.goto(`${scheduleUrl}?${filters}`);
  const views = page.getByRole("navigation", { name: "Schedule view" });
  await expect(views.getByRole("link", { name: "List" })).toHaveAttribute("aria-current", "page");
  await views.getByRole("link", { name: "Grid" }).click();
  await expect(page).toHaveURL(`${scheduleUrl}?${filters}&view=grid`);
  await expect(grid(page).locator("a[data-slug] .tt-title")).toHaveText(["Play With Docker (PWD): Inside Out", "My Journey to Go"]);
  // Day tabs and track chips keep the grid.
  await expect(page.getByRole("navigation", { name: "Days" }).getByRole("link", { name: /^Tue 17 Oct/ })).toHaveAttribute("href", `${scheduleUrl}?day=2017-10-17&track=community-theater&view=grid`);
  await expect(page.getByRole("navigation", { name: "Days" }).getByRole("link", { name: "All days" })).toHaveCount(0);
  await views.getByRole("link", { name: "List" }).click();
  await expect(page).toHaveURL(`${scheduleUrl}?${filters}`);
  await expect(page.getByRole("article")).toHaveCount(2);
});

test("the grid without a day shows the first day; the grid is a cached page like the list", async ({ page, request }) => {
  await page.goto(`${scheduleUrl}?view=grid`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(/^Monday,? 16 October 2017$/);
  await expect(grid(page).locator("a[data-slug]")).toHaveCount(1);
  const response = await request.get(gridUrl);
  expect(response.status()).toBe(200);
  expect(response.headers()["cache-control"]).toContain("s-maxage");
  expect((await request.get(`${scheduleUrl}?day=${day}&view=table`)).status()).toBe(404);
});

test("a line marks ?at= while the conference runs, and nothing marks a moment after it", async ({ page }) => {
  await page.goto(`${gridUrl}&at=${during}`);
  const line = grid(page).locator("[data-now-line]");
  await expect(line).toBeVisible();
  const y = (await line.boundingBox())!.y;
  const linuxkit = (await cell(page, "linuxkit-deep-dive").boundingBox())!;
  // A quarter of the way into a 14:00–14:40 session.
  expect(y).toBeGreaterThan(linuxkit.y + linuxkit.height * 0.15);
  expect(y).toBeLessThan(linuxkit.y + linuxkit.height * 0.4);
  await expect(cell(page, "linuxkit-deep-dive")).toHaveAttribute("data-now", "");
  await expect(cell(page, "general-session-day-1")).not.toHaveAttribute("data-now", "");

  // Without ?at= it is the real clock, years after the conference.
  await page.goto(gridUrl);
  await expect(grid(page).locator("a[data-slug]").first()).toBeVisible();
  await expect(line).toBeHidden();
});

test("on a phone, Jump to now scrolls the grid to what is on, under the room names", async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 812 });
  await page.goto(`${gridUrl}&at=${during}`);
  await page.getByRole("button", { name: "Jump to now" }).click();
  const target = cell(page, "linuxkit-deep-dive");
  await expect(target).toBeInViewport({ ratio: 0.9 });
  await expect(target).toBeFocused();
  const room = (await grid(page).locator(".tt-room").nth(1).boundingBox())!;
  const tabs = (await page.getByRole("navigation", { name: "Days" }).boundingBox())!;
  // The room names are not hidden under the sticky day tabs.
  expect(room.y).toBeGreaterThanOrEqual(tabs.y + tabs.height - 1);
  expect(room.y).toBeLessThan((await target.boundingBox())!.y);
});

test("my starred sessions are marked in the cached grid", async ({ page, context }) => {
  await signUp(context);
  expect((await context.request.put(`${apiUrl}/me/stars/linuxkit-deep-dive`, { headers: sameOrigin() })).status()).toBe(204);
  await page.goto(gridUrl);
  await expect(cell(page, "linuxkit-deep-dive")).toHaveAttribute("data-starred", "");
  await expect(grid(page).locator("a[data-starred]")).toHaveCount(1);
});

test("a cancelled session is struck through and says so", async ({ page }) => {
  // As an import marks a session that left the program; then a view nothing has cached yet.
  const slug = "introduction-to-docker-for-enterprise-operations";
  setSessionStatus(slug, "cancelled");
  try {
    await page.goto(`${scheduleUrl}?day=2017-10-16&track=workshops&view=grid`);
    const cancelled = cell(page, slug);
    await expect(cancelled).toHaveAccessibleName(/, cancelled: Introduction to Docker/);
    await expect(cancelled.locator(".tt-title")).toHaveCSS("text-decoration-line", "line-through");
    await expect(cancelled.locator(".tt-cancelled")).toHaveText("Cancelled");
  } finally {
    setSessionStatus(slug, "scheduled");
  }
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });
  test("the grid is all there and its cells are links", async ({ page }) => {
    await page.goto(gridUrl);
    await expect(grid(page).locator("a[data-slug]")).toHaveCount(titlesOn(day).length);
    await grid(page).getByRole("link", { name: /LinuxKit Deep Dive/ }).click();
    await expect(page).toHaveURL(`/${conf}/sessions/linuxkit-deep-dive`);
  });
});

for (const width of [375, 1440]) {
  for (const colorScheme of ["light", "dark"] as const) {
    test.describe(`${width} px, ${colorScheme}`, () => {
      test.use({ viewport: { width, height: width === 375 ? 812 : 900 }, colorScheme, ...(width === 375 ? { isMobile: true, hasTouch: true } : {}) });
      test("the grid has no serious or critical WCAG A/AA violations, and the page itself does not scroll sideways", async ({ page }) => {
        await page.goto(`${gridUrl}&at=${during}`);
        await expect(grid(page).locator("a[data-slug]").first()).toBeVisible();
        expect(await seriousViolations(page)).toEqual([]);
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
      });
    });
  }
}
