/**
 * Pictures of the demo conference's pages for people to look at (a review, the
 * README's screenshot): phone and desktop widths, light and dark, and the notes
 * pages of a fresh account. Not a test: it stops at the first page that does not
 * show what it is meant to picture.
 *
 *   npm start                                # or any running server with the demo loaded
 *   npm run screenshots [-- http://127.0.0.1:3000]
 *
 * It signs up a new account on that server, so point it at a development database.
 * PNGs go to screenshots/, which git ignores.
 */
import { mkdirSync } from "node:fs";
import path from "node:path";
import { chromium, type Browser, type Locator, type Page } from "@playwright/test";
import { launchOptions } from "../lib/test/chromium";
import { signUpOverHttp, testPassword } from "../lib/test/sign-up";

const origin = (process.argv[2] ?? process.env.HALLWAY_URL ?? `http://127.0.0.1:${process.env.PORT ?? 3000}`).replace(/\/$/, "");
const outDir = path.resolve(import.meta.dirname, "..", "screenshots");
const conf = "dockercon-eu-2017";
const slug = "linuxkit-deep-dive";
const sessionUrl = `/${conf}/sessions/${slug}`;
const sample =
  "## What I took away\n\n- **Wireguard** in the kernel, built with LinuxKit\n- Ask about the [memorandum project](https://github.com/linuxkit/linuxkit)\n\nTry `linuxkit build` on the train home.";

const pages = [
  ["schedule", `/${conf}/schedule`],
  ["session", sessionUrl],
  ["speakers", `/${conf}/speakers`],
  ["search", `/${conf}/search?q=kube`],
] as const;

const viewport = (width: number) => ({ width, height: width === 375 ? 812 : 900 });

async function shoot(page: Page, name: string) {
  await page.screenshot({ path: path.join(outDir, `${name}.png`), fullPage: true });
  console.log(`screenshots/${name}.png`);
}

/** Waits until `locator` holds `value` (the note editor fills in after it loads), or says which page did not. */
async function untilValue(locator: Locator, value: string, what: string) {
  for (let tries = 0; tries < 50; tries++) {
    if ((await locator.inputValue().catch(() => null)) === value) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`${what} never showed the saved note`);
}

async function publicPages(browser: Browser) {
  for (const width of [375, 1440]) {
    for (const colorScheme of ["light", "dark"] as const) {
      const context = await browser.newContext({ baseURL: origin, viewport: viewport(width), colorScheme });
      const page = await context.newPage();
      for (const [name, url] of pages) {
        await page.goto(url);
        await page.getByRole("heading", { level: 1 }).waitFor();
        await shoot(page, `${name}-${width}-${colorScheme}`);
      }
      await context.close();
    }
  }
}

/** A signed-in browser context: the cookie of a fresh account, with two notes saved through the API. */
async function signedIn(browser: Browser, options: { width: number; colorScheme: "light" | "dark"; javaScriptEnabled?: boolean }, cookie: string) {
  const context = await browser.newContext({ baseURL: origin, viewport: viewport(options.width), colorScheme: options.colorScheme, javaScriptEnabled: options.javaScriptEnabled ?? true });
  await context.addCookies(cookie.split("; ").map((pair) => ({ name: pair.slice(0, pair.indexOf("=")), value: pair.slice(pair.indexOf("=") + 1), url: origin })));
  return context;
}

async function saveNote(cookie: string, session: string, body: string, visibility: "private" | "public") {
  const response = await fetch(`${origin}/api/conferences/${conf}/sessions/${session}/note`, {
    method: "PUT",
    headers: { cookie, origin, "content-type": "application/json", "if-match": '"0"' },
    body: JSON.stringify({ body, visibility }),
  });
  if (response.status !== 200) throw new Error(`saving a note on ${session}: ${response.status} ${await response.text()}`);
}

async function notesPages(browser: Browser) {
  const cookie = await signUpOverHttp(origin, { name: "Ada Lovelace", email: `screenshots-${Date.now()}@example.invalid`, password: testPassword });
  await saveNote(cookie, slug, sample, "private");
  await saveNote(cookie, "general-session-day-1", "Moby, **LinuxKit** and Kubernetes support announced.", "public");

  for (const [width, colorScheme] of [[1440, "light"], [375, "dark"]] as const) {
    const context = await signedIn(browser, { width, colorScheme }, cookie);
    const page = await context.newPage();
    await page.goto(sessionUrl);
    await untilValue(page.getByRole("textbox", { name: /Notes for yourself/ }), sample, "the session page's note editor");
    await shoot(page, `notes-session-editor-${width}-${colorScheme}`);
    if (width === 1440) {
      await page.goto(`/${conf}/me/notes`);
      await page.getByRole("main").getByRole("article").nth(1).waitFor();
      await shoot(page, "notes-me-1440-light");
    }
    await context.close();
  }

  const noJs = await signedIn(browser, { width: 1440, colorScheme: "light", javaScriptEnabled: false }, cookie);
  const form = await noJs.newPage();
  await form.goto(`${sessionUrl}/note`);
  await untilValue(form.getByLabel("Your notes"), sample, "the note page without JavaScript");
  await shoot(form, "notes-note-page-nojs-1440-light");
  await noJs.close();

  const signedOut = await browser.newContext({ baseURL: origin, viewport: viewport(375), colorScheme: "light" });
  const signIn = await signedOut.newPage();
  await signIn.goto(`/sign-in?next=${encodeURIComponent(sessionUrl)}`);
  await signIn.getByRole("heading", { level: 1, name: "Sign in" }).waitFor();
  await shoot(signIn, "sign-in-375-light");
  await signedOut.close();
}

mkdirSync(outDir, { recursive: true });
const browser = await chromium.launch(launchOptions);
try {
  await publicPages(browser);
  await notesPages(browser);
} finally {
  await browser.close();
}
