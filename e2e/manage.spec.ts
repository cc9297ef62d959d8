import { createServer, type Server } from "node:http";
import { expect, request, test } from "@playwright/test";
import { baseURL, sameOrigin, signUp } from "./support/auth";
import { seriousViolations } from "./support/axe";
import { conf } from "./support/demo";
import { deleteConferences, events, exportedProgram, makeOrganiser, movedAndCancelled, preview, runFollowOnce } from "./support/manage";

const imported: string[] = [];
test.afterAll(() => deleteConferences(imported));

test.describe("/manage", () => {
  test("signed out goes to sign-in and comes back; an attendee gets a 403 page", async ({ page, context }) => {
    await page.goto("/manage");
    await expect(page).toHaveURL(`/sign-in?next=${encodeURIComponent("/manage")}`);

    await signUp(context, { label: "attendee" });
    const response = await page.goto("/manage");
    expect(response?.status()).toBe(403);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Not for this account");
    await expect(page.getByRole("heading", { name: "API tokens" })).toHaveCount(0);
  });

  test("an organiser previews a change set, then applies it", async ({ page, context }) => {
    const organiser = await signUp(context, { label: "organiser" });
    await makeOrganiser(organiser.email);
    const slug = `manage-e2e-${Date.now()}`;
    imported.push(slug);
    const first = await exportedProgram(page, slug);

    await page.goto("/manage");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Manage");
    await preview(page, "first.json", first);
    await expect(page.getByText(/A new conference\./)).toBeVisible();
    await expect(page.getByRole("region", { name: `Added (${events(first).length})` })).toBeVisible();
    // Nothing is applied by a preview.
    expect((await page.request.get(`/api/conferences/${slug}`)).status()).toBe(404);
    await page.getByRole("button", { name: "Apply these changes" }).click();
    await expect(page.getByText(`Applied to ${slug}: ${events(first).length} added, 0 changed, 0 cancelled, 0 restored.`)).toBeVisible();
    expect((await page.request.get(`/api/conferences/${slug}`)).status()).toBe(200);
    const card = page.getByRole("article", { name: new RegExp(slug) });
    await expect(card.getByText(/from an upload or the API .*first\.json/)).toBeVisible();

    // Someone starred the talk that will be cancelled.
    const sessions = (await (await page.request.get(`/api/conferences/${slug}/sessions`)).json()) as { sessions: { slug: string; title: string }[] };
    const toCancel = sessions.sessions.find((s) => s.title === "My Journey to Go")!;
    expect((await page.request.put(`/api/conferences/${slug}/me/stars/${toCancel.slug}`, { headers: sameOrigin() })).status()).toBe(204);

    await preview(page, "second.json", movedAndCancelled(first));
    const moved = page.getByRole("region", { name: "Moved or changed (1)" });
    await expect(moved).toContainText("LinuxKit Deep Dive");
    await expect(moved).toContainText("Starts: Tue 17 Oct 14:00 → Tue 17 Oct 16:10");
    const cancelled = page.getByRole("region", { name: "Cancelled (1)" });
    await expect(cancelled).toContainText("My Journey to Go");
    await expect(cancelled).toContainText("1 person's notes or stars");
    expect(await seriousViolations(page)).toEqual([]);
    const unchanged = await (await page.request.get(`/api/conferences/${slug}/sessions?q=linuxkit`)).json();
    expect(JSON.stringify(unchanged)).toContain("T12:00:00");

    await page.getByRole("button", { name: "Apply these changes" }).click();
    await expect(page.getByText(`Applied to ${slug}: 0 added, 1 changed, 1 cancelled, 0 restored.`)).toBeVisible();
    await expect(page.getByRole("button", { name: "Apply these changes" })).toHaveCount(0);
    await expect.poll(async () => JSON.stringify(await (await page.request.get(`/api/conferences/${slug}/sessions?q=linuxkit`)).json())).toContain("T14:10:00");
    await expect(card.getByText(/second\.json/)).toBeVisible();
  });

  test("fits a 375 px screen without scrolling sideways", async ({ page, context }) => {
    await page.setViewportSize({ width: 375, height: 812 });
    const organiser = await signUp(context, { label: "organiser" });
    await makeOrganiser(organiser.email);
    await page.goto("/manage");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Manage");
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    expect(await seriousViolations(page)).toEqual([]);
  });

  test("a malformed file is refused with where it is malformed, and nothing is kept to apply", async ({ page, context }) => {
    const organiser = await signUp(context, { label: "organiser" });
    await makeOrganiser(organiser.email);
    await page.goto("/manage");
    const form = page.getByRole("form", { name: "Preview a file" });
    await form.getByLabel("Schedule file").setInputFiles({ name: "broken.json", mimeType: "application/json", buffer: Buffer.from('{"schedule": {"conference": ') });
    await form.getByRole("button", { name: "Preview the file" }).click();
    await expect(form.getByText(/^broken\.json: /)).toBeVisible();
    await expect(page.getByRole("button", { name: "Apply these changes" })).toHaveCount(0);
    await page.getByRole("form", { name: "Preview a URL" }).getByLabel("Schedule URL").fill("file:///etc/passwd");
    await page.getByRole("button", { name: "Preview the URL" }).click();
    await expect(page.getByText("Only http and https URLs can be fetched")).toBeVisible();
  });

  test("API tokens: created with a name, shown once, listed, revoked", async ({ page, context }) => {
    const organiser = await signUp(context, { label: "organiser" });
    await makeOrganiser(organiser.email);
    await page.goto("/manage");
    const tokens = page.getByRole("region", { name: "API tokens" });
    await tokens.getByRole("button", { name: "Create token" }).click();
    await expect(tokens.getByText(/Name the token/)).toBeVisible();
    await tokens.getByLabel("Token name").fill("CI job");
    await tokens.getByRole("button", { name: "Create token" }).click();
    const secret = await tokens.getByLabel("New API token").inputValue();
    expect(secret.length).toBeGreaterThanOrEqual(32);
    const list = tokens.getByRole("list", { name: "Your API tokens" });
    await expect(list.getByText("CI job")).toBeVisible();
    await expect(list).toContainText("never used");
    await page.reload();
    await expect(tokens.getByLabel("New API token")).toHaveCount(0);
    await expect(page.locator("body")).not.toContainText(secret);

    // A client with no cookies, as a CI job is: only the token speaks for it.
    const ci = await request.newContext({ baseURL: baseURL() });
    const put = async () =>
      (await ci.put(`/api/conferences/${conf}/program?dryRun=1`, { headers: { Authorization: `Bearer ${secret}`, "Content-Type": "application/json" }, data: "{}" })).status();
    // Accepted as an organiser's: the body is not a program, so 400 rather than 401.
    expect(await put()).toBe(400);
    await list.getByRole("button", { name: "Revoke CI job" }).click();
    await expect(list.getByText("Revoked", { exact: true })).toBeVisible();
    expect(await put()).toBe(401);
    await ci.dispose();
  });

  test.describe("a followed URL", () => {
    let server: Server;
    test.beforeAll(async () => {
      server = createServer((_request, response) => void response.writeHead(500).end("down"));
      await new Promise<void>((resolve) => server.listen(3316, "127.0.0.1", resolve));
    });
    test.afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

    test("is set with its interval, and a failed check shows with its time and reason", async ({ page, context }) => {
      const organiser = await signUp(context, { label: "organiser" });
      await makeOrganiser(organiser.email);
      await page.goto("/manage");
      const card = page.getByRole("article", { name: /DockerCon EU 2017/ });
      const form = card.getByRole("form", { name: /Follow a schedule URL/ });
      await form.getByLabel("Every (minutes)").fill("0");
      await form.getByLabel("Follow this schedule URL").fill("http://127.0.0.1:3316/schedule.json");
      await form.getByRole("button", { name: "Follow" }).click();
      await expect(card.getByText("Check at most once a minute")).toBeVisible();
      await form.getByLabel("Every (minutes)").fill("15");
      await form.getByRole("button", { name: "Follow" }).click();
      await expect(card.getByText(/Following http:\/\/127\.0\.0\.1:3316\/schedule\.json every 15 minutes/)).toBeVisible();
      await expect(card.getByText("Not checked yet; due now.")).toBeVisible();

      // The cron-style one-shot, on the server's database; the server's own timer would do the same within 30 s.
      await runFollowOnce();
      await page.reload();
      await expect(card.getByRole("alert")).toContainText(/The check at \d+ \w+ \d{4}, \d\d:\d\d UTC failed and changed nothing: HTTP 500 Internal Server Error/);
      await expect(card.getByText("Failed", { exact: true })).toBeVisible();

      await card.getByRole("button", { name: "Stop following" }).click();
      await expect(card.getByText("No longer following a URL.")).toBeVisible();
      await expect(card.getByRole("alert")).toHaveCount(0);
    });
  });
});
