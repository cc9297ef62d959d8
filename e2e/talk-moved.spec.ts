import { expect, request, test, type APIRequestContext, type BrowserContext } from "@playwright/test";
import { parseCalendar } from "../lib/test/ical";
import { baseURL, createAccount, evilOrigin, sameOrigin, signUp, type TestUser } from "./support/auth";
import { badgeGuid, deleteConferences, insertApiToken, openingGuid, quirkyText, quirkyWith, runScript } from "./support/live-program";

/** "Your talk moved": a starred session moved by an import is flagged on my agenda and in a banner, until I mark it seen. */

const conf = "quirk-moved";
const programUrl = `/api/conferences/${conf}/program`;
const movedApi = `/api/conferences/${conf}/me/moved`;
const calendarApi = `/api/conferences/${conf}/me/calendar`;
let token: string;

async function slugOf(api: APIRequestContext, title: string) {
  const { sessions } = (await (await api.get(`/api/conferences/${conf}/sessions`)).json()) as { sessions: { slug: string; title: string }[] };
  return sessions.find((s) => s.title === title)!.slug;
}

async function star(context: BrowserContext, slug: string) {
  expect((await context.request.put(`/api/conferences/${conf}/me/stars/${slug}`, { headers: sameOrigin() })).status()).toBe(204);
}

async function feedEvents(url: string) {
  const api = await request.newContext();
  const response = await api.get(url);
  expect(response.status()).toBe(200);
  expect(response.headers()["cache-control"]).toBe("private, no-store");
  const { events } = parseCalendar(await response.text());
  await api.dispose();
  return events;
}

test.describe.serial("your talk moved", () => {
  test.beforeAll(async () => {
    test.setTimeout(120_000);
    const organiser: TestUser = await createAccount({ label: "organiser" });
    const made = await runScript("db.ts", ["organiser", "add", organiser.email]);
    expect(made, made.stderr).toMatchObject({ code: 0 });
    token = insertApiToken(organiser.email).token;
    const api = await request.newContext({ baseURL: baseURL() });
    expect((await api.put(programUrl, { data: quirkyText, headers: { Authorization: `Bearer ${token}` } })).status()).toBe(200);
    await api.dispose();
  });

  test.afterAll(() => deleteConferences([conf]));

  test("a moved starred session is flagged on my agenda and in a banner, with the clash it made, until seen; the feed has the new time and its reminder; nobody else sees my flags", async ({ page, context, browser, request: anonymous }) => {
    test.setTimeout(120_000);
    await signUp(context, { label: "mover" });
    const opening = await slugOf(anonymous, "Opening & Welcome");
    const badge = await slugOf(anonymous, "Solder Your Badge");
    const lightning = await slugOf(anonymous, "Lightning Talks");
    await star(context, opening);
    await star(context, badge);
    const feed = await context.request.post(calendarApi, { headers: sameOrigin() });
    expect(feed.status()).toBe(200);
    const { url: feedUrl } = (await feed.json()) as { url: string };

    const other = await browser.newContext();
    await signUp(other, { label: "bystander" });
    await star(other, lightning);
    await star(other, badge);

    // Nothing moved yet: no banner, no flag.
    expect(await (await context.request.get(movedApi)).json()).toEqual({ sessions: [], upTo: null });
    await page.goto(`/${conf}/me/agenda`);
    await expect(page.getByRole("region", { name: /of your sessions changed/ })).toHaveCount(0);

    // The organiser moves the opening from 10:00 to 15:00, onto the badge workshop (14:00–16:00).
    const moved = await anonymous.put(programUrl, { data: quirkyWith([{ guid: openingGuid, start: "15:00" }]), headers: { Authorization: `Bearer ${token}` } });
    expect(moved.status()).toBe(200);

    const banner = page.getByRole("status").filter({ hasText: "of your sessions moved" });
    const asked = page.waitForResponse((r) => r.url().endsWith(movedApi) && r.status() === 200);
    await page.goto(`/${conf}/schedule`);
    const answer = await asked;
    expect(answer.headers()["cache-control"]).toContain("private, no-store");
    await expect(banner).toHaveText(/1 of your sessions moved — see my agenda/);
    await banner.getByRole("link", { name: "see my agenda" }).click();

    await expect(page).toHaveURL(new RegExp(`/${conf}/me/agenda#moved$`));
    const notice = page.getByRole("region", { name: "1 of your sessions changed since you last looked" });
    await expect(notice).toContainText("Opening & Welcome: Moved from Wed 10:00 to Wed 15:00");
    const item = page.locator(`li[id="${opening}"]`);
    await expect(item).toContainText("Changed");
    await expect(item).toContainText("Moved from Wed 10:00 to Wed 15:00");
    await expect(item).toContainText("Overlaps with Solder Your Badge (new since the move)");
    await expect(page.locator(`li[id="${badge}"]`)).toContainText("Overlaps with Opening & Welcome (new since the move)");
    await expect(page.locator(`li[id="${badge}"]`)).not.toContainText("Changed");

    // The feed carries the new time (15:00 in Berlin is 13:00 UTC) and a reminder 10 minutes before, by default.
    let event = (await feedEvents(feedUrl)).find((e) => e.summary === "Opening & Welcome")!;
    expect(event.start).toBe("2019-08-21T13:00:00.000Z");
    expect((event.vevent.getFirstSubcomponent("valarm")!.getFirstPropertyValue("trigger") as { toSeconds(): number }).toSeconds()).toBe(-600);

    // Chosen on the agenda page: 5 minutes, then none.
    await page.getByLabel("Reminder in your calendar").selectOption("5");
    await page.getByRole("button", { name: "Save reminder" }).click();
    await expect(page.getByLabel("Reminder in your calendar")).toHaveValue("5");
    event = (await feedEvents(feedUrl)).find((e) => e.summary === "Opening & Welcome")!;
    expect((event.vevent.getFirstSubcomponent("valarm")!.getFirstPropertyValue("trigger") as { toSeconds(): number }).toSeconds()).toBe(-300);
    const none = await context.request.patch(calendarApi, { data: { reminderMinutes: 0 }, headers: sameOrigin() });
    expect(none.status()).toBe(200);
    expect(none.headers()["cache-control"]).toBe("private, no-store");
    expect((await feedEvents(feedUrl)).every((e) => e.vevent.getAllSubcomponents("valarm").length === 0)).toBe(true);
    const bad = await context.request.patch(calendarApi, { data: { reminderMinutes: 7 }, headers: sameOrigin() });
    expect(bad.status()).toBe(400);
    expect((await bad.json()).error).toMatch(/reminder must be one of 0, 5, 10, 15, 30 minutes/);
    expect((await context.request.patch(calendarApi, { data: { reminderMinutes: 15 }, headers: { Origin: evilOrigin } })).status()).toBe(403);

    // Someone else starred the badge workshop too, and sees no flag of mine.
    expect(await (await other.request.get(movedApi)).json()).toEqual({ sessions: [], upTo: null });
    const otherPage = await other.newPage();
    await otherPage.goto(`/${conf}/me/agenda`);
    await expect(otherPage.locator(`li[id="${badge}"]`)).toBeVisible();
    await expect(otherPage.getByRole("region", { name: /of your sessions changed/ })).toHaveCount(0);
    await expect(otherPage.locator(`li[id="${badge}"]`)).not.toContainText("new since the move");
    // Their "Mark as seen" leaves mine; a cross-origin or signed-out one is refused.
    expect((await other.request.post(movedApi, { headers: sameOrigin() })).status()).toBe(204);
    expect((await context.request.post(movedApi, { headers: { Origin: evilOrigin } })).status()).toBe(403);
    expect((await anonymous.post(movedApi, { headers: sameOrigin() })).status()).toBe(401);
    expect((await anonymous.get(movedApi)).status()).toBe(401);
    const garbled = await context.request.post(movedApi, { headers: sameOrigin(), data: { upTo: "yesterday" } });
    expect(garbled.status()).toBe(400);
    expect((await garbled.json()).error).toMatch(/upTo must be a date and time/);
    expect((await (await context.request.get(movedApi)).json()).sessions).toEqual([{ slug: opening, title: "Opening & Welcome" }]);
    await other.close();

    // Mark as seen (a plain form post): the flags and the banner are gone.
    await page.getByRole("button", { name: "Mark as seen" }).click();
    await expect(page).toHaveURL(new RegExp(`/${conf}/me/agenda\\?seen=1$`));
    await expect(page.getByRole("status").filter({ hasText: "Marked as seen." })).toBeVisible();
    await expect(page.getByRole("region", { name: /of your sessions changed/ })).toHaveCount(0);
    await expect(item).not.toContainText("Changed");
    await expect(item).not.toContainText("new since the move");
    await expect(item).toContainText("Overlaps with Solder Your Badge");
    const askedAgain = page.waitForResponse((r) => r.url().endsWith(movedApi) && r.status() === 200);
    await page.goto(`/${conf}/schedule`);
    await askedAgain;
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await expect(banner).toHaveCount(0);

    // A later move flags it again.
    const again = await anonymous.put(programUrl, { data: quirkyWith([{ guid: openingGuid, start: "15:00", room: "Workshop Tent" }, { guid: badgeGuid, start: "14:00" }]), headers: { Authorization: `Bearer ${token}` } });
    expect(again.status()).toBe(200);
    await page.reload();
    await expect(banner).toHaveText(/1 of your sessions moved/);
  });
});
