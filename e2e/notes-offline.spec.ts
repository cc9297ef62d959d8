import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { chromium, expect, request, test, type Browser, type BrowserContext, type Page } from "@playwright/test";
import { baseURL, getNote, saveNote, sameOrigin, sessionCookieOf, signIn, signUp, type TestUser } from "./support/auth";
import { launchOptions } from "../lib/test/chromium";
import { conf } from "./support/demo";
import { queuedNotes, recordForOffline, type Recording } from "./support/offline";

// These tests are about the page's own outbox: "offline" pages come from the recorder
// (support/offline.ts), so the service worker, whose saving runs on its own clock, stays
// out of them; e2e/offline.spec.ts tests the worker.
test.use({ serviceWorkers: "block" });

const sessionUrl = (slug: string) => `/${conf}/sessions/${slug}`;
const queuedText = "Saved on this device – will be sent when you're back online";
const separator = "\n\n---- The version saved elsewhere ----\n\n";

function editorOn(page: Page) {
  const region = page.getByRole("region", { name: "Your notes" });
  return {
    region,
    text: region.getByRole("textbox", { name: /Notes for yourself/ }),
    status: region.getByRole("status"),
    conflict: region.getByRole("alert"),
  };
}

/** The note as its owner reads it through the API, from a client of its own (the browser's cookie may be stale). */
async function noteOf(user: TestUser, slug: string) {
  const client = await request.newContext({ baseURL: baseURL() });
  try {
    expect((await signIn(client, user)).status()).toBe(200);
    return await getNote(client, slug);
  } finally {
    await client.dispose();
  }
}

/** Another device of the same person: a second browser context with the same session cookie. */
async function sameUserElsewhere(browser: Browser, context: BrowserContext) {
  const other = await browser.newContext();
  await other.addCookies([(await sessionCookieOf(context))!]);
  return other;
}

test("a note typed offline is queued, survives a reload offline, and is saved when the connection returns", async ({ page, context }) => {
  const user = await signUp(context);
  const slug = "my-journey-to-go";
  const network = await recordForOffline(context);
  await page.goto(`/${conf}/me/notes`);
  const queued = page.getByRole("region", { name: "Saved on this device, not yet sent" });
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Your notes");
  await expect(queued).toHaveCount(0);
  await page.goto(sessionUrl(slug));
  const editor = editorOn(page);
  await expect(editor.status).toHaveText("");
  await expect(editor.text).toHaveValue("");

  await network.goOffline();
  await editor.text.fill("Typed on the venue's Wi-Fi, which failed");
  await expect(editor.status).toHaveText(queuedText);
  expect(await queuedNotes(page)).toMatchObject([{ sessionSlug: slug, body: "Typed on the venue's Wi-Fi, which failed", baseVersion: 0, state: "waiting" }]);

  await page.reload();
  await expect(editor.text).toHaveValue("Typed on the venue's Wi-Fi, which failed");
  await expect(editor.status).toHaveText(queuedText);
  await editor.text.fill("Typed on the venue's Wi-Fi, which failed; and more after a reload");
  await expect(editor.status).toHaveText(queuedText);
  expect(await noteOf(user, slug)).toBeNull();

  // The notes list says what is waiting, offline too.
  await page.goto(`/${conf}/me/notes`);
  await expect(queued.getByRole("listitem")).toHaveText("My Journey to Go: will be sent when you're back online");
  await page.goto(sessionUrl(slug));
  await expect(editor.text).toHaveValue("Typed on the venue's Wi-Fi, which failed; and more after a reload");

  await network.goOnline();
  await expect(editor.status).toHaveText("Saved");
  expect(await getNote(context.request, slug)).toMatchObject({ body: "Typed on the venue's Wi-Fi, which failed; and more after a reload", version: 1 });
  expect(await queuedNotes(page)).toEqual([]);
});

test("a queued note is sent from whichever page is open when the connection returns", async ({ page, context }) => {
  await signUp(context);
  const slug = "play-with-docker-inside-out";
  await page.route(/\/note$/, (route) => (route.request().method() === "PUT" ? route.abort("connectionreset") : route.continue()));
  await page.goto(sessionUrl(slug));
  await editorOn(page).text.fill("Queued while the server could not be reached");
  await expect(editorOn(page).status).toHaveText(queuedText);
  await page.close();

  const other = await context.newPage();
  await other.goto(`/${conf}/schedule`);
  await expect.poll(async () => (await getNote(context.request, slug))?.body).toBe("Queued while the server could not be reached");
  await expect.poll(() => queuedNotes(other)).toEqual([]);
});

/** A note saved at version 1, edited offline here, while the same person saves version 2 on another device. */
async function conflictAfterReconnecting(browser: Browser, page: Page, context: BrowserContext, slug: string) {
  await signUp(context);
  await saveNote(context.request, slug, { body: "First version" });
  const network = await recordForOffline(context);
  await page.goto(sessionUrl(slug));
  const editor = editorOn(page);
  await expect(editor.text).toHaveValue("First version");
  await network.goOffline();
  await editor.text.fill("Mine, typed offline");
  await expect(editor.status).toHaveText(queuedText);

  const phone = await sameUserElsewhere(browser, context);
  await saveNote(phone.request, slug, { body: "Theirs, saved on the phone", version: 1 });
  await phone.close();

  await network.goOnline();
  await expect(editor.conflict).toContainText("This note was changed in another tab or on another device.");
  await expect(editor.conflict).toBeFocused();
  await expect(editor.conflict.getByRole("textbox", { name: "The newer version, saved elsewhere" })).toHaveValue("Theirs, saved on the phone");
  await expect(editor.text).toHaveValue("Mine, typed offline");
  await expect(editor.status).toHaveText("Not saved – see below");
  expect((await getNote(context.request, slug))?.body).toBe("Theirs, saved on the phone");
  return editor;
}

test("a replayed save that meets a newer version: keep mine saves over it", async ({ browser, page, context }) => {
  const slug = "containerizing-hardware-accelerated-applications";
  const editor = await conflictAfterReconnecting(browser, page, context, slug);
  await editor.conflict.getByRole("button", { name: "Keep mine (overwrite)" }).click();
  await expect(editor.status).toHaveText("Saved");
  await expect(editor.conflict).toHaveCount(0);
  await expect(editor.text).toBeFocused();
  expect(await getNote(context.request, slug)).toMatchObject({ body: "Mine, typed offline", version: 3 });
  expect(await queuedNotes(page)).toEqual([]);
});

test("a replayed save that meets a newer version: using the saved one keeps mine as a copy", async ({ browser, page, context }) => {
  const slug = "introduction-to-docker-for-enterprise-operations";
  const editor = await conflictAfterReconnecting(browser, page, context, slug);
  await editor.conflict.getByRole("button", { name: "Use the saved version" }).click();
  await expect(editor.text).toHaveValue("Theirs, saved on the phone");
  await expect(editor.status).toHaveText("Saved");
  await expect(editor.region.getByRole("textbox", { name: "Your earlier text (not saved)" })).toHaveValue("Mine, typed offline");
  expect(await getNote(context.request, slug)).toMatchObject({ body: "Theirs, saved on the phone", version: 2 });
  expect(await queuedNotes(page)).toEqual([]);
  await page.reload();
  await expect(editor.text).toHaveValue("Theirs, saved on the phone");
  await expect(editor.conflict).toHaveCount(0);
});

test("a replayed save that meets a newer version: merging by hand starts from both and saves over the newer one", async ({ browser, page, context }) => {
  const slug = "taking-docker-to-production-what-you-need-to-know-and-decide";
  const editor = await conflictAfterReconnecting(browser, page, context, slug);
  await editor.conflict.getByRole("button", { name: "Merge by hand" }).click();
  await expect(editor.text).toBeFocused();
  await expect(editor.text).toHaveValue(`Mine, typed offline${separator}Theirs, saved on the phone`);
  await expect(editor.status).toHaveText("Saved");
  await editor.text.fill("Mine, typed offline; and the phone's: Theirs, saved on the phone");
  await expect(editor.status).toHaveText("Saved");
  expect(await getNote(context.request, slug)).toMatchObject({ body: "Mine, typed offline; and the phone's: Theirs, saved on the phone", version: 4 });
});

test("a replay refused because the session ended waits for sign-in, then is sent as the same person", async ({ page, context }) => {
  const user = await signUp(context);
  const slug = "general-session-day-1";
  const network = await recordForOffline(context);
  await page.goto(sessionUrl(slug));
  const editor = editorOn(page);
  await expect(editor.text).toHaveValue("");
  await network.goOffline();
  await editor.text.fill("Written before the session ended");
  await expect(editor.status).toHaveText(queuedText);

  // The session ends meanwhile (revoked from elsewhere); this browser still holds its cookie.
  const cookie = (await sessionCookieOf(context))!;
  const elsewhere = await request.newContext({ baseURL: baseURL(), extraHTTPHeaders: { ...sameOrigin(), Cookie: `${cookie.name}=${cookie.value}` } });
  expect((await elsewhere.post("/api/auth/sign-out", { data: {} })).status()).toBe(200);
  await elsewhere.dispose();

  await network.goOnline();
  await expect(editor.status).toHaveText("Saved on this device. Sign in to send your note");
  expect(await queuedNotes(page)).toMatchObject([{ body: "Written before the session ended", state: "waiting" }]);
  expect(await noteOf(user, slug)).toBeNull();

  await page.reload();
  await expect(editor.text).toHaveValue("Written before the session ended");
  await expect(editor.status).toHaveText("Saved on this device. Sign in to send your note");
  await editor.region.getByRole("link", { name: "Sign in to send your note" }).click();
  await page.getByLabel("Email", { exact: true }).fill(user.email);
  await page.getByLabel("Password", { exact: true }).fill(user.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(sessionUrl(slug));
  await expect(editor.status).toHaveText("Saved");
  await expect(editor.text).toHaveValue("Written before the session ended");
  expect(await getNote(context.request, slug)).toMatchObject({ body: "Written before the session ended", version: 1 });
  expect(await queuedNotes(page)).toEqual([]);
});

test("a note queued by one person is never sent as, nor shown to, the next person signed in", async ({ page, context }) => {
  const ada = await signUp(context, { label: "ada" });
  const slug = "my-journey-to-go";
  const network = await recordForOffline(context);
  await page.goto(sessionUrl(slug));
  await expect(editorOn(page).text).toHaveValue("");
  await network.goOffline();
  await editorOn(page).text.fill("Ada's private thoughts");
  await expect(editorOn(page).status).toHaveText(queuedText);

  // Ada's session ends, and Bob signs in on this browser before the connection returns.
  await context.clearCookies();
  const bob = await signUp(context, { label: "bob" });
  await network.goOnline();
  await expect(editorOn(page).status).toContainText("someone else than the person signed in now");

  await page.reload();
  await expect(editorOn(page).text).toHaveValue("");
  await expect(editorOn(page).status).toHaveText("");
  await expect.poll(() => queuedNotes(page)).toEqual([]);
  expect(await getNote(context.request, slug)).toBeNull();
  expect(await noteOf(ada, slug)).toBeNull();
  expect(bob.email).not.toBe(ada.email);
});

test("signing out clears the outbox", async ({ page, context }) => {
  await signUp(context);
  await page.route(/\/note$/, (route) => (route.request().method() === "PUT" ? route.abort("connectionreset") : route.continue()));
  await page.goto(sessionUrl("my-journey-to-go"));
  await editorOn(page).text.fill("Queued, then signed out");
  await expect(editorOn(page).status).toHaveText(queuedText);
  expect(await queuedNotes(page)).toHaveLength(1);
  await page.goto("/account");
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(`/${conf}/schedule`);
  await expect.poll(() => queuedNotes(page)).toEqual([]);
});

test("a note queued offline survives closing the browser, and is sent once it is back online", async ({ viewport }) => {
  const profile = await mkdtemp(path.join(tmpdir(), "hallway-outbox-"));
  const recording: Recording = new Map();
  const slug = "containerizing-hardware-accelerated-applications";
  // Reopened offline from its first moment: a tab the browser restores must not reach the server before the test says so.
  const open = (offline = false) => chromium.launchPersistentContext(profile, { ...launchOptions, baseURL: baseURL(), viewport, offline, serviceWorkers: "block" });
  test.slow();
  try {
    const first = await open();
    const user = await signUp(first);
    const network = await recordForOffline(first, recording);
    const page = first.pages()[0] ?? (await first.newPage());
    await page.goto(sessionUrl(slug));
    await expect(editorOn(page).text).toHaveValue("");
    await network.goOffline();
    await editorOn(page).text.fill("Typed offline just before the battery died");
    await expect(editorOn(page).status).toHaveText(queuedText);
    await first.close();

    const again = await open(true);
    const reopened = await recordForOffline(again, recording, { startOffline: true });
    const page2 = again.pages()[0] ?? (await again.newPage());
    await page2.goto(sessionUrl(slug));
    await expect(editorOn(page2).text).toHaveValue("Typed offline just before the battery died");
    await expect(editorOn(page2).status).toHaveText(queuedText);
    expect(await noteOf(user, slug)).toBeNull();

    await reopened.goOnline();
    await expect(editorOn(page2).status).toHaveText("Saved");
    expect(await getNote(again.request, slug)).toMatchObject({ body: "Typed offline just before the battery died", version: 1 });
    await again.close();
  } finally {
    await rm(profile, { recursive: true, force: true });
  }
});
