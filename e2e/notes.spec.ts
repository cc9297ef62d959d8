import { readFile } from "node:fs/promises";
import { expect, test, type Browser, type BrowserContext, type Page } from "@playwright/test";
import { getNote, saveNote, sessionCookieOf, signUp, uniqueWord } from "./support/auth";
import { conf, sessions } from "./support/demo";

const sessionUrl = (slug: string) => `/${conf}/sessions/${slug}`;

/** The note editor on a session page: it appears once the browser has asked who is signed in. */
function editorOn(page: Page) {
  const region = page.getByRole("region", { name: "Your notes" });
  return {
    region,
    text: region.getByRole("textbox", { name: /Notes for yourself/ }),
    status: region.getByRole("status"),
  };
}

/** A browser without JavaScript, signed in with the same session cookie as `context`. */
async function withoutJavaScript(browser: Browser, context: BrowserContext) {
  const noJs = await browser.newContext({ javaScriptEnabled: false });
  const cookie = await sessionCookieOf(context);
  await noJs.addCookies([cookie!]);
  return noJs;
}

test("a note written on the session page is saved, shared, edited and deleted", async ({ browser, page, context }) => {
  const author = await signUp(context, { name: `Grace ${uniqueWord("g")}` });
  const slug = "general-session-day-1";
  const markdown = "## Takeaways\n\n- **Moby** is the upstream project\n- [the keynote video](https://example.com/keynote)";

  await page.goto(sessionUrl(slug));
  const editor = editorOn(page);
  await expect(editor.text).toHaveValue("");
  await editor.text.fill(markdown);
  await expect(editor.status).toHaveText("Saved");
  await page.reload();
  await expect(editor.text).toHaveValue(markdown);
  expect(await getNote(context.request, slug)).toMatchObject({ body: markdown, visibility: "private" });

  // Shared: another attendee reads it under the author's name.
  await editor.region.getByRole("radio", { name: /Everyone/ }).check();
  await expect(editor.status).toHaveText("Saved");
  expect(await getNote(context.request, slug)).toMatchObject({ body: markdown, visibility: "public" });
  const readerContext = await browser.newContext();
  await signUp(readerContext, { label: "reader" });
  const reader = await readerContext.newPage();
  const shared = reader.getByRole("region", { name: /Attendee notes/ }).getByRole("listitem").filter({ hasText: author.name });
  await expect(async () => {
    await reader.goto(sessionUrl(slug));
    await expect(shared).toBeVisible({ timeout: 1000 });
  }).toPass();
  await expect(shared.locator("strong")).toHaveText("Moby");
  await expect(shared.getByRole("link", { name: "the keynote video" })).toHaveAttribute("href", "https://example.com/keynote");
  await expect(editorOn(reader).text).toHaveValue("");

  // Signed out and back in, the note is still there to edit.
  await page.goto("/account");
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(`/${conf}/schedule`);
  await page.goto(`/sign-in?next=${encodeURIComponent(sessionUrl(slug))}`);
  await page.getByLabel("Email", { exact: true }).fill(author.email);
  await page.getByLabel("Password", { exact: true }).fill(author.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(sessionUrl(slug));
  await expect(editor.text).toHaveValue(markdown);
  await editor.text.fill(`${markdown}\n- edited after signing in again`);
  await expect(editor.status).toHaveText("Saved");
  expect((await getNote(context.request, slug))?.body).toContain("edited after signing in again");

  // Deleted only after confirming; then it leaves the public page too.
  page.once("dialog", (dialog) => void dialog.dismiss());
  await editor.region.getByRole("button", { name: "Delete note" }).click();
  await expect(editor.status).toHaveText("Saved");
  expect(await getNote(context.request, slug)).not.toBeNull();
  page.once("dialog", (dialog) => void dialog.accept());
  await editor.region.getByRole("button", { name: "Delete note" }).click();
  await expect(editor.status).toHaveText("Deleted");
  await expect(editor.text).toHaveValue("");
  expect(await getNote(context.request, slug)).toBeNull();
  await expect(async () => {
    await reader.goto(sessionUrl(slug));
    await expect(reader.getByRole("heading", { level: 1 })).toHaveText("General Session Day 1");
    await expect(shared).toHaveCount(0, { timeout: 1000 });
  }).toPass();
  await readerContext.close();
});

test("a save from a tab holding an older version is refused, and its text is kept", async ({ context }) => {
  await signUp(context);
  const slug = "containerizing-hardware-accelerated-applications";
  await saveNote(context.request, slug, { body: "First version" });

  const [tab1, tab2] = [await context.newPage(), await context.newPage()];
  for (const tab of [tab1, tab2]) {
    await tab.goto(sessionUrl(slug));
    await expect(editorOn(tab).text).toHaveValue("First version");
  }
  await editorOn(tab1).text.fill("Saved from tab one");
  await expect(editorOn(tab1).status).toHaveText("Saved");

  const two = editorOn(tab2);
  await two.text.fill("Typed in tab two, which never saw tab one's save");
  await expect(two.region.getByRole("alert")).toContainText("This note was changed in another tab or on another device.");
  await expect(two.status).toHaveText("Not saved – see below");
  await expect(two.text).toHaveValue("Typed in tab two, which never saw tab one's save");
  expect((await getNote(context.request, slug))?.body).toBe("Saved from tab one");

  // The person chooses; keeping theirs saves it over the newer version.
  await two.region.getByRole("button", { name: "Keep mine (overwrite)" }).click();
  await expect(two.status).toHaveText("Saved");
  expect(await getNote(context.request, slug)).toMatchObject({ body: "Typed in tab two, which never saw tab one's save", version: 3 });
});

test("without JavaScript: the note page saves through its form; my notes list in schedule order and export as Markdown", async ({ browser, context }) => {
  await signUp(context);
  const word = uniqueWord();
  // Written out of schedule order.
  const noted = [
    { slug: "taking-docker-to-production-what-you-need-to-know-and-decide", body: `Production checklist ${word}` },
    { slug: "introduction-to-docker-for-enterprise-operations", body: `Workshop notes ${word}` },
  ];
  for (const note of noted) await saveNote(context.request, note.slug, note);

  const noJs = await withoutJavaScript(browser, context);
  const page = await noJs.newPage();
  const slug = "my-journey-to-go";
  await page.goto(sessionUrl(slug));
  await page.getByRole("link", { name: "Your notes on this session →" }).click();
  await expect(page).toHaveURL(`${sessionUrl(slug)}/note`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Your notes");
  await page.getByLabel("Your notes").fill(`Go **compiles fast**; ${word}`);
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByRole("status")).toHaveText("Saved.");
  const saved = page.getByRole("region", { name: "Saved note" });
  await expect(saved.locator("strong")).toHaveText("compiles fast");
  await expect(saved).toContainText("Private");
  await page.reload();
  await expect(page.getByLabel("Your notes")).toHaveValue(`Go **compiles fast**; ${word}`);
  noted.push({ slug, body: `Go **compiles fast**; ${word}` });

  await page.goto(`/${conf}/me/notes`);
  const inScheduleOrder = sessions.filter((s) => noted.some((n) => n.slug === s.slug));
  await expect(page.getByRole("main").locator("article h2")).toHaveText(inScheduleOrder.map((s) => s.title));
  await expect(page.getByRole("main").locator("article time")).toHaveText(inScheduleOrder.map((s) => new RegExp(`${s.time}$`)));

  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Export as Markdown" }).click()]);
  expect(download.suggestedFilename()).toBe(`${conf}-notes.md`);
  const markdown = await readFile((await download.path())!, "utf8");
  expect(markdown).toMatch(/^# DockerCon EU 2017\n/);
  const positions = inScheduleOrder.map((s) => markdown.indexOf(`## ${s.title}`));
  expect(positions.every((p) => p > 0)).toBe(true);
  expect(positions).toEqual([...positions].sort((a, b) => a - b));
  for (const s of inScheduleOrder) expect(markdown).toContain(s.time);
  for (const note of noted) expect(markdown).toContain(note.body);
  await noJs.close();
});

test("a note over 50,000 characters gets a clear error, and the text stays", async ({ browser, page, context }) => {
  await signUp(context);
  const slug = "play-with-docker-inside-out";
  const tooLong = `${"a".repeat(49_999)}!!`;
  expect(tooLong).toHaveLength(50_001);

  await page.goto(sessionUrl(slug));
  const editor = editorOn(page);
  await editor.text.fill(tooLong);
  await expect(editor.status).toHaveText("Not saved – kept on this device. Notes can be at most 50,000 characters.");
  await expect(editor.region).toContainText("50,001 / 50,000 characters");
  await expect(editor.text).toHaveValue(tooLong);
  expect(await getNote(context.request, slug)).toBeNull();

  const noJs = await withoutJavaScript(browser, context);
  const form = await noJs.newPage();
  await form.goto(`${sessionUrl(slug)}/note`);
  await form.getByLabel("Your notes").fill(tooLong);
  await form.getByRole("button", { name: "Save" }).click();
  await expect(form.getByRole("alert")).toContainText("The note was not saved.");
  await expect(form.locator("#note-body-error")).toHaveText("Notes can be at most 50,000 characters");
  await expect(form.getByLabel("Your notes")).toHaveValue(tooLong);
  expect(await getNote(context.request, slug)).toBeNull();
  await noJs.close();
});
