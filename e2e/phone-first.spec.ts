import { expect, test, type Page } from "@playwright/test";
import { createAccount, sameOrigin, signUp } from "./support/auth";
import { apiUrl, conf, scheduleUrl } from "./support/demo";

// A new attendee on a 375 px phone (issue 13, section 5).
test.use({ viewport: { width: 375, height: 812 }, isMobile: true, hasTouch: true });

const during = "2017-10-17T14:10:00+02:00";
const dayTabs = (page: Page) => page.getByRole("navigation", { name: "Days" });
const trackChips = (page: Page) => page.getByRole("navigation", { name: "Tracks" });

test("the schedule's first screen shows sessions, and the day tabs stay on top as it scrolls", async ({ page }) => {
  await page.goto(scheduleUrl);
  const first = page.getByRole("article").first();
  // Its top and some of its title, not just a sliver.
  expect((await first.boundingBox())!.y).toBeLessThan(812 - 80);
  await page.evaluate(() => window.scrollBy(0, 2500));
  await expect.poll(async () => (await dayTabs(page).boundingBox())!.y).toBeLessThan(1);
  await expect(dayTabs(page)).toBeInViewport();
});

test("the chosen day's tab is scrolled into view", async ({ page }) => {
  await page.goto(`${scheduleUrl}?day=2017-10-19`);
  const chosen = dayTabs(page).locator('[aria-current="page"]');
  await expect(chosen).toContainText("Thu 19 Oct");
  await expect(chosen).toBeInViewport({ ratio: 1 });
});

test("an empty day and an empty track say so, and a day offers only its own tracks", async ({ page }) => {
  await page.goto(`${scheduleUrl}?day=2017-10-19`);
  await expect(page.getByText(/^Nothing is scheduled on Thursday,? 19 October 2017$/)).toBeVisible();
  await expect(page.getByRole("link", { name: "Tue 17 Oct", exact: true })).toHaveAttribute("href", `${scheduleUrl}?day=2017-10-17`);
  await expect(trackChips(page)).toHaveCount(0);

  await page.goto(`${scheduleUrl}?day=2017-10-16&track=edge`);
  await expect(page.getByText(/^No Edge sessions on Monday,? 16 October 2017$/)).toBeVisible();
  await expect(page.getByRole("link", { name: "Edge on every day" })).toHaveAttribute("href", `${scheduleUrl}?track=edge`);
  // The chosen track stays offered, so it can be cleared.
  await expect(trackChips(page).getByRole("link")).toHaveText(["All tracks", "Workshops", "Edge"]);

  await page.goto(`${scheduleUrl}?day=2017-10-17`);
  await expect(trackChips(page).getByRole("link")).toHaveText(["All tracks", "General Session", "Black Belt", "Transform", "Community Theater"]);
});

test("/now shows only the rooms with something on or next, with how long until", async ({ page }) => {
  await page.goto(`/${conf}/now?at=${encodeURIComponent(during)}`);
  const rooms = page.getByRole("main").getByRole("heading", { level: 2 });
  // The workshop room was used on the 16th only; the Main Hall has its next session the day after.
  await expect(page.getByRole("heading", { name: "Workshop Room C1" })).toHaveCount(0);
  await expect(rooms.first()).toHaveText("Main Hall");
  const linuxkit = page.getByRole("region", { name: "Auditorium 11", exact: true });
  await expect(linuxkit.getByText("Ends in 30 min")).toBeVisible();
  await expect(page.getByText(/other rooms? ha(s|ve) nothing on now or later/)).toBeVisible();

  await page.goto(`/${conf}/now?at=${encodeURIComponent("2017-10-18T16:00:00+02:00")}`);
  await expect(page.getByRole("region", { name: "Auditorium 10", exact: true }).getByText("Starts in 10 min")).toBeVisible();
});

test("the schedule marks what is happening at ?at= and jumps to it", async ({ page }) => {
  await page.goto(`${scheduleUrl}?at=${encodeURIComponent(during)}`);
  await expect(page.getByRole("status").filter({ hasText: "Happening now: 2 sessions" })).toBeVisible();
  const linuxkit = page.getByRole("article").filter({ has: page.getByRole("link", { name: "LinuxKit Deep Dive", exact: true }) });
  await expect(linuxkit).toHaveAttribute("data-now", "");
  await expect(page.locator("article[data-now]")).toHaveCount(2);
  await expect(linuxkit).not.toBeInViewport();
  await page.getByRole("button", { name: "Jump to now" }).click();
  await expect(linuxkit).toBeInViewport();

  // Long after the conference: no mark, no jump.
  await page.goto(scheduleUrl);
  await expect(page.getByRole("article").first()).toBeVisible();
  await expect(page.getByRole("button", { name: "Jump to now" })).toHaveCount(0);
  await expect(page.locator("article[data-now]")).toHaveCount(0);
});

test("my agenda's cards carry the star, and next up honours ?at=", async ({ page, context }) => {
  await signUp(context);
  for (const slug of ["linuxkit-deep-dive", "taking-docker-to-production-what-you-need-to-know-and-decide"]) {
    expect((await context.request.put(`${apiUrl}/me/stars/${slug}`, { headers: sameOrigin() })).status()).toBe(204);
  }
  await page.goto(`/${conf}/me/agenda?at=${encodeURIComponent(during)}`);
  const nextUp = page.getByRole("region", { name: /^Next up/ });
  await expect(nextUp.locator("dd").first()).toContainText("LinuxKit Deep Dive");
  await expect(nextUp.locator("dd").nth(1)).toContainText("Taking Docker to Production");

  const card = page.locator("li#linuxkit-deep-dive");
  await expect(card.getByRole("button", { name: "Remove from my agenda" })).toHaveAttribute("aria-pressed", "true");
  await expect(card.getByText("Remove from my agenda")).toHaveCount(0);
  // The title has the card's width, not a narrow column beside a wide button.
  const title = (await card.getByRole("heading", { level: 3 }).boundingBox())!;
  expect(title.width).toBeGreaterThan(250);

  await page.goto(`/${conf}/me/agenda`);
  await expect(page.getByText("DockerCon EU 2017 is over.")).toBeVisible();
});

test("a star clicked while signed out says why sign-in is asked, and is set after signing in", async ({ page }) => {
  const user = await createAccount({ label: "star-intent" });
  const slug = "my-journey-to-go";
  await page.goto(`${scheduleUrl}?day=2017-10-18`);
  const star = page.locator(`button[title$=": My Journey to Go"]`);
  await expect(star).toHaveAttribute("aria-pressed", "false");
  await star.click();
  await expect(page).toHaveURL(`/sign-in?${new URLSearchParams({ next: `${scheduleUrl}?day=2017-10-18`, star: slug })}`);
  await expect(page.getByRole("status")).toContainText("Sign in to add My Journey to Go to your agenda");
  await page.getByLabel("Email", { exact: true }).fill(user.email);
  await page.getByLabel("Password", { exact: true }).fill(user.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(new RegExp(`/${conf}/me/agenda\\?changed=${slug}&back=`));
  await expect(page.getByRole("status").filter({ hasText: "Added My Journey to Go to your agenda." })).toBeVisible();
  expect((await (await page.request.get(`${apiUrl}/me/stars`)).json()).sessions).toEqual([slug]);
  await page.getByRole("link", { name: "← Back to where you were" }).click();
  await expect(page).toHaveURL(`${scheduleUrl}?day=2017-10-18`);
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });
  test("the star form sends a signed-out person to sign-in with the star, and sign-up sets it", async ({ page }) => {
    await page.goto(`/${conf}/sessions/linuxkit-deep-dive`);
    // The session's own star, above the cards of what runs beside it.
    await page.getByRole("button", { name: "Add to or remove from my agenda" }).first().click();
    await expect(page).toHaveURL(`/sign-in?${new URLSearchParams({ next: `/${conf}/sessions/linuxkit-deep-dive`, star: "linuxkit-deep-dive" })}`);
    await expect(page.getByRole("status")).toContainText("Sign in to add LinuxKit Deep Dive to your agenda");
    await page.getByRole("link", { name: "Create an account" }).click();
    await expect(page.getByRole("status")).toContainText("Create an account to add LinuxKit Deep Dive to your agenda");
  });
});

test("a star intent for an unknown session is ignored, and one from another site writes nothing", async ({ page, request }) => {
  await page.goto(`/sign-in?${new URLSearchParams({ next: `/${conf}/schedule`, star: "no-such-session" })}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Sign in");
  await expect(page.getByText(/to your agenda/)).toHaveCount(0);
  // The no-JavaScript star route still refuses a post from another origin.
  const forged = await request.post(`/${conf}/me/agenda/star`, { form: { slug: "linuxkit-deep-dive" }, headers: { Origin: "http://evil.example" }, maxRedirects: 0 });
  expect(forged.status()).toBe(403);
});

test("a 404 inside a conference keeps its header and navigation", async ({ page }) => {
  const response = await page.goto(`/${conf}/sessions/no-such-session`);
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Not found");
  await expect(page.getByRole("navigation", { name: "DockerCon EU 2017" }).getByRole("link", { name: "Schedule" })).toBeVisible();
  await expect(page.getByRole("link", { name: "See the schedule" })).toHaveAttribute("href", scheduleUrl);
});

test("pages load without a 404: a favicon, and a web manifest with its icons", async ({ page, request }) => {
  const failed: string[] = [];
  // Signed out, the stars and time-zone requests answer 401 by design; nothing may be missing.
  page.on("response", (response) => void (response.status() === 404 && failed.push(response.url())));
  await page.goto(scheduleUrl);
  // The stars' and the header's requests after hydration too.
  await page.waitForLoadState("load");
  await page.waitForTimeout(1500);
  expect(failed).toEqual([]);

  // The drawn icon, and the favicon.ico that browsers ask for whatever the page links.
  const icons = await page.locator('link[rel="icon"]').evaluateAll((links) => links.map((link) => link.getAttribute("href")!));
  const types = [];
  for (const icon of [...icons, "/favicon.ico"]) {
    const iconResponse = await request.get(icon);
    expect(iconResponse.status(), icon).toBe(200);
    types.push(iconResponse.headers()["content-type"]);
  }
  expect(types.some((type) => type?.includes("image/svg+xml")), types.join()).toBe(true);
  expect(types.at(-1)).toMatch(/image\/(x-icon|vnd\.microsoft\.icon)/);

  const manifestHref = await page.locator('link[rel="manifest"]').getAttribute("href");
  const manifest = await request.get(manifestHref!);
  expect(manifest.status()).toBe(200);
  const body = (await manifest.json()) as { name: string; short_name: string; display: string; icons: { src: string; sizes: string; type: string }[] };
  expect(body.short_name).toBe("Hallway");
  expect(body.display).toBe("standalone");
  expect(body.icons.map((i) => i.sizes)).toEqual(expect.arrayContaining(["192x192", "512x512"]));
  for (const entry of body.icons) {
    const file = await request.get(entry.src);
    expect(file.status(), entry.src).toBe(200);
    expect(file.headers()["content-type"]).toBe(entry.type);
  }
  // Light and dark theme colours for the browser's own bar.
  await expect(page.locator('meta[name="theme-color"][media="(prefers-color-scheme: dark)"]')).toHaveCount(1);
  await expect(page.locator('meta[name="theme-color"][media="(prefers-color-scheme: light)"]')).toHaveCount(1);
});
