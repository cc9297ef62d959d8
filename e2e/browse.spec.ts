import { expect, test, type Page } from "@playwright/test";
import { days, scheduleUrl, sessions, titlesOn } from "./support/demo";

/** Session titles on the page, in the order shown. */
const shownTitles = (page: Page) => page.getByRole("main").locator("article h2, article h3").allInnerTexts();
const dayTabs = (page: Page) => page.getByRole("navigation", { name: "Days" });
const trackChips = (page: Page) => page.getByRole("navigation", { name: "Tracks" });

test("the home page redirects to the only conference's schedule", async ({ page }) => {
  await page.goto("/");
  await expect(page).toHaveURL(scheduleUrl);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Schedule");
});

test("the schedule lists every session on one page, grouped by day, with times in CEST", async ({ page }) => {
  await page.goto(scheduleUrl);
  await expect(page.getByText("Times are Copenhagen time (CEST, Europe/Copenhagen).")).toBeVisible();
  await expect(page.getByText(`${sessions.length} sessions`, { exact: true })).toBeVisible();
  expect(await shownTitles(page)).toEqual(sessions.map((s) => s.title));

  for (const day of days) {
    const group = page.getByRole("region", { name: day.long });
    const expected = sessions.filter((s) => s.day === day.date);
    if (expected.length === 0) {
      // The 19th has no sessions, so it has no group either.
      await expect(group).toHaveCount(0);
      continue;
    }
    await expect(group.getByRole("heading", { level: 2 })).toHaveText(day.long);
    for (const session of expected) {
      const card = group.getByRole("article").filter({ has: page.getByRole("link", { name: session.title, exact: true }) });
      await expect(card.locator("time").first()).toHaveText(session.time);
    }
    await expect(group.getByRole("article")).toHaveCount(expected.length);
  }

  // Ten sessions fit on one page: no pagination.
  await expect(page.getByRole("navigation", { name: "Pages", exact: true })).toHaveCount(0);
  await expect(page.getByRole("link", { name: /Later sessions|Earlier sessions/ })).toHaveCount(0);
});

test("each day tab shows only that day's sessions under its long date", async ({ page }) => {
  await page.goto(scheduleUrl);
  for (const day of days) {
    await test.step(day.tab, async () => {
      await dayTabs(page).getByRole("link", { name: new RegExp(`^${day.tab}`) }).click();
      await expect(page).toHaveURL(`${scheduleUrl}?day=${day.date}`);
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(day.long);
      await expect(dayTabs(page).locator('[aria-current="page"]')).toContainText(day.tab);
      const expected = titlesOn(day.date);
      if (expected.length === 0) {
        await expect(page.getByText(new RegExp(`^Nothing is scheduled on ${day.long.source.slice(1, -1)}$`))).toBeVisible();
        await expect(page.getByRole("article")).toHaveCount(0);
      } else {
        await expect(page.getByRole("article")).toHaveCount(expected.length);
        expect(await shownTitles(page)).toEqual(expected);
      }
    });
  }
});

test("the track filter shows only that track's sessions", async ({ page }) => {
  await page.goto(scheduleUrl);
  await trackChips(page).getByRole("link", { name: "Black Belt" }).click();
  await expect(page).toHaveURL(`${scheduleUrl}?track=black-belt`);
  await expect(page.getByText("1 session in Black Belt")).toBeVisible();
  expect(await shownTitles(page)).toEqual(["LinuxKit Deep Dive"]);

  // Choosing the active track again clears it.
  await trackChips(page).getByRole("link", { name: "Black Belt" }).click();
  await expect(page).toHaveURL(scheduleUrl);
  await expect(page.getByRole("article")).toHaveCount(sessions.length);
});

test("day and track filters combine, and the combined URL can be shared", async ({ page, context }) => {
  await page.goto(scheduleUrl);
  await dayTabs(page).getByRole("link", { name: /^Wed 18 Oct/ }).click();
  await expect(page).toHaveURL(`${scheduleUrl}?day=2017-10-18`);
  await trackChips(page).getByRole("link", { name: "Community Theater" }).click();
  await expect(page).toHaveURL(`${scheduleUrl}?day=2017-10-18&track=community-theater`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(/^Wednesday,? 18 October 2017$/);
  const combined = await shownTitles(page);
  expect(combined).toEqual(["Play With Docker (PWD): Inside Out", "My Journey to Go"]);

  // Someone opening the shared address sees the same thing.
  const other = await context.newPage();
  const response = await other.goto(page.url());
  expect(response?.status()).toBe(200);
  await expect(other.getByRole("heading", { level: 1 })).toHaveText(/^Wednesday,? 18 October 2017$/);
  expect(await shownTitles(other)).toEqual(combined);
});

test("day tabs and track filters are plain links to their URLs", async ({ page }) => {
  await page.goto(`${scheduleUrl}?day=2017-10-17`);
  await expect(dayTabs(page).getByRole("link", { name: "All days" })).toHaveAttribute("href", scheduleUrl);
  await expect(dayTabs(page).getByRole("link", { name: /^Wed 18 Oct/ })).toHaveAttribute("href", `${scheduleUrl}?day=2017-10-18`);
  // A track link keeps the chosen day; the day offers only its own tracks (Edge is on the 18th).
  await expect(trackChips(page).getByRole("link", { name: "Black Belt" })).toHaveAttribute("href", `${scheduleUrl}?day=2017-10-17&track=black-belt`);
  await expect(trackChips(page).getByRole("link", { name: "Edge" })).toHaveCount(0);
  await expect(trackChips(page).getByRole("link", { name: "All tracks" })).toHaveAttribute("href", `${scheduleUrl}?day=2017-10-17`);
});

test("the schedule's text filter narrows the current day by text", async ({ page }) => {
  await page.goto(`${scheduleUrl}?day=2017-10-17`);
  await page.getByRole("searchbox", { name: "Filter these sessions by text" }).fill("linuxkit");
  await page.getByRole("button", { name: "Filter" }).click();
  await expect(page).toHaveURL(`${scheduleUrl}?day=2017-10-17&q=linuxkit`);
  await expect(page.getByText("matching “linuxkit” · best matches first")).toBeVisible();
  const titles = await shownTitles(page);
  expect(titles[0]).toBe("LinuxKit Deep Dive");
  // Only sessions of the 17th; the containerd talk on the 18th also mentions LinuxKit.
  expect(titles.every((t) => titlesOn("2017-10-17").includes(t))).toBe(true);
  await expect(page.getByRole("main").locator("mark").first()).toHaveText(/^linuxkit$/i);

  // The same filter without a day covers the whole conference.
  await page.goto(`${scheduleUrl}?q=linuxkit`);
  expect(await shownTitles(page)).toContain("Looking Under the Hood: containerD");
});
