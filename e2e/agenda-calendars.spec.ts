import { XMLParser } from "fast-xml-parser";
import { expect, request, test, type APIRequestContext, type Page } from "@playwright/test";
import { baseURL, evilOrigin, sameOrigin, signUp } from "./support/auth";
import { parseCalendar } from "../lib/test/ical";
import { apiUrl, conf, days, scheduleUrl, sessions } from "./support/demo";

type ApiSession = { slug: string; title: string; startsAt: string; endsAt: string; room: unknown };

const parallel = ["linuxkit-deep-dive", "containerizing-hardware-accelerated-applications"] as const;
const titleOf = (slug: string) => sessions.find((s) => s.slug === slug)!.title;
const starUrl = (slug: string) => `${apiUrl}/me/stars/${slug}`;
const calendarUrl = `${apiUrl}/me/calendar`;

const events = (text: string) => parseCalendar(text).events;

async function apiSessions(api: APIRequestContext): Promise<ApiSession[]> {
  const response = await api.get(`${apiUrl}/sessions`);
  expect(response.status()).toBe(200);
  return ((await response.json()) as { sessions: ApiSession[] }).sessions;
}

/** The path of an absolute URL the server handed out (its origin may be the configured public one). */
const pathOf = (url: string) => new URL(url).pathname;

test("the schedule's iCalendar feed matches the API, with stable UIDs and folded lines", async ({ request: api }) => {
  const first = await api.get(`/${conf}/schedule.ics`);
  expect(first.status()).toBe(200);
  expect(first.headers()["content-type"]).toContain("text/calendar");
  const text = await first.text();
  const second = await (await api.get(`/${conf}/schedule.ics`)).text();

  // CRLF everywhere, and no content line over 75 octets.
  expect(text.endsWith("\r\n")).toBe(true);
  expect(text.replace(/\r\n/g, "")).not.toMatch(/[\r\n]/);
  for (const line of text.split("\r\n")) expect(Buffer.byteLength(line, "utf8"), line).toBeLessThanOrEqual(75);

  const feed = events(text);
  const again = events(second);
  const program = await apiSessions(api);
  expect(feed).toHaveLength(program.length);
  expect(again.map((e) => e.uid)).toEqual(feed.map((e) => e.uid));
  expect(new Set(feed.map((e) => e.uid)).size).toBe(feed.length);
  for (const session of program) {
    const event = feed.find((e) => e.url.endsWith(`/sessions/${session.slug}`));
    expect(event, session.slug).toBeTruthy();
    expect(event!.summary).toBe(session.title);
    expect(event!.start).toBe(new Date(session.startsAt).toISOString());
    expect(event!.end).toBe(new Date(session.endsAt).toISOString());
  }
});

test("one session's .ics holds that session alone, an unknown slug is 404, and the session page links to it", async ({ page, request: api }) => {
  const slug = "linuxkit-deep-dive";
  const response = await api.get(`/${conf}/sessions/${slug}.ics`);
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toContain("text/calendar");
  const feed = events(await response.text());
  expect(feed).toHaveLength(1);
  expect(feed[0]!.summary).toBe("LinuxKit Deep Dive");
  expect(feed[0]!.start).toBe("2017-10-17T12:00:00.000Z");
  expect(feed[0]!.end).toBe("2017-10-17T12:40:00.000Z");

  expect((await api.get(`/${conf}/sessions/no-such-session-here.ics`)).status()).toBe(404);

  await page.goto(`/${conf}/sessions/${slug}`);
  await expect(page.getByRole("link", { name: /Add to calendar/ })).toHaveAttribute("href", `/${conf}/sessions/${slug}.ics`);
});

test("the schedule exports as frab JSON", async ({ request: api }) => {
  const json = await api.get(`/${conf}/schedule.json`);
  expect(json.status()).toBe(200);
  const { schedule } = (await json.json()) as {
    schedule: { conference: { days: { date: string; rooms: Record<string, Record<string, unknown>[]> }[] } };
  };
  const all = schedule.conference.days.flatMap((day) => Object.values(day.rooms).flat());
  expect(all).toHaveLength(sessions.length);
  for (const event of all) {
    for (const key of ["guid", "date", "start", "duration", "room", "slug", "title", "track", "type", "persons"]) expect(event, key).toHaveProperty(key);
  }
  const linuxkit = all.find((e) => e.title === "LinuxKit Deep Dive")!;
  expect(linuxkit).toMatchObject({ start: "14:00", duration: "00:40" });
  expect(Array.isArray(linuxkit.persons)).toBe(true);
});

test("the schedule exports as Pentabarf XML", async ({ request: api }) => {
  const xml = await api.get(`/${conf}/schedule.xml`);
  expect(xml.status()).toBe(200);
  expect(xml.headers()["content-type"]).toContain("xml");
  const body = await xml.text();
  expect(body.replace(/^<\?xml[^>]*\?>\s*/, "")).toMatch(/^<schedule[\s>]/);
  const parsed = new XMLParser({ ignoreAttributes: false, isArray: (name) => ["day", "room", "event"].includes(name) }).parse(body) as {
    schedule: { conference: unknown; day: { room: { event: { title: string }[] }[] }[] };
  };
  expect(parsed.schedule.conference).toBeTruthy();
  expect(parsed.schedule.day.length).toBeGreaterThan(0);
  const titles = parsed.schedule.day.flatMap((d) => (d.room ?? []).flatMap((r) => (r.event ?? []).map((e) => e.title)));
  expect(titles.sort()).toEqual(sessions.map((s) => s.title).sort());
});

test("starring two parallel sessions flags the clash on my agenda until one is unstarred", async ({ page, context }) => {
  await signUp(context);
  for (const slug of parallel) expect((await context.request.put(starUrl(slug), { headers: sameOrigin() })).status()).toBe(204);
  expect((await (await context.request.get(`${apiUrl}/me/stars`)).json()).sessions.sort()).toEqual([...parallel].sort());

  await page.goto(`/${conf}/me/agenda`);
  for (const slug of parallel) {
    const item = page.locator(`li#${slug}`);
    await expect(item.getByRole("link", { name: titleOf(slug), exact: true })).toBeVisible();
    const other = parallel.find((s) => s !== slug)!;
    await expect(item.getByText(/Overlaps with/)).toContainText(titleOf(other));
  }

  expect((await context.request.delete(starUrl(parallel[1]), { headers: sameOrigin() })).status()).toBe(204);
  await page.reload();
  await expect(page.locator(`li#${parallel[0]}`)).toBeVisible();
  await expect(page.locator(`li#${parallel[1]}`)).toHaveCount(0);
  await expect(page.getByText(/Overlaps with/)).toHaveCount(0);
});

test("a star clicked on the schedule shows on my agenda", async ({ page, context }) => {
  await signUp(context);
  const title = "General Session Day 2";
  await page.goto(scheduleUrl);
  const star = page.locator(`button[title$=": ${title}"]`);
  await expect(star).toHaveAttribute("aria-pressed", "false");
  await star.click();
  await expect(star).toHaveAttribute("aria-pressed", "true");
  await expect.poll(async () => (await (await context.request.get(`${apiUrl}/me/stars`)).json()).sessions).toEqual(["general-session-day-2"]);
  await page.goto(`/${conf}/me/agenda`);
  await expect(page.locator("li#general-session-day-2").getByRole("link", { name: title, exact: true })).toBeVisible();
});

test("my private agenda feed: starred sessions only, cookieless, renewable, revocable, mine alone", async ({ browser, context }) => {
  await signUp(context);
  for (const slug of parallel) expect((await context.request.put(starUrl(slug), { headers: sameOrigin() })).status()).toBe(204);

  const made = await context.request.post(calendarUrl, { data: {}, headers: sameOrigin() });
  expect(made.status(), await made.text()).toBe(200);
  const firstUrl = pathOf(((await made.json()) as { url: string }).url);
  expect(firstUrl).toMatch(new RegExp(`^/${conf}/agenda/[A-Za-z0-9_-]+\\.ics$`));

  // A calendar app has no cookie.
  const anonymous = await request.newContext({ baseURL: baseURL() });
  try {
    const feed = await anonymous.get(firstUrl);
    expect(feed.status()).toBe(200);
    expect(feed.headers()["content-type"]).toContain("text/calendar");
    expect(events(await feed.text()).map((e) => e.summary).sort()).toEqual(parallel.map(titleOf).sort());

    // Renewed: the old secret stops working.
    const renewed = await context.request.post(calendarUrl, { data: {}, headers: sameOrigin() });
    expect(renewed.status()).toBe(200);
    const secondUrl = pathOf(((await renewed.json()) as { url: string }).url);
    expect(secondUrl).not.toBe(firstUrl);
    expect((await anonymous.get(firstUrl)).status()).toBe(404);
    expect((await anonymous.get(secondUrl)).status()).toBe(200);

    // Someone else revoking revokes only their own.
    const otherContext = await browser.newContext();
    try {
      await signUp(otherContext, { label: "other" });
      expect((await otherContext.request.delete(calendarUrl, { headers: sameOrigin() })).status()).toBe(204);
      expect((await anonymous.get(secondUrl)).status()).toBe(200);
    } finally {
      await otherContext.close();
    }

    // Cross-origin and signed-out writes are refused.
    expect((await context.request.post(calendarUrl, { data: {}, headers: { Origin: evilOrigin } })).status()).toBe(403);
    expect((await context.request.delete(calendarUrl, { headers: { Origin: evilOrigin } })).status()).toBe(403);
    expect((await anonymous.get(secondUrl)).status()).toBe(200);
    expect((await anonymous.post(calendarUrl, { data: {}, headers: sameOrigin() })).status()).toBe(401);

    expect((await context.request.delete(calendarUrl, { headers: sameOrigin() })).status()).toBe(204);
    expect((await anonymous.get(secondUrl)).status()).toBe(404);
  } finally {
    await anonymous.dispose();
  }
});

test("now: LinuxKit Deep Dive is on at 14:10 CEST, ?at is validated, and Z equals +02:00", async ({ page, request: api }) => {
  const atOffset = await api.get(`${apiUrl}/now?at=${encodeURIComponent("2017-10-17T14:10:00+02:00")}`);
  expect(atOffset.status()).toBe(200);
  const byOffset = (await atOffset.json()) as { at: string; rooms: { room: { name: string }; now: { slug: string } | null }[] };
  const atZ = await api.get(`${apiUrl}/now?at=2017-10-17T12:10:00Z`);
  expect(atZ.status()).toBe(200);
  expect(await atZ.json()).toEqual(byOffset);
  expect(byOffset.at).toBe("2017-10-17T12:10:00.000Z");
  const room = byOffset.rooms.find((r) => r.now?.slug === "linuxkit-deep-dive")!.room.name;

  const bad = await api.get(`${apiUrl}/now?at=bad`);
  expect(bad.status()).toBe(400);
  expect(bad.headers()["content-type"]).toContain("application/json");
  expect(typeof ((await bad.json()) as { error: unknown }).error).toBe("string");

  await page.goto(`/${conf}/now?at=2017-10-17T14:10:00%2B02:00`);
  const section = page.getByRole("region", { name: room, exact: true });
  const onNow = section.getByRole("heading", { name: "Now", exact: true }).locator("xpath=following-sibling::div[1]");
  await expect(onNow.getByRole("link", { name: "LinuxKit Deep Dive", exact: true })).toBeVisible();
});

test.describe("in Tokyo", () => {
  test.use({ timezoneId: "Asia/Tokyo" });

  const cardTime = (page: Page, title: string) =>
    page.getByRole("article").filter({ has: page.getByRole("link", { name: title, exact: true }) }).locator("time").first();

  test("the schedule switches to my time zone and back, keeping the conference's days", async ({ page }) => {
    await page.goto(scheduleUrl);
    await page.getByRole("button", { name: "Show in my time zone (Asia/Tokyo)" }).click();
    await expect(page.getByText(/Times are shown in your time zone \(.*Asia\/Tokyo\)/)).toBeVisible();
    await expect(cardTime(page, "General Session Day 1")).toHaveText(/^16:00–18:00/);
    // 16:10 CEST is 23:10 in Tokyo, still the same date; the all-day workshop ends at midnight there.
    await expect(cardTime(page, "Taking Docker to Production: What You Need to Know and Decide")).toHaveText(/^23:10–23:50/);
    await expect(cardTime(page, "Introduction to Docker for Enterprise Operations")).toHaveText(/^16:00–00:00/);
    for (const day of days.slice(0, 3)) await expect(page.getByRole("region", { name: day.long })).toBeVisible();

    await page.getByRole("button", { name: /^Show Copenhagen time \(CEST\)/ }).click();
    await expect(page.getByText("Times are Copenhagen time (CEST, Europe/Copenhagen).")).toBeVisible();
    await expect(cardTime(page, "General Session Day 1")).toHaveText("09:00–11:00 CEST");
  });
});
