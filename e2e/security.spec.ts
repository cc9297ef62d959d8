import { expect, request as apiRequest, test, type APIRequestContext, type BrowserContext, type Page } from "@playwright/test";
import {
  baseURL,
  createAccount,
  evilOrigin,
  getNote,
  newUser,
  noteApi,
  putNote,
  sameOrigin,
  saveNote,
  sessionCookie,
  sessionCookieOf,
  sessionEmail,
  signUp,
  trySignIn,
  uniqueWord,
} from "./support/auth";
import { apiUrl, conf } from "./support/demo";

// Every test here must fail if the hole it names opens; each has a positive control where "nothing happened" could pass vacuously.

const runId = Date.now();
const notePage = (slug: string) => `/${conf}/sessions/${slug}/note`;

async function cookieHeader(context: BrowserContext) {
  const cookie = await sessionCookieOf(context);
  expect(cookie).toBeTruthy();
  return { cookie: cookie!, header: `${cookie!.name}=${cookie!.value}` };
}

/** A browser without JavaScript, signed in with the same cookie as `context`. */
async function noJsCopyOf(browser: import("@playwright/test").Browser, context: BrowserContext) {
  const noJs = await browser.newContext({ javaScriptEnabled: false });
  await noJs.addCookies([(await cookieHeader(context)).cookie]);
  return noJs;
}

/** Submits the page's form with `Origin` swapped for another site's, as a forged cross-site form would arrive; returns the status. */
async function submitWithForeignOrigin(page: Page, submit: () => Promise<void>): Promise<number> {
  const statuses: number[] = [];
  await page.route("**/*", async (route) => {
    if (route.request().method() !== "POST") return route.continue();
    const response = await route.fetch({ headers: { ...route.request().headers(), origin: evilOrigin } });
    statuses.push(response.status());
    await route.fulfill({ response });
  });
  await submit();
  await expect.poll(() => statuses.length).toBe(1);
  await page.unrouteAll({ behavior: "wait" });
  return statuses[0]!;
}

async function search(request: APIRequestContext, word: string) {
  const response = await request.get(`${apiUrl}/sessions?q=${word}`);
  expect(response.status()).toBe(200);
  return ((await response.json()) as { sessions: { slug: string }[] }).sessions.map((s) => s.slug);
}

test.describe("the session cookie", () => {
  test("is HttpOnly and SameSite=Lax, out of reach of page scripts", async ({ page, context }) => {
    await signUp(context);
    const cookie = await sessionCookieOf(context);
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: "Lax", path: "/" });
    await page.goto(`/${conf}/schedule`);
    expect(await page.evaluate(() => document.cookie)).not.toContain("session_token");
  });

  test("is not Secure over http, and has its documented name", async ({ context }) => {
    await signUp(context);
    const cookie = await sessionCookieOf(context);
    expect(cookie).toMatchObject({ name: sessionCookie, secure: false });
  });

  test("replayed after signing out, it is signed out", async ({ page, context }) => {
    const user = await signUp(context);
    const slug = "taking-docker-to-production-what-you-need-to-know-and-decide";
    await saveNote(context.request, slug, { body: "Before signing out" });
    const { header } = await cookieHeader(context);
    const replay = await apiRequest.newContext({ baseURL: baseURL() });
    // Control: the copied cookie is the session while it lasts.
    expect(await sessionEmail(replay, header)).toBe(user.email);
    expect((await replay.get(noteApi(slug), { headers: { Cookie: header } })).status()).toBe(200);

    await page.goto("/account");
    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page).toHaveURL(`/${conf}/schedule`);

    expect(await sessionEmail(replay, header)).toBeNull();
    expect((await replay.get(noteApi(slug), { headers: { Cookie: header } })).status()).toBe(401);
    const replayedPage = await replay.get("/account", { headers: { Cookie: header }, maxRedirects: 0 });
    expect(replayedPage.status()).toBe(307);
    expect(replayedPage.headers().location).toBe("/sign-in?next=%2Faccount");
    await replay.dispose();
  });
});

test("the auth API accepts writes from the site's own origin", async ({ request }) => {
  const user = newUser("own-origin");
  expect((await request.post("/api/auth/sign-up/email", { data: user, headers: sameOrigin() })).status()).toBe(200);
  expect((await request.post("/api/auth/sign-in/email", { data: user, headers: sameOrigin() })).status()).toBe(200);
});

test("writes from another origin are refused and change nothing", async ({ browser, context }) => {
  const user = await signUp(context);
  const slug = "play-with-docker-inside-out";
  const mine = await saveNote(context.request, slug, { body: "Mine, untouched" });
  const evil = { Origin: evilOrigin };

  // better-auth: signing out, changing the password.
  expect((await context.request.post("/api/auth/sign-out", { data: {}, headers: evil })).status()).toBe(403);
  expect(await sessionEmail(context.request)).toBe(user.email);
  const changed = await context.request.post("/api/auth/change-password", {
    data: { currentPassword: user.password, newPassword: "chosen by the attacker", revokeOtherSessions: true },
    headers: evil,
  });
  expect(changed.status()).toBe(403);

  // The notes API, by Origin and by Fetch Metadata.
  expect((await putNote(context.request, slug, { body: "defaced", visibility: "public", version: mine.version }, evil)).status()).toBe(403);
  expect((await putNote(context.request, slug, { body: "defaced", version: mine.version }, { "Sec-Fetch-Site": "cross-site" })).status()).toBe(403);
  expect((await context.request.delete(noteApi(slug), { headers: evil })).status()).toBe(403);
  expect(await getNote(context.request, slug)).toMatchObject({ body: "Mine, untouched", visibility: "private", version: mine.version });

  // Server actions: the no-JavaScript note form, posted with another site's Origin.
  const noJs = await noJsCopyOf(browser, context);
  const page = await noJs.newPage();
  await page.goto(notePage(slug));
  await page.getByLabel("Your notes").fill("defaced through a forged form");
  const status = await submitWithForeignOrigin(page, () => page.getByRole("button", { name: "Save" }).click());
  expect(status).toBeGreaterThanOrEqual(400);
  expect(await getNote(context.request, slug)).toMatchObject({ body: "Mine, untouched", version: mine.version });

  // ...and the change-password form on /account.
  await page.goto("/account");
  const form = page.getByRole("region", { name: "Change password" });
  await form.getByLabel("Current password").fill(user.password);
  await form.getByLabel("New password").fill("chosen by the attacker");
  expect(await submitWithForeignOrigin(page, () => form.getByRole("button", { name: "Change password" }).click())).toBeGreaterThanOrEqual(400);
  expect((await trySignIn(user)).status).toBe(200);

  // Controls: the same requests from the site itself do what they say, so the refusals above were about the origin.
  await page.goto(notePage(slug));
  await page.getByLabel("Your notes").fill("Changed from the site itself");
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByRole("status")).toHaveText("Saved.");
  expect(await getNote(context.request, slug)).toMatchObject({ body: "Changed from the site itself", version: mine.version + 1 });
  await page.goto("/account");
  await form.getByLabel("Current password").fill(user.password);
  await form.getByLabel("New password").fill("chosen by the owner");
  const answered = page.waitForResponse((response) => response.request().method() === "POST");
  await form.getByRole("button", { name: "Change password" }).click();
  await answered;
  await page.waitForLoadState();
  expect((await trySignIn({ ...user, password: "chosen by the owner" })).status).toBe(200);
  await noJs.close();
});

test("another user cannot read, change, delete or find a private note", async ({ browser, page, context }) => {
  const slug = "looking-under-the-hood-containerd";
  const word = uniqueWord();
  const aContext = await browser.newContext();
  await signUp(aContext, { label: "a" });
  const a = aContext.request;
  const aNote = await saveNote(a, slug, { body: `A private thought: ${word}` });
  const aUntouched = async () => expect(await getNote(a, slug)).toMatchObject({ body: aNote.body, visibility: "private", version: aNote.version });

  await signUp(context, { label: "b" });
  const b = context.request;
  // The same URL is B's own note, which does not exist.
  expect((await b.get(noteApi(slug))).status()).toBe(404);
  expect((await b.delete(noteApi(slug), { headers: sameOrigin() })).status()).toBe(404);
  // Naming A's version updates nothing: B has no note at that version.
  const stale = await putNote(b, slug, { body: "overwrite?", version: aNote.version });
  expect(stale.status()).toBe(412);
  expect((await stale.json()).current).toBeNull();
  const bNote = await saveNote(b, slug, { body: "B's own words" });
  expect(bNote).toMatchObject({ body: "B's own words", version: 1 });
  await aUntouched();
  expect((await b.delete(noteApi(slug), { headers: sameOrigin() })).status()).toBe(204);
  await aUntouched();

  // B's pages and export.
  await page.goto(`/${conf}/me/notes`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Your notes");
  expect(await page.content()).not.toContain(word);
  const bExport = await b.get(`/${conf}/me/notes/export`);
  expect(bExport.status()).toBe(200);
  expect(await bExport.text()).not.toContain(word);

  // Search, signed in as B and signed out; the page echoes the query, so count results instead.
  expect(await search(b, word)).toEqual([]);
  await page.goto(`/${conf}/search?q=${word}`);
  await expect(page.getByText(`No results for “${word}”`)).toBeVisible();
  await expect(page.getByRole("main").getByRole("article")).toHaveCount(0);
  await page.goto(`/${conf}/schedule?q=${word}`);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expect(page.getByRole("main").getByRole("article")).toHaveCount(0);
  const visitor = await apiRequest.newContext({ baseURL: baseURL() });
  expect(await search(visitor, word)).toEqual([]);
  expect(await (await visitor.get(`/${conf}/search?q=${word}`)).text()).toContain("Nothing matches");

  // The public session page and API.
  expect(JSON.stringify(await (await visitor.get(`${apiUrl}/sessions/${slug}`)).json())).not.toContain(word);
  expect(await (await visitor.get(`/${conf}/sessions/${slug}`)).text()).not.toContain(word);
  await page.goto(`/${conf}/sessions/${slug}`);
  await expect(page.getByRole("textbox", { name: /Notes for yourself/ })).toHaveValue("");
  await expect(page.getByRole("main")).not.toContainText(word);
  await visitor.dispose();

  // Controls: A finds and sees the note everywhere B does not.
  expect(await search(a, word)).toEqual([slug]);
  const aPage = await aContext.newPage();
  await aPage.goto(`/${conf}/search?q=${word}`);
  await expect(aPage.getByRole("main").getByRole("article")).toHaveCount(1);
  await expect(aPage.getByRole("main").getByRole("article")).toContainText("Looking Under the Hood: containerD");
  await aPage.goto(`/${conf}/schedule?q=${word}`);
  await expect(aPage.getByRole("main").getByRole("article")).toHaveCount(1);
  // A's results are theirs alone: never marked shareable, and not what the next visitor gets.
  const aSearch = await a.get(`/${conf}/search?q=${word}`);
  expect(aSearch.headers()["cache-control"]).toContain("no-store");
  expect((await a.get(`${apiUrl}/sessions?q=${word}`)).headers()["cache-control"]).toContain("no-store");
  const laterVisitor = await apiRequest.newContext({ baseURL: baseURL() });
  const publicSearch = await laterVisitor.get(`/${conf}/search?q=${word}`);
  expect(publicSearch.headers()["cache-control"]).toContain("s-maxage");
  expect(await publicSearch.text()).toContain("Nothing matches");
  expect(await search(laterVisitor, word)).toEqual([]);
  await laterVisitor.dispose();
  expect(await (await a.get(`/${conf}/me/notes`)).text()).toContain(word);
  expect(await (await a.get(`/${conf}/me/notes/export`)).text()).toContain(word);

  // The no-JavaScript form on the same note page writes only B's note.
  const noJs = await noJsCopyOf(browser, context);
  const form = await noJs.newPage();
  await form.goto(notePage(slug));
  await expect(form.getByLabel("Your notes")).toHaveValue("");
  await expect(form.getByRole("main")).not.toContainText(word);
  await form.getByLabel("Your notes").fill("B, through the form");
  await form.getByRole("button", { name: "Save" }).click();
  await expect(form.getByRole("status")).toHaveText("Saved.");
  // B's note was deleted above; the new one continues from its version.
  expect(await getNote(b, slug)).toMatchObject({ body: "B, through the form", version: bNote.version + 1 });
  await aUntouched();
  await noJs.close();
  await aContext.close();
});

test("Markdown and HTML in a public note render as inert text", async ({ browser, page, context }) => {
  const slug = "modernizing-traditional-apps-java-edition";
  const payloads = [
    "<script>window.__xss=1</script>",
    '<img src=x onerror="window.__xss=1;alert(1)">',
    "[click](javascript:window.__xss=1)",
    "[mixed case](JaVaScRiPt:alert(1))",
    '<a href="javascript:window.__xss=1">x</a>',
    '<svg onload="window.__xss=1">',
    '<iframe src="javascript:window.__xss=1"></iframe>',
    "<details open ontoggle=alert(1)>",
    "![pic](javascript:alert(1))",
    "<javascript:alert(1)>",
    "[data](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
    "[by reference][evil]\n\n[evil]: javascript:alert(1)",
  ];
  const body = [...payloads, "[a fine link](https://example.com/fine) and [one on this site](/dockercon-eu-2017/schedule)"].join("\n\n");
  const author = await browser.newContext();
  const authorName = `Mallory ${uniqueWord("m")}`;
  await signUp(author, { name: authorName });
  await saveNote(author.request, slug, { body, visibility: "public" });

  await signUp(context, { label: "reader" });
  const dialogs: string[] = [];
  page.on("dialog", (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  const notes = page.getByRole("region", { name: /Attendee notes/ });
  const note = notes.getByRole("listitem").filter({ hasText: authorName });
  await expect(async () => {
    await page.goto(`/${conf}/sessions/${slug}`);
    await expect(note).toBeVisible({ timeout: 1000 });
  }).toPass();
  await expect(page.getByRole("textbox", { name: /Notes for yourself/ })).toBeVisible();

  // The raw HTML is on the page as text (so it was rendered, not dropped), and none of it became an element.
  await expect(note).toContainText("<script>window.__xss=1</script>");
  await expect(note).toContainText('<svg onload="window.__xss=1">');
  await expect(note.locator("script, iframe, svg, img, object, embed, details, [onerror], [onload], [ontoggle]")).toHaveCount(0);
  // Only the two harmless links survive as links; every link in every note is marked as user content.
  await expect(note.locator("a")).toHaveCount(2);
  for (const link of await notes.locator("a").all()) {
    expect(await link.getAttribute("href")).toMatch(/^(https?:\/\/|\/|mailto:)/);
    expect((await link.getAttribute("rel"))?.split(/\s+/)).toEqual(expect.arrayContaining(["nofollow", "ugc", "noopener"]));
  }

  // Wherever the note is rendered: the session page, and the author's own pages.
  const authorPage = await author.newPage();
  authorPage.on("dialog", (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await authorPage.goto(notePage(slug));
  await expect(authorPage.getByRole("region", { name: "Saved note" })).toContainText("<script>window.__xss=1</script>");
  await authorPage.goto(`/${conf}/me/notes`);
  await expect(authorPage.getByRole("main")).toContainText("<script>window.__xss=1</script>");
  for (const p of [page, authorPage]) {
    await p.waitForLoadState("load");
    expect(await p.evaluate(() => (window as { __xss?: unknown }).__xss)).toBeUndefined();
  }
  expect(dialogs).toEqual([]);
  await author.close();
});

test.describe("the sign-in throttle", () => {
  // Failed sign-ins count per client (address and user agent) too; each test's own agent keeps its failures to itself.
  const client = (name: string) => ({ "User-Agent": `hallway-e2e-${name}/${runId}` });

  test("ten wrong passwords lock the account for a while, even for the right one", async () => {
    const user = await createAccount({ label: "locked" });
    const guesser = client("throttle-account");
    for (let attempt = 1; attempt <= 10; attempt++) {
      expect((await trySignIn({ email: user.email, password: `wrong guess ${attempt}` }, guesser)).status).toBe(401);
    }
    const locked = await trySignIn({ email: user.email, password: "wrong guess 11" }, guesser);
    expect(locked.status).toBe(429);
    expect(Number(locked.retryAfter)).toBeGreaterThan(0);
    expect(Number(locked.retryAfter)).toBeLessThanOrEqual(15 * 60);
    expect((await trySignIn(user, guesser)).status).toBe(429);
    // The account is locked, not just that client: its owner on another device waits too.
    expect((await trySignIn(user, client("throttle-owner"))).status).toBe(429);
  });

  test("at a venue, another account from the same client still signs in, and a hall full of sign-ins all succeed", async () => {
    // A hundred password checks (scrypt) on a small machine; the minute they must fit in is asserted below.
    test.setTimeout(120_000);
    const venue = client("throttle-venue");
    const accounts = await Promise.all([1, 2, 3, 4].map((n) => createAccount({ label: `venue${n}` })));
    const [unlucky, neighbour] = accounts as [(typeof accounts)[number], (typeof accounts)[number]];
    for (let attempt = 1; attempt <= 5; attempt++) {
      expect((await trySignIn({ email: unlucky.email, password: `typo ${attempt}` }, venue)).status).toBe(401);
    }
    expect((await trySignIn(neighbour, venue)).status).toBe(200);

    // 100 successful sign-ins from one address and one browser within a minute, four at a time.
    const started = Date.now();
    const statuses: number[] = [];
    await Promise.all(
      accounts.map(async (account) => {
        for (let i = 0; i < 25; i++) statuses.push((await trySignIn(account, venue)).status);
      }),
    );
    expect(statuses).toHaveLength(100);
    expect(statuses.filter((status) => status !== 200)).toEqual([]);
    const elapsed = Date.now() - started;
    test.info().annotations.push({ type: "100 sign-ins", description: `${elapsed} ms` });
    expect(elapsed).toBeLessThan(60_000);
  });
});
