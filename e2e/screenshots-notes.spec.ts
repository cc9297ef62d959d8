import { mkdirSync } from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import { saveNote, sessionCookieOf, signUp } from "./support/auth";
import { conf } from "./support/demo";

// Pictures of accounts and notes for people to look at, not assertions: `SCREENSHOTS=1 npx playwright test screenshots-notes`.
const outDir = "/tmp/shots";

test.skip(!process.env.SCREENSHOTS, "set SCREENSHOTS=1 to take screenshots");

const slug = "linuxkit-deep-dive";
const sessionUrl = `/${conf}/sessions/${slug}`;
const sample = "## What I took away\n\n- **Wireguard** in the kernel, built with LinuxKit\n- Ask about the [memorandum project](https://github.com/linuxkit/linuxkit)\n\nTry `linuxkit build` on the train home.";

async function shoot(page: Page, name: string) {
  mkdirSync(outDir, { recursive: true });
  await page.screenshot({ path: `${outDir}/${name}.png`, fullPage: true });
}

test.describe("1440px light", () => {
  test.use({ viewport: { width: 1440, height: 900 }, colorScheme: "light" });

  test("the note editor, my notes, and the note page without JavaScript", async ({ browser, page, context }) => {
    await signUp(context, { name: "Ada Lovelace" });
    await saveNote(context.request, slug, { body: sample });
    await saveNote(context.request, "general-session-day-1", { body: "Moby, **LinuxKit** and Kubernetes support announced.", visibility: "public" });

    await page.goto(sessionUrl);
    await expect(page.getByRole("textbox", { name: /Notes for yourself/ })).toHaveValue(sample);
    await shoot(page, "notes-session-editor-1440-light");

    await page.goto(`/${conf}/me/notes`);
    await expect(page.getByRole("main").getByRole("article")).toHaveCount(2);
    await shoot(page, "notes-me-1440-light");

    const noJs = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 1440, height: 900 }, colorScheme: "light" });
    await noJs.addCookies([(await sessionCookieOf(context))!]);
    const form = await noJs.newPage();
    await form.goto(`${sessionUrl}/note`);
    await expect(form.getByLabel("Your notes")).toHaveValue(sample);
    await shoot(form, "notes-note-page-nojs-1440-light");
    await noJs.close();
  });
});

test.describe("375px dark", () => {
  test.use({ viewport: { width: 375, height: 812 }, colorScheme: "dark" });

  test("the note editor", async ({ page, context }) => {
    await signUp(context, { name: "Ada Lovelace" });
    await saveNote(context.request, slug, { body: sample });
    await page.goto(sessionUrl);
    await expect(page.getByRole("textbox", { name: /Notes for yourself/ })).toHaveValue(sample);
    await shoot(page, "notes-session-editor-375-dark");
  });
});

test.describe("375px light", () => {
  test.use({ viewport: { width: 375, height: 812 }, colorScheme: "light" });

  test("the sign-in page", async ({ page }) => {
    await page.goto(`/sign-in?next=${encodeURIComponent(sessionUrl)}`);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Sign in");
    await shoot(page, "sign-in-375-light");
  });
});
