import { devices, expect, test, type Page } from "@playwright/test";
import { baseURL, createAccount, getNote, newUser, noteApi, sameOrigin, saveNote, sessionEmail, signIn, signUp, trySignIn, uniqueWord } from "./support/auth";
import { apiUrl, conf } from "./support/demo";

// Failed sign-ins count against this browser (address and user agent); a user agent of its own keeps them from other files' tests.
test.use({ userAgent: `${devices["Desktop Chrome"].userAgent} hallway-e2e-accounts/${Date.now()}` });

const sessionPath = `/${conf}/sessions/linuxkit-deep-dive`;
const noMatch = "That email and password don't match an account.";

async function fillSignIn(page: Page, email: string, password: string) {
  await page.getByLabel("Email", { exact: true }).fill(email);
  await page.getByLabel("Password", { exact: true }).fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

test("sign up from a session page and come back to it; sign out; sign in again", async ({ page }) => {
  const user = newUser("form");
  const header = page.getByRole("banner");

  await page.goto(sessionPath);
  await header.getByRole("link", { name: "Sign in" }).click();
  await expect(page).toHaveURL(`/sign-in?next=${encodeURIComponent(sessionPath)}`);
  await page.getByRole("link", { name: "Create an account" }).click();
  await expect(page).toHaveURL(`/sign-up?next=${encodeURIComponent(sessionPath)}`);

  await page.getByLabel("Name", { exact: true }).fill(user.name);
  await page.getByLabel("Email", { exact: true }).fill(user.email);
  await page.getByLabel("Password", { exact: true }).fill(user.password);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page).toHaveURL(sessionPath);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("LinuxKit Deep Dive");
  await expect(page.getByRole("textbox", { name: /Notes for yourself/ })).toBeVisible();
  expect(await sessionEmail(page.request)).toBe(user.email);
  // The header learns who is signed in when the page loads.
  await page.reload();
  await expect(header.getByRole("link", { name: user.name })).toHaveAttribute("href", "/account");

  await header.getByRole("link", { name: user.name }).click();
  await expect(page.getByText(`Signed in as ${user.name} (${user.email})`)).toBeVisible();
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(`/${conf}/schedule`);
  expect(await sessionEmail(page.request)).toBeNull();
  await page.reload();
  await header.getByRole("link", { name: "Sign in" }).click();
  await expect(page).toHaveURL(`/sign-in?next=${encodeURIComponent(`/${conf}/schedule`)}`);

  await fillSignIn(page, user.email, user.password);
  await expect(page).toHaveURL(`/${conf}/schedule`);
  expect(await sessionEmail(page.request)).toBe(user.email);
});

test("the header shows who is signed in straight after the forms, without a reload", async ({ page }) => {
  const user = newUser("header");
  const header = page.getByRole("banner");
  await page.goto(`/sign-up?next=${encodeURIComponent(sessionPath)}`);
  await expect(header.getByRole("link", { name: "Sign in" })).toBeVisible();
  await page.getByLabel("Name", { exact: true }).fill(user.name);
  await page.getByLabel("Email", { exact: true }).fill(user.email);
  await page.getByLabel("Password", { exact: true }).fill(user.password);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page).toHaveURL(sessionPath);
  await expect(header.getByRole("link", { name: user.name })).toBeVisible();

  await header.getByRole("link", { name: user.name }).click();
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(`/${conf}/schedule`);
  await expect(header.getByRole("link", { name: "Sign in" })).toBeVisible();
});

test("changing the password retires the old one and signs out every other session", async ({ page, context, browser }) => {
  const user = await signUp(context);
  const newPassword = "a brand new passphrase";
  const elsewhere = await browser.newContext();
  expect((await signIn(elsewhere.request, user)).status()).toBe(200);
  expect(await sessionEmail(elsewhere.request)).toBe(user.email);

  await page.goto("/account");
  const form = page.getByRole("region", { name: "Change password" });
  await form.getByLabel("Current password").fill("not my password");
  await form.getByLabel("New password").fill(newPassword);
  await form.getByRole("button", { name: "Change password" }).click();
  await expect(form.getByText("That is not your current password.")).toBeVisible();
  expect(await sessionEmail(elsewhere.request)).toBe(user.email);

  await form.getByLabel("Current password").fill(user.password);
  await form.getByLabel("New password").fill(newPassword);
  await form.getByRole("button", { name: "Change password" }).click();
  await expect.poll(() => sessionEmail(elsewhere.request)).toBeNull();

  // This browser stays signed in.
  await expect(page).toHaveURL("/account");
  expect(await sessionEmail(context.request)).toBe(user.email);
  await page.reload();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Your account");
  const elsewherePage = await elsewhere.newPage();
  await elsewherePage.goto("/account");
  await expect(elsewherePage).toHaveURL("/sign-in?next=%2Faccount");
  await elsewhere.close();

  expect((await trySignIn(user)).status).toBe(401);
  expect((await trySignIn({ ...user, password: newPassword })).status).toBe(200);
});

test("changing the password says so", async ({ page, context }) => {
  const user = await signUp(context);
  await page.goto("/account");
  const form = page.getByRole("region", { name: "Change password" });
  await form.getByLabel("Current password").fill(user.password);
  await form.getByLabel("New password").fill("a brand new passphrase");
  await form.getByRole("button", { name: "Change password" }).click();
  await expect(form.getByRole("status")).toHaveText("Password changed. You were signed out everywhere else.");
});

test("changing the display name shows on the account page and under public notes", async ({ page, context }) => {
  const user = await signUp(context, { label: "rename" });
  // A session whose public notes no other test counts; the note is deleted at the end.
  const slug = "taking-docker-to-production-what-you-need-to-know-and-decide";
  const word = uniqueWord();
  await saveNote(context.request, slug, { body: `Renamed author ${word}`, visibility: "public" });
  await page.goto(`/${conf}/sessions/${slug}`);
  await expect(page.getByText(user.name).first()).toBeVisible();

  await page.goto("/account");
  const form = page.getByRole("region", { name: "Your name" });
  await form.getByLabel("Display name").fill("   ");
  await form.getByRole("button", { name: "Save name" }).click();
  await expect(form.getByText("Enter the name other attendees will see")).toBeVisible();

  const newName = `Grace ${word}`;
  await form.getByLabel("Display name").fill(newName);
  await form.getByRole("button", { name: "Save name" }).click();
  await expect(form.getByRole("status")).toHaveText("Name changed. Your public notes show it now.");
  await expect(page.getByText(`Signed in as ${newName} (${user.email})`)).toBeVisible();

  const visitor = await page.context().browser()!.newContext();
  const visitorPage = await visitor.newPage();
  await visitorPage.goto(`${baseURL()}/${conf}/sessions/${slug}`);
  await expect(visitorPage.getByRole("main")).toContainText(newName);
  await expect(visitorPage.getByRole("main")).not.toContainText(user.name);
  await visitor.close();
  expect((await context.request.delete(noteApi(slug), { headers: sameOrigin() })).status()).toBe(204);
});

test("sign-up explains a short password and accepts a long passphrase", async ({ page }) => {
  const user = newUser("validation", { password: "a".repeat(7) });
  await page.goto("/sign-up");
  await page.getByLabel("Name", { exact: true }).fill(user.name);
  await page.getByLabel("Email", { exact: true }).fill(user.email);
  await page.getByLabel("Password", { exact: true }).fill(user.password);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.locator("#password-error")).toContainText("at least 8 characters");
  await expect(page.getByLabel("Password", { exact: true })).toHaveAttribute("aria-invalid", "true");
  await expect(page).toHaveURL("/sign-up");

  const passphrase = "the quick brown fox jumps over the lazy dog ".repeat(5).slice(0, 200);
  expect(passphrase).toHaveLength(200);
  await page.getByLabel("Name", { exact: true }).fill(user.name);
  await page.getByLabel("Email", { exact: true }).fill(user.email);
  await page.getByLabel("Password", { exact: true }).fill(passphrase);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page).toHaveURL(`/${conf}/schedule`);
  expect(await sessionEmail(page.request)).toBe(user.email);
  expect((await trySignIn({ email: user.email, password: passphrase })).status).toBe(200);
});

test("a wrong password and an unknown email get the same answer", async ({ page }) => {
  const user = await createAccount();
  const unknown = newUser("nobody").email;

  await page.goto("/sign-in");
  const alert = page.locator("main").getByRole("alert");
  await fillSignIn(page, user.email, "wrong password");
  await expect(alert).toHaveText(noMatch);
  await expect(page.getByLabel("Email", { exact: true })).toHaveValue(user.email);
  await fillSignIn(page, unknown, "wrong password");
  await expect(alert).toHaveText(noMatch);
  expect(await sessionEmail(page.request)).toBeNull();

  const wrong = await trySignIn({ email: user.email, password: "wrong password" });
  const missing = await trySignIn({ email: unknown, password: "wrong password" });
  expect(wrong.status).toBe(401);
  expect(missing).toEqual(wrong);
});

test("pages that need an account send a visitor to sign in and back", async ({ page, context }) => {
  const user = await createAccount();
  const pages = [
    { path: "/account", heading: "Your account" },
    { path: `/${conf}/me/notes`, heading: "Your notes" },
    { path: `${sessionPath}/note`, heading: "Your notes" },
  ];
  for (const { path, heading } of pages) {
    await context.clearCookies();
    await page.goto(path);
    await expect(page).toHaveURL(`/sign-in?next=${encodeURIComponent(path)}`);
    await fillSignIn(page, user.email, user.password);
    await expect(page).toHaveURL(path);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(heading);
  }
});

/** Where the signed-in sign-in page sends a browser for this `next`, resolved as a browser would. */
async function returnTarget(page: Page, next: string): Promise<URL> {
  const response = await page.request.get(`/sign-in?next=${encodeURIComponent(next)}`, { maxRedirects: 0 });
  expect(response.status()).toBe(307);
  return new URL(response.headers().location ?? "", baseURL());
}

test("after signing in, `next` never leads to another site", async ({ page, context }) => {
  const user = await signUp(context);
  const site = new URL(baseURL()).origin;
  for (const next of ["//evil.example/", "/\\evil.example/", "https://evil.example/", "http:evil.example", "/%2F%2Fevil.example"]) {
    expect((await returnTarget(page, next)).origin, next).toBe(site);
  }
  expect((await returnTarget(page, "/account?tab=x#top")).href).toBe(`${site}/account?tab=x#top`);

  await context.clearCookies();
  await page.goto(`/sign-in?next=${encodeURIComponent("//evil.example/")}`);
  await fillSignIn(page, user.email, user.password);
  await expect(page).toHaveURL(`/${conf}/schedule`);
});

test("after signing in, `next` with a tab hidden in it never leads to another site", async ({ page, context }) => {
  const user = await signUp(context);
  expect((await returnTarget(page, "/\t/evil.example/")).origin).toBe(new URL(baseURL()).origin);

  await context.clearCookies();
  await page.route("http://evil.example/**", (route) => route.fulfill({ contentType: "text/html", body: "<h1>Not Hallway</h1>" }));
  await page.goto(`/sign-in?next=${encodeURIComponent("/\t/evil.example/")}`);
  await fillSignIn(page, user.email, user.password);
  await expect(page).toHaveURL(new RegExp(`^${baseURL()}/`));
});

test("deleting the account needs the password and the box ticked, and takes the notes with it", async ({ page, context, request }) => {
  const user = await signUp(context, { name: `Leaving ${uniqueWord("u")}` });
  const word = uniqueWord();
  const slug = "my-journey-to-go";
  await saveNote(context.request, slug, { body: `Shared thought: ${word}`, visibility: "public" });
  await saveNote(context.request, "general-session-day-2", { body: `Only for me: ${word}` });

  // The public note is on the page before, so its absence afterwards means something.
  const notes = page.getByRole("region", { name: /Attendee notes/ });
  await expect(async () => {
    await page.goto(`/${conf}/sessions/${slug}`);
    await expect(notes).toContainText(word, { timeout: 1000 });
  }).toPass();
  await expect(notes).toContainText(user.name);

  await page.goto("/account");
  const form = page.getByRole("region", { name: "Delete account" });
  const submit = form.getByRole("button", { name: "Delete my account and notes" });
  await submit.click();
  await expect(form.getByText("Enter your password to confirm")).toBeVisible();
  await form.getByLabel("Password").fill(user.password);
  await submit.click();
  await expect(form.getByText("Tick the box to confirm that your notes will be deleted")).toBeVisible();
  // A refused attempt clears the form (React resets it once the action settles, which can land just after the errors show).
  await expect(form.getByLabel("Password")).toHaveValue("");
  await form.getByLabel("Password").fill("not the password");
  await form.getByRole("checkbox").check();
  await submit.click();
  await expect(form.getByText("That password is not right; nothing was deleted.")).toBeVisible();
  expect(await getNote(context.request, slug)).not.toBeNull();

  await expect(form.getByLabel("Password")).toHaveValue("");
  await form.getByLabel("Password").fill(user.password);
  await form.getByRole("checkbox").check();
  await submit.click();
  await expect(page).toHaveURL(`/${conf}/schedule`);
  expect(await sessionEmail(context.request)).toBeNull();

  await page.goto(`/${conf}/sessions/${slug}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("My Journey to Go");
  await expect(notes).not.toContainText(word);
  await expect(notes).not.toContainText(user.name);
  const detail = await (await request.get(`${apiUrl}/sessions/${slug}`)).json();
  expect(JSON.stringify(detail.publicNotes)).not.toContain(word);
  const found = await (await request.get(`${apiUrl}/sessions?q=${word}`)).json();
  expect(found.sessions).toEqual([]);
  expect((await trySignIn(user)).status).toBe(401);
});
