/**
 * What a page asks for the person viewing it (docs/decisions/0017-signed-in-speed.md):
 * nothing when signed out, their own stars, zone, note and private search matches when
 * signed in, and never one person's answer to another, even through the micro-cache.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { createServer } from "node:net";
import path from "node:path";
import { expect, request as apiRequest, test, type APIRequestContext, type Page } from "@playwright/test";
import { serverArgs } from "../scripts/build-state";
import { authApiHeaders, newUser, saveNote, sameOrigin, signUp, uniqueWord } from "./support/auth";
import { e2eServerEnv } from "./support/database";
import { conf } from "./support/demo";

const personal = /\/api\/me(\/|\?|$)|\/api\/conferences\/[^/]+\/me\/|\/api\/auth\/get-session/;
const hint = "hallway.signed_in";

/** Every personal request the page makes and every console error it logs, while `visit` runs. */
async function watch(page: Page, visit: () => Promise<void>) {
  const asked: string[] = [];
  const errors: string[] = [];
  const onRequest = (r: { url: () => string }) => personal.test(new URL(r.url()).pathname) && asked.push(new URL(r.url()).pathname);
  const onConsole = (m: { type: () => string; text: () => string }) => m.type() === "error" && errors.push(m.text());
  page.on("request", onRequest);
  page.on("console", onConsole);
  await visit();
  page.off("request", onRequest);
  page.off("console", onConsole);
  return { asked, errors };
}

const pages = [`/${conf}/schedule`, `/${conf}/sessions/linuxkit-deep-dive`, `/${conf}/search?q=kube`];

/** Each page, given the time a page takes to ask for anything after it hydrates (link prefetches can keep the network busy for long). */
async function visitAll(page: Page) {
  for (const url of pages) {
    await page.goto(url);
    await page.waitForLoadState("load");
    await page.waitForLoadState("networkidle", { timeout: 5_000 }).catch(() => undefined);
  }
}

test("a signed-out visit to the schedule, a session and search asks nothing personal and logs no error", async ({ page }) => {
  const { asked, errors } = await watch(page, () => visitAll(page));
  expect(asked).toEqual([]);
  expect(errors).toEqual([]);
  await expect(page.getByRole("link", { name: "Sign in", exact: true })).toBeVisible();
  await page.goto(`/${conf}/sessions/linuxkit-deep-dive`);
  await expect(page.getByRole("link", { name: "Sign in to keep your own notes on this session" })).toBeVisible();
});

test("signed in, the stars, the time zone, the name and the note still arrive", async ({ page, context }) => {
  const user = await signUp(context);
  expect((await context.cookies()).find((c) => c.name === hint)).toMatchObject({ value: "1", httpOnly: false });
  expect((await context.request.put(`/api/conferences/${conf}/me/stars/linuxkit-deep-dive`, { headers: sameOrigin() })).status()).toBe(204);
  await saveNote(context.request, "linuxkit-deep-dive", { body: "Mine, and only mine." });

  const { asked } = await watch(page, async () => {
    const timeZone = page.waitForResponse((r) => r.url().endsWith("/api/me/time-zone") && r.status() === 200);
    const stars = page.waitForResponse((r) => r.url().endsWith(`/api/conferences/${conf}/me/stars`) && r.status() === 200);
    await page.goto(`/${conf}/sessions/linuxkit-deep-dive`);
    await Promise.all([timeZone, stars]);
    await page.waitForLoadState("networkidle");
  });
  expect(asked).toEqual(expect.arrayContaining(["/api/me", "/api/me/time-zone", `/api/conferences/${conf}/me/stars`]));
  await expect(page.getByRole("link", { name: user.name })).toBeVisible();
  await expect(page.getByRole("button", { name: "Remove from my agenda" })).toHaveAttribute("aria-pressed", "true");
  await expect(page.getByRole("textbox", { name: /Notes for yourself/ })).toHaveValue("Mine, and only mine.");
});

test("signing out clears the hint, and the next pages ask nothing personal", async ({ page, context }) => {
  await signUp(context);
  await page.goto("/account");
  await page.getByRole("button", { name: "Sign out" }).click();
  // Sign-out lands on the home page, which sends a visitor straight to the schedule when only one conference is loaded.
  await expect(page).toHaveURL((url) => url.pathname === "/" || /^\/[^/]+\/schedule$/.test(url.pathname));
  expect((await context.cookies()).find((c) => c.name === hint)).toBeUndefined();
  const { asked, errors } = await watch(page, () => visitAll(page));
  expect(asked).toEqual([]);
  expect(errors).toEqual([]);
});

test("a stale hint costs one round of 401s, and is then forgotten", async ({ page, context }) => {
  await context.addCookies([{ name: hint, value: "1", url: test.info().project.use.baseURL! }]);
  const first = await watch(page, async () => {
    const refused = page.waitForResponse((r) => new URL(r.url()).pathname === "/api/me" && r.status() === 401);
    await page.goto(`/${conf}/schedule`);
    await refused;
  });
  expect(first.asked).toContain("/api/me");
  await expect.poll(async () => (await context.cookies()).find((c) => c.name === hint)).toBeUndefined();
  const { asked } = await watch(page, () => visitAll(page));
  expect(asked).toEqual([]);
});

/** A production server of its own on the same database, with the micro-cache on (the suite's server has it off). */
async function startCachedServer(): Promise<{ origin: string; stop: () => void }> {
  // E2E_MICROCACHE_PORT when a machine hands out ports; a free one otherwise.
  const port = Number(process.env.E2E_MICROCACHE_PORT) || await new Promise<number>((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const { port: free } = probe.address() as { port: number };
      probe.close(() => resolve(free));
    });
  });
  const root = path.resolve(import.meta.dirname, "..");
  const child: ChildProcess = spawn(process.execPath, serverArgs(e2eServerEnv().NEXT_DIST_DIR), {
    cwd: root,
    env: { ...process.env, ...e2eServerEnv(), PORT: String(port), HOSTNAME: "127.0.0.1", HALLWAY_MICROCACHE_MS: "60000", NODE_ENV: "production" },
    stdio: "ignore",
  });
  const origin = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 120; i++) {
    if (await fetch(`${origin}/api/conferences/${conf}`).then((r) => r.ok, () => false)) return { origin, stop: () => child.kill("SIGTERM") };
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  child.kill("SIGKILL");
  throw new Error("the second server did not start within 30 s");
}

test("through the micro-cache, one person's answers never reach another or a visitor", async () => {
  test.setTimeout(120_000);
  const server = await startCachedServer();
  const contexts: APIRequestContext[] = [];
  try {
    const client = async () => {
      const context = await apiRequest.newContext({ baseURL: server.origin, extraHTTPHeaders: { "accept-encoding": "gzip" } });
      contexts.push(context);
      return context;
    };
    const signedUp = async () => {
      const context = await client();
      // A name no other account's contains, so that finding it in another's answer means a leak.
      const user = newUser("cached", { name: `Ada ${uniqueWord("name")}` });
      expect((await context.post("/api/auth/sign-up/email", { data: user, headers: { Origin: server.origin } })).status()).toBe(200);
      return { context, user };
    };
    const a = await signedUp();
    const b = await signedUp();
    const visitor = await client();
    const word = uniqueWord();
    const secret = uniqueWord("secret");
    const slug = "looking-under-the-hood-containerd";
    const origin = { Origin: server.origin };
    expect((await a.context.put(`/api/conferences/${conf}/sessions/${slug}/note`, { data: { body: `${word}: ${secret}`, visibility: "private" }, headers: { ...origin, "If-Match": '"0"' } })).status()).toBe(200);
    expect((await a.context.put(`/api/conferences/${conf}/me/stars/${slug}`, { headers: origin })).status()).toBe(204);
    expect((await a.context.put("/api/me/time-zone", { data: { timeZone: "Pacific/Chatham" }, headers: origin })).status()).toBe(200);

    const urls = [
      "/api/me",
      "/api/me/time-zone",
      `/api/conferences/${conf}/me/stars`,
      `/api/conferences/${conf}/sessions/${slug}/note`,
      `/api/conferences/${conf}/me/search?q=${word}`,
      `/api/conferences/${conf}/sessions?q=${word}`,
      `/${conf}/search?q=${word}`,
    ];
    const aHolds = [a.user.name, "Pacific/Chatham", slug, secret];
    const text = async (context: APIRequestContext, url: string) => {
      const response = await context.get(url);
      return { body: await response.text(), cacheControl: response.headers()["cache-control"] ?? "", hit: response.headers()["x-hallway-cache"] === "HIT" };
    };
    // A asks first, twice (a cache would keep the first), then B and a visitor; then the other way round.
    for (const url of urls) {
      await text(a.context, url);
      const mine = await text(a.context, url);
      expect(mine.cacheControl, url).toContain("no-store");
      for (const other of [await text(b.context, url), await text(visitor, url)]) {
        for (const held of aHolds) expect(other.body, `${url} leaks ${held}`).not.toContain(held);
      }
    }
    for (const url of urls) {
      await text(visitor, url);
      await text(visitor, url);
      const mine = await text(a.context, url);
      if (url.includes("/me") || url.includes("/note")) expect(mine.hit, url).toBe(false);
      if (url.includes("/sessions?q=")) expect(mine.body, "A's own search finds A's private note after a visitor's").toContain(slug);
    }
    // Controls: A's personal answers carry A's data, and the cached search page never does.
    expect((await text(a.context, "/api/me/time-zone")).body).toContain("Pacific/Chatham");
    expect((await text(a.context, `/api/conferences/${conf}/me/stars`)).body).toContain(slug);
    expect((await text(a.context, `/api/conferences/${conf}/me/search?q=${word}`)).body).toContain(secret);
    const cachedPage = await text(a.context, `/${conf}/search?q=${word}`);
    expect(cachedPage.hit).toBe(true);
    expect(cachedPage.cacheControl).toContain("no-store");
    expect(cachedPage.body).not.toContain(secret);
    expect((await text(visitor, `/${conf}/search?q=${word}`)).cacheControl).toContain("s-maxage");
  } finally {
    for (const context of contexts) await context.dispose();
    server.stop();
  }
});

test("signed in, a search shows the viewer's own private matches beside the cached results", async ({ page, context }) => {
  await signUp(context);
  const word = uniqueWord();
  await saveNote(context.request, "my-journey-to-go", { body: `${word} is what I will ask about.` });
  await page.goto(`/${conf}/search?q=${word}`);
  const own = page.getByRole("region", { name: /In your private notes/ });
  await expect(own.getByRole("article")).toHaveCount(1);
  await expect(own.getByRole("article")).toContainText("My Journey to Go");
  await expect(own.locator("mark")).toHaveText(new RegExp(word, "i"));
});

test("without JavaScript, a signed-in search links to the page that includes one's private notes", async ({ browser, context }) => {
  await signUp(context);
  const word = uniqueWord();
  await saveNote(context.request, "my-journey-to-go", { body: `${word} without scripts.` });
  const noJs = await browser.newContext({ javaScriptEnabled: false });
  await noJs.addCookies(await context.cookies());
  const page = await noJs.newPage();
  await page.goto(`/${conf}/search?q=${word}`);
  await expect(page.getByRole("main").getByRole("article")).toHaveCount(0);
  await page.getByRole("link", { name: "Signed in? Search your private notes too" }).click();
  await expect(page.getByRole("main").getByRole("article")).toHaveCount(1);
  await expect(page.getByRole("main").getByRole("article")).toContainText("My Journey to Go");
  await noJs.close();
});

test("the personal search answer is private and scoped to its viewer", async ({ playwright }) => {
  const a = await playwright.request.newContext({ baseURL: test.info().project.use.baseURL });
  const b = await playwright.request.newContext({ baseURL: test.info().project.use.baseURL });
  for (const [context, label] of [[a, "a"], [b, "b"]] as const) {
    expect((await context.post("/api/auth/sign-up/email", { data: newUser(label), headers: authApiHeaders() })).status()).toBe(200);
  }
  const word = uniqueWord();
  await saveNote(a, "my-journey-to-go", { body: `${word} for A alone.` });
  const mine = await a.get(`/api/conferences/${conf}/me/search?q=${word}`);
  expect(mine.headers()["cache-control"]).toContain("no-store");
  expect(((await mine.json()) as { sessions: { slug: string }[] }).sessions.map((s) => s.slug)).toEqual(["my-journey-to-go"]);
  const theirs = await b.get(`/api/conferences/${conf}/me/search?q=${word}`);
  expect(((await theirs.json()) as { sessions: unknown[] }).sessions).toEqual([]);
  const visitor = await playwright.request.newContext({ baseURL: test.info().project.use.baseURL });
  expect((await visitor.get(`/api/conferences/${conf}/me/search?q=${word}`)).status()).toBe(401);
  expect((await a.get(`/api/conferences/${conf}/me/search`)).status()).toBe(400);
  expect((await a.get(`/api/conferences/no-such-conference/me/search?q=${word}`)).status()).toBe(404);
  for (const context of [a, b, visitor]) await context.dispose();
});
