import { expect, test } from "@playwright/test";
import { seriousViolations } from "./support/axe";
import { conf, scheduleUrl } from "./support/demo";

test.describe("on a 375 px phone", () => {
  test.use({ viewport: { width: 375, height: 812 }, isMobile: true, hasTouch: true });

  for (const [name, url] of [
    ["schedule", scheduleUrl],
    ["session", `/${conf}/sessions/taking-docker-to-production-what-you-need-to-know-and-decide`],
    ["speakers", `/${conf}/speakers`],
    ["search", `/${conf}/search?q=docker`],
  ] as const) {
    test(`the ${name} page does not scroll sideways`, async ({ page }) => {
      await page.goto(url);
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      expect(width).toBeLessThanOrEqual(375);
    });
  }
});

test.describe("keyboard", () => {
  const focused = (page: import("@playwright/test").Page) =>
    page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      if (!el) return null;
      const style = getComputedStyle(el);
      const box = el.getBoundingClientRect();
      // What a screen reader would say: decoration marked aria-hidden (the "H" logo) left out.
      const copy = el.cloneNode(true) as HTMLElement;
      copy.querySelectorAll("[aria-hidden]").forEach((hidden) => hidden.remove());
      return {
        text: copy.textContent?.trim() ?? "",
        inNav: !!el.closest("nav"),
        inMain: !!el.closest("main"),
        outline: style.outlineStyle,
        outlineWidth: parseFloat(style.outlineWidth),
        visible: box.width > 1 && box.height > 1,
      };
    });

  test("Tab reaches the skip link first, then the navigation, with focus always visible", async ({ page }) => {
    await page.goto(scheduleUrl);
    await page.keyboard.press("Tab");
    const skip = await focused(page);
    expect(skip?.text).toBe("Skip to content");
    expect(skip?.visible).toBe(true);
    expect(skip?.outline).not.toBe("none");
    expect(skip?.outlineWidth).toBeGreaterThan(0);

    const seen: string[] = [];
    for (let i = 0; i < 10; i++) {
      await page.keyboard.press("Tab");
      const now = await focused(page);
      expect(now?.outline, `focus on "${now?.text}"`).not.toBe("none");
      seen.push(now?.text ?? "");
      if (now?.text === "Schedule" && now.inNav) break;
    }
    // Home first, then (after the account link) the conference's name, then its sections.
    expect(seen[0]).toBe("Hallway");
    expect(seen).toContain("DockerCon EU 2017");
    expect(seen.at(-1)).toBe("Schedule");
    expect(seen.indexOf("DockerCon EU 2017")).toBeLessThan(seen.length - 1);
  });

  test("the skip link moves the keyboard past the header", async ({ page }) => {
    await page.goto(scheduleUrl);
    await page.keyboard.press("Tab");
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(`${scheduleUrl}#main`);
    await page.keyboard.press("Tab");
    // The first control of the page itself, past the site and conference headers.
    expect((await focused(page))?.inMain).toBe(true);
  });

  test("a session card shows where keyboard focus is", async ({ page }) => {
    await page.goto(`${scheduleUrl}?day=2017-10-16`);
    await page.getByRole("link", { name: "Introduction to Docker for Enterprise Operations" }).focus();
    await page.keyboard.press("Shift+Tab");
    await page.keyboard.press("Tab");
    const state = await focused(page);
    expect(state?.text).toBe("Introduction to Docker for Enterprise Operations");
    expect(state?.outline).not.toBe("none");
  });
});

test("dark mode changes the page's colours", async ({ page }) => {
  const colours = () => page.evaluate(() => ({ background: getComputedStyle(document.body).backgroundColor, text: getComputedStyle(document.body).color }));
  await page.emulateMedia({ colorScheme: "light" });
  await page.goto(scheduleUrl);
  const light = await colours();
  await page.emulateMedia({ colorScheme: "dark" });
  const dark = await colours();
  expect(dark.background).not.toBe(light.background);
  expect(dark.text).not.toBe(light.text);
});

const axePages = [
  ["schedule", scheduleUrl],
  ["a day", `${scheduleUrl}?day=2017-10-17`],
  ["a track", `${scheduleUrl}?track=community-theater`],
  ["a session", `/${conf}/sessions/linuxkit-deep-dive`],
  ["speakers", `/${conf}/speakers`],
  ["a speaker", `/${conf}/speakers/solomon-hykes`],
  ["search results", `/${conf}/search?q=kube`],
  ["search, nothing found", `/${conf}/search?q=zzzzqqq`],
  ["the 404 page", `/${conf}/sessions/no-such-session`],
] as const;


for (const colorScheme of ["light", "dark"] as const) {
  test.describe(`axe, ${colorScheme}`, () => {
    test.use({ colorScheme });
    for (const [name, url] of axePages) {
      test(`${name} has no serious or critical WCAG A/AA violations`, async ({ page }) => {
        await page.goto(url);
        await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
        expect(await seriousViolations(page)).toEqual([]);
      });
    }
  });
}
