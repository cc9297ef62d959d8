import { expect, test } from "@playwright/test";
import { conf, scheduleUrl, sessions } from "./support/demo";

// Everything here must work as plain links and GET forms.
test.use({ javaScriptEnabled: false });

test("schedule, day tab, track filter and session page work without JavaScript", async ({ page }) => {
  await page.goto(scheduleUrl);
  await expect(page.getByRole("article")).toHaveCount(sessions.length);

  await page.getByRole("navigation", { name: "Days" }).getByRole("link", { name: /^Wed 18 Oct/ }).click();
  await expect(page).toHaveURL(`${scheduleUrl}?day=2017-10-18`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(/^Wednesday,? 18 October 2017$/);
  await expect(page.getByRole("article")).toHaveCount(5);

  await page.getByRole("navigation", { name: "Tracks" }).getByRole("link", { name: "Edge" }).click();
  await expect(page).toHaveURL(`${scheduleUrl}?day=2017-10-18&track=edge`);
  await expect(page.getByRole("article")).toHaveCount(1);

  await page.getByRole("link", { name: "Looking Under the Hood: containerD" }).click();
  await expect(page).toHaveURL(`/${conf}/sessions/looking-under-the-hood-containerd`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Looking Under the Hood: containerD");
  await expect(page.locator("dl time")).toHaveText("14:00–14:40 CEST");
  await expect(page.getByRole("region", { name: /Attendee notes/ })).toContainText("containerd is the industry standard");
});

test("the schedule's text filter works without JavaScript", async ({ page }) => {
  await page.goto(`${scheduleUrl}?day=2017-10-17`);
  await page.getByRole("searchbox", { name: "Filter these sessions by text" }).fill("linuxkit");
  await page.getByRole("button", { name: "Filter" }).click();
  await expect(page).toHaveURL(`${scheduleUrl}?day=2017-10-17&q=linuxkit`);
  await expect(page.getByRole("article").first()).toContainText("LinuxKit Deep Dive");
});

test("search works without JavaScript", async ({ page }) => {
  await page.goto(scheduleUrl);
  await page.getByRole("navigation", { name: "DockerCon EU 2017" }).getByRole("link", { name: "Search" }).click();
  await expect(page).toHaveURL(`/${conf}/search`);
  await page.getByRole("searchbox", { name: "Search sessions, speakers and notes" }).fill("wireguard");
  await page.getByRole("searchbox", { name: "Search sessions, speakers and notes" }).press("Enter");
  await expect(page).toHaveURL(`/${conf}/search?q=wireguard`);
  await expect(page.getByRole("article").first()).toContainText("LinuxKit Deep Dive");
  await page.getByRole("link", { name: "LinuxKit Deep Dive" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("LinuxKit Deep Dive");
});
