import { expect, test } from "@playwright/test";
import { apiUrl, conf, scheduleUrl } from "./support/demo";

const notFoundText = "There is no conference, session or speaker at this address.";

test.describe("unknown addresses are a 404 that says so", () => {
  for (const [what, url] of [
    ["conference", "/no-such-conference/schedule"],
    ["session", `/${conf}/sessions/no-such-session`],
    ["speaker", `/${conf}/speakers/no-such-speaker`],
  ] as const) {
    test(`unknown ${what}`, async ({ page }) => {
      const response = await page.goto(url);
      expect(response?.status()).toBe(404);
      await expect(page.getByRole("heading", { level: 1 })).toHaveText("Not found");
      await expect(page.getByText(notFoundText)).toBeVisible();
      await expect(page.getByRole("link", { name: "Go to the conferences" })).toHaveAttribute("href", "/");
    });
  }
});

test("a schedule address with a bad day, track or page is a 404 that says so", async ({ page }) => {
  for (const [what, query] of [
    ["malformed day", "day=2017-13-45"],
    ["day outside the conference", "day=2018-01-01"],
    ["unknown track", "track=nope"],
    ["known day, unknown track", "day=2017-10-17&track=nope"],
    ["page 0", "page=0"],
    ["non-numeric page", "page=abc"],
    ["page past the end", "page=2"],
  ] as const) {
    await test.step(what, async () => {
      const response = await page.goto(`${scheduleUrl}?${query}`);
      expect(response?.status()).toBe(404);
      await expect(page.getByRole("heading", { level: 1 })).toHaveText("No such day, track or page");
      await expect(page.getByRole("link", { name: "See the whole schedule" })).toBeVisible();
    });
  }
});

test("the 404's link back leads to the whole schedule (address the dynamic page rejects)", async ({ page }) => {
  await page.goto(`${scheduleUrl}?page=abc`);
  await page.getByRole("link", { name: "See the whole schedule" }).click();
  await expect(page).toHaveURL(scheduleUrl);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Schedule");
});

// The link is a full page load: a client navigation that changes only the query would keep the not-found boundary.
test("the 404's link back leads to the whole schedule (address the cached view rejects)", async ({ page }) => {
  await page.goto(`${scheduleUrl}?day=2018-01-01`);
  await page.getByRole("link", { name: "See the whole schedule" }).click();
  await expect(page).toHaveURL(scheduleUrl);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Schedule");
});

test("the API answers bad parameters with 400 and unknown things with 404, as JSON errors", async ({ request }) => {
  const cases = [
    [400, `${apiUrl}/sessions?day=2017-13-45`],
    [400, `${apiUrl}/sessions?day=yesterday`],
    [400, `${apiUrl}/sessions?day=2018-01-01`],
    [400, `${apiUrl}/sessions?track=nope`],
    [400, `${apiUrl}/sessions?track=Not_A_Slug`],
    [404, "/api/conferences/no-such-conference"],
    [404, "/api/conferences/no-such-conference/sessions"],
    [404, `${apiUrl}/sessions/no-such-session`],
    [404, "/api/conferences/no-such-conference/sessions/linuxkit-deep-dive"],
  ] as const;
  for (const [status, url] of cases) {
    const response = await request.get(url);
    expect(response.status(), url).toBe(status);
    expect(response.headers()["content-type"], url).toContain("application/json");
    const body = (await response.json()) as { error?: unknown };
    expect(typeof body.error, url).toBe("string");
    expect(String(body.error).length, url).toBeGreaterThan(0);
  }
});

test("a path with malformed percent-encoding is a 4xx, never a 500", async ({ request }) => {
  // "%ff%fe" decodes to no UTF-8 text, "%E0%A4%A" is cut short, and a lone "%" escapes nothing.
  for (const bad of ["%ff%fe", "%E0%A4%A", "%"]) {
    for (const url of [
      `/${conf}/sessions/${bad}`,
      `/${conf}/sessions/${bad}.ics`,
      `/${conf}/sessions/${bad}/note`,
      `/${conf}/speakers/${bad}`,
      `/${conf}/schedule/view/${bad}`,
      `/${conf}/search/results/${bad}`,
      `/${conf}/agenda/${bad}.ics`,
      `/${bad}/schedule`,
      `/${bad}`,
      `${apiUrl}/sessions/${bad}`,
      `${apiUrl}/sessions/${bad}/note`,
      `${apiUrl}/me/stars/${bad}`,
      `/api/conferences/${bad}`,
    ]) {
      await test.step(url, async () => {
        const response = await request.get(url, { maxRedirects: 0 });
        expect(response.status(), url).toBeGreaterThanOrEqual(400);
        expect(response.status(), url).toBeLessThan(500);
      });
    }
  }
});
