import { expect, test } from "@playwright/test";
import { conf, scheduleUrl, speakerNamesAToZ } from "./support/demo";

test("a session opened from the schedule shows its details, speakers, notes and neighbours", async ({ page }) => {
  await page.goto(scheduleUrl);
  await page.getByRole("link", { name: "Containerizing Hardware Accelerated Applications" }).click();
  await expect(page).toHaveURL(`/${conf}/sessions/containerizing-hardware-accelerated-applications`);

  const header = page.getByRole("article").locator("header").first();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Containerizing Hardware Accelerated Applications");
  await expect(header.locator("dd").first()).toHaveText(/^Tuesday,? 17 October 2017\s*14:00–14:40 CEST$/);
  await expect(header.locator("dd").nth(1)).toHaveText("Community Theater");
  await expect(header.getByRole("link", { name: "Community Theater" })).toHaveAttribute("href", `${scheduleUrl}?track=community-theater`);
  await expect(page.getByRole("navigation", { name: "Breadcrumb" }).getByRole("link")).toHaveAttribute("href", `${scheduleUrl}?day=2017-10-17`);

  await expect(page.getByRole("region", { name: "About this session" })).toContainText("Chelsea Mafrica introduces hardware accelerators such as GPUs");

  const notes = page.getByRole("region", { name: /Attendee notes/ });
  await expect(notes.getByRole("heading", { level: 2 })).toHaveText("Attendee notes (1)");
  await expect(notes).toContainText("SoftwareAG attendee");
  await expect(notes).toContainText("Chelsea began the talk with a quick intro to hardware accelerators");

  const parallel = page.getByRole("region", { name: "At the same time" });
  await expect(parallel.getByRole("link", { name: "LinuxKit Deep Dive" })).toBeVisible();
  const next = page.getByRole("region", { name: "Next in Community Theater" });
  await expect(next.getByRole("link", { name: "Play With Docker (PWD): Inside Out" })).toBeVisible();
  await expect(next.locator("time")).toHaveText("Wed 18 Oct, 11:45–12:25 CEST");

  // Through to the speaker and back.
  await header.getByRole("link", { name: "Chelsea Mafrica" }).click();
  await expect(page).toHaveURL(`/${conf}/speakers/chelsea-mafrica`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Chelsea Mafrica");
  await page.goBack();
  await expect(page).toHaveURL(`/${conf}/sessions/containerizing-hardware-accelerated-applications`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Containerizing Hardware Accelerated Applications");
});

test("a session with several speakers links each of them", async ({ page }) => {
  await page.goto(`/${conf}/sessions/linuxkit-deep-dive`);
  const speakers = page.locator("dd").nth(2).getByRole("link");
  await expect(speakers).toHaveText(["Rolf Neugebauer", "Justin Cormack"]);
  await expect(speakers.first()).toHaveAttribute("href", `/${conf}/speakers/rolf-neugebauer`);
  await expect(page.locator("dt").nth(2)).toHaveText("Speakers");
});

test("attendee notes are rendered from Markdown, not shown as source", async ({ page }) => {
  await page.goto(`/${conf}/sessions/taking-docker-to-production-what-you-need-to-know-and-decide`);
  const notes = page.getByRole("region", { name: /Attendee notes/ });
  await expect(notes.getByRole("heading", { name: "First focus: Dockerfile and Dockerfile anti patterns" })).toBeVisible();
  await expect(notes.getByRole("listitem").filter({ hasText: /^Never use latest !/ })).toBeVisible();
  await expect(notes).not.toContainText("### ");
  await expect(notes).not.toContainText("- trapping data");
});

test("the speakers index lists everyone A to Z", async ({ page }) => {
  await page.goto(`/${conf}/speakers`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Speakers");
  await expect(page.getByText("24 people on the program, A to Z.")).toBeVisible();
  const links = page.getByRole("main").getByRole("list").first().getByRole("link");
  await expect(links).toHaveCount(speakerNamesAToZ.length);
  await expect(links).toContainText(speakerNamesAToZ);
  await expect(links.filter({ hasText: "Solomon Hykes" })).toContainText("Docker · 1 session");
});

test("a speaker's page lists their sessions", async ({ page }) => {
  await page.goto(`/${conf}/speakers`);
  await page.getByRole("link", { name: /Solomon Hykes/ }).click();
  await expect(page).toHaveURL(`/${conf}/speakers/solomon-hykes`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Solomon Hykes");
  await expect(page.getByText("CTO and founder of Docker.")).toBeVisible();

  const list = page.getByRole("region", { name: "Session" });
  await expect(list.getByRole("article")).toHaveCount(1);
  await expect(list.locator("time")).toHaveText("Tue 17 Oct, 09:00–11:00 CEST");
  await list.getByRole("link", { name: "General Session Day 1" }).click();
  await expect(page).toHaveURL(`/${conf}/sessions/general-session-day-1`);
});
