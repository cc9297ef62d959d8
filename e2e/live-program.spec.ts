import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { expect, request, test, type APIRequestContext, type Locator, type Page } from "@playwright/test";
import { baseURL, createAccount, evilOrigin, sameOrigin, signIn, type TestUser } from "./support/auth";
import { conf } from "./support/demo";
import { e2eServerEnv } from "./support/database";
import { serverArgs } from "../scripts/build-state";
import { badgeGuid, deleteConferences, insertApiToken, openingGuid, quirkyText, quirkyWith, revokeTokenRow, root, runScript } from "./support/live-program";

/**
 * Opens `url` until `locator` shows `text`: at once on one server; behind nginx (the
 * cluster run) a page may be kept up to two seconds, within the five an import promises.
 */
async function showsSoon(page: Page, url: string, locator: Locator, text: string) {
  await expect(async () => {
    await page.goto(url);
    await expect(locator).toContainText(text, { timeout: 500 });
  }).toPass({ timeout: 5_000 });
}

const live = "quirk-live";
const programUrl = (slug = live, query = "") => `/api/conferences/${slug}/program${query}`;
const json = { "Content-Type": "application/json" };

let organiser: TestUser;
let attendee: TestUser;
let token: string;

async function signedIn(user: TestUser): Promise<APIRequestContext> {
  const context = await request.newContext({ baseURL: baseURL() });
  expect((await signIn(context, user)).status()).toBe(200);
  return context;
}

/** What the public sees of a conference: its sessions and its changes. */
async function publicState(api: APIRequestContext, slug = live) {
  const sessions = await api.get(`/api/conferences/${slug}/sessions`);
  const changes = await api.get(`/api/conferences/${slug}/changes`);
  return { sessions: sessions.status() === 200 ? await sessions.json() : sessions.status(), changes: changes.status() === 200 ? await changes.json() : changes.status() };
}

async function slugOf(api: APIRequestContext, title: string, slug = live) {
  const { sessions } = (await (await api.get(`/api/conferences/${slug}/sessions`)).json()) as { sessions: { slug: string; title: string }[] };
  return sessions.find((s) => s.title === title)!.slug;
}

test.describe.serial("a live program", () => {
  test.beforeAll(async () => {
    test.setTimeout(120_000);
    organiser = await createAccount({ label: "organiser" });
    attendee = await createAccount({ label: "attendee" });
    const made = await runScript("db.ts", ["organiser", "add", organiser.email]);
    expect(made, made.stderr).toMatchObject({ code: 0, stdout: `${organiser.email} is now an organiser.\n` });
    token = insertApiToken(organiser.email).token;
  });

  test.afterAll(() => deleteConferences([live, "quirk-cli"]));

  test("PUT a program: organiser cookie or token yes; signed out, attendee, cross-origin and revoked token no", async ({ request: anonymous }) => {
    const signedOut = await anonymous.put(programUrl(), { data: quirkyText, headers: json });
    expect(signedOut.status()).toBe(401);
    expect(await signedOut.json()).toEqual({ error: expect.stringMatching(/Sign in as an organiser/) });

    const asAttendee = await signedIn(attendee);
    const refused = await asAttendee.put(programUrl(), { data: quirkyText, headers: { ...json, ...sameOrigin() } });
    expect(refused.status()).toBe(403);
    expect((await refused.json()).error).toMatch(/Only organisers/);
    await asAttendee.dispose();

    const asOrganiser = await signedIn(organiser);
    const crossOrigin = await asOrganiser.put(programUrl(), { data: quirkyText, headers: { ...json, Origin: evilOrigin } });
    expect(crossOrigin.status()).toBe(403);
    expect((await anonymous.get(`/api/conferences/${live}`)).status(), "nothing was created by the refused uploads").toBe(404);

    const created = await asOrganiser.put(programUrl(), { data: quirkyText, headers: { ...json, ...sameOrigin() } });
    expect(created.status(), await created.text()).toBe(200);
    const changeSet = await created.json();
    expect(Object.keys(changeSet)).toEqual(["added", "changed", "cancelled", "restored"]);
    expect(changeSet.added).toHaveLength(6);
    await asOrganiser.dispose();
    expect((await (await anonymous.get(`/api/conferences/${live}`)).json()).name).toBe("Quirk Camp 2019");

    const withToken = await anonymous.put(programUrl(), { data: quirkyText, headers: { ...json, Authorization: `Bearer ${token}` } });
    expect(withToken.status()).toBe(200);
    expect(await withToken.json()).toEqual({ added: [], changed: [], cancelled: [], restored: [] });

    const revoked = insertApiToken(organiser.email, "to revoke");
    expect((await anonymous.put(programUrl(), { data: quirkyText, headers: { Authorization: `Bearer ${revoked.token}` } })).status()).toBe(200);
    revokeTokenRow(revoked.id);
    const afterRevoke = await anonymous.put(programUrl(), { data: quirkyText, headers: { Authorization: `Bearer ${revoked.token}` } });
    expect(afterRevoke.status()).toBe(401);
    expect((await afterRevoke.json()).error).toBe("That API token was revoked");
  });

  test("a dry run, and malformed, hostile or oversized uploads, change nothing", async ({ request: api }) => {
    test.setTimeout(90_000);
    const auth = { Authorization: `Bearer ${token}` };
    const before = await publicState(api);
    const opening = await slugOf(api, "Opening & Welcome");

    const dry = await api.put(programUrl(live, "?dryRun=1"), { data: quirkyWith([{ guid: openingGuid, start: "15:00" }]), headers: auth });
    expect(dry.status()).toBe(200);
    expect(await dry.json()).toEqual({
      added: [],
      changed: [{ slug: opening, fields: { startsAt: ["2019-08-21T08:00:00.000Z", "2019-08-21T13:00:00.000Z"], endsAt: ["2019-08-21T09:30:00.000Z", "2019-08-21T14:30:00.000Z"] } }],
      cancelled: [],
      restored: [],
    });
    expect(await publicState(api)).toEqual(before);

    const entities = ['<!ENTITY a "aaaaaaaaaa">', ...Array.from({ length: 8 }, (_, i) => `<!ENTITY ${"b".repeat(i + 1)} "${`&${i === 0 ? "a" : "b".repeat(i)};`.repeat(10)}">`)];
    const bomb = `<?xml version="1.0"?>\n<!DOCTYPE schedule [${entities.join("")}]>\n<schedule><conference><title>&bbbbbbbb;</title></conference></schedule>`;
    const hostile: [string, string | Buffer, number, RegExp][] = [
      ["truncated JSON", quirkyText.slice(0, 900), 400, /^line \d+, column \d+: invalid JSON/],
      ["an iCalendar file", "BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n", 400, /iCalendar feed holds no conference program/],
      ["plain text", "hello", 400, /neither JSON nor XML/],
      ["an XML entity bomb", bomb, 400, /declares an entity/],
      ["JSON nested 10,000 deep", `{"schedule": ${"[".repeat(10_000)}${"]".repeat(10_000)}}`, 400, /schedule: must be an object/],
      ["a 25 MB body", Buffer.alloc(25 * 1024 * 1024, 0x20), 413, /larger than the limit of 20 MB/],
      ["an empty body", "", 400, /body is empty/],
    ];
    for (const [what, body, status, error] of hostile) {
      const response = await api.put(programUrl(), { data: body, headers: auth });
      expect(response.status(), what).toBe(status);
      expect((await response.json()).error, what).toMatch(error);
    }
    expect((await api.put(programUrl(live, "?dryRun=maybe"), { data: quirkyText, headers: auth })).status()).toBe(400);
    expect(await publicState(api)).toEqual(before);
  });

  test("an applied change shows on the session page, on /changes and in the API", async ({ page, request: api }) => {
    const opening = await slugOf(api, "Opening & Welcome");
    const badge = await slugOf(api, "Solder Your Badge");
    const since = new Date(Date.now() - 1000).toISOString();
    await page.goto(`/${live}/sessions/${badge}`);
    await expect(page.getByRole("region", { name: "Program changes" })).toHaveCount(0);

    const changed = [{ guid: openingGuid, start: "15:00" }, { guid: badgeGuid, start: "16:00", room: "Saal 1", title: "Solder Your Own Badge" }];
    const moved = await api.put(programUrl(), { data: quirkyWith(changed), headers: { Authorization: `Bearer ${token}` } });
    expect(moved.status()).toBe(200);
    expect((await moved.json()).changed.map((c: { slug: string }) => c.slug).sort()).toEqual([badge, opening].sort());

    const changes = page.getByRole("region", { name: "Program changes" });
    await showsSoon(page, `/${live}/sessions/${badge}`, changes, "Moved from Wed 14:00, Workshop Tent, to Wed 16:00, Saal 1; Renamed from “Solder Your Badge”; updated just now");
    await expect(page.locator("dl")).toContainText("16:00–18:00");
    await showsSoon(page, `/${live}/sessions/${opening}`, changes, "Moved from Wed 10:00 to Wed 15:00; updated just now");

    const renamed = page.getByRole("listitem").filter({ hasText: "Solder Your Own Badge" });
    await showsSoon(page, `/${live}/changes`, renamed, "Renamed from “Solder Your Badge”; updated just now");
    await expect(page.getByRole("heading", { name: "Program changes" })).toBeVisible();
    await page.getByRole("link", { name: "Opening & Welcome" }).click();
    await expect(page).toHaveURL(new RegExp(`/${live}/sessions/${opening}$`));

    const recent = await api.get(`/api/conferences/${live}/changes?since=${encodeURIComponent(since)}`);
    expect(recent.status()).toBe(200);
    const body = (await recent.json()) as { changes: { session: string; kind: string; fields: Record<string, unknown>; at: string; url: string }[] };
    expect(body.changes.map((c) => c.session).sort()).toEqual([badge, opening].sort());
    const openingChange = body.changes.find((c) => c.session === opening)!;
    expect(openingChange).toMatchObject({ kind: "changed", url: `/${live}/sessions/${opening}`, fields: { startsAt: ["2019-08-21T08:00:00.000Z", "2019-08-21T13:00:00.000Z"] } });
    const later = await api.get(`/api/conferences/${live}/changes?since=${encodeURIComponent(new Date(Date.parse(openingChange.at) + 1).toISOString())}`);
    expect((await later.json()).changes).toEqual([]);
    const bad = await api.get(`/api/conferences/${live}/changes?since=yesterday`);
    expect(bad.status()).toBe(400);
    expect((await bad.json()).error).toMatch(/^since must be a date and time/);
  });

  test("npm run import works beside the running server while it is under load", async ({ request: api }) => {
    test.setTimeout(120_000);
    const paths = [`/${conf}/schedule`, `/api/conferences/${conf}/sessions`, `/${conf}/sessions/linuxkit-deep-dive`, `/${live}/speakers`, `/api/conferences/${live}`];
    const statuses: number[] = [];
    let importing = true;
    const worker = async () => {
      for (let i = 0; statuses.length < 400 && (importing || i < 20); i += 1) {
        const response = await api.get(paths[statuses.length % paths.length]!);
        statuses.push(response.status());
      }
    };
    const fixture = path.join(root, "lib/interop/fixtures/quirky-frab.json");
    const load = Promise.all([worker(), worker(), worker(), worker()]);
    const first = await runScript("import.ts", [fixture, "--conference-slug", "quirk-cli"]);
    const again = await runScript("import.ts", [fixture, "--conference-slug", "quirk-cli"]);
    importing = false;
    await load;
    expect(first, first.stderr).toMatchObject({ code: 0, stdout: expect.stringMatching(/^Quirk Camp 2019 \(quirk-cli\): 6 added, 0 changed, 0 cancelled/) });
    expect(again.stdout).toMatch(/^Quirk Camp 2019 \(quirk-cli\): 0 added, 0 changed, 0 cancelled \(kept with their notes\), 6 unchanged/);
    expect(statuses.length).toBeGreaterThan(20);
    expect(statuses.filter((s) => s !== 200), "every request during the import answered").toEqual([]);
    expect((await api.get("/api/conferences/quirk-cli")).status()).toBe(200);
  });

  test.describe("seen at once", () => {
    let second: ChildProcess | undefined;
    let secondURL = "";

    test.beforeAll(async () => {
      test.setTimeout(120_000);
      // E2E_SECOND_PORT, or ten above the first server's.
      secondURL = `http://127.0.0.1:${process.env.E2E_SECOND_PORT ?? Number(new URL(baseURL()).port) + 10}`;
      // A second server process on the same database, with the micro-cache on as in production.
      second = spawn(process.execPath, serverArgs(e2eServerEnv().NEXT_DIST_DIR), {
        cwd: root,
        env: { ...process.env, ...e2eServerEnv(), PORT: new URL(secondURL).port, HOSTNAME: "127.0.0.1", NEXT_TELEMETRY_DISABLED: "1" },
        stdio: "ignore",
      });
      const deadline = Date.now() + 90_000;
      for (;;) {
        try {
          if ((await fetch(`${secondURL}/api/conferences/${live}`)).ok) break;
        } catch {
          // Not listening yet.
        }
        if (Date.now() > deadline) throw new Error(`the second server did not start on ${secondURL}`);
        await new Promise((resolve) => setTimeout(resolve, 250));
      }
    });

    test.afterAll(() => {
      second?.kill("SIGTERM");
    });

    test("an import through either process, or the CLI, shows on both within 5 seconds", async ({ browser, request: api }) => {
      test.setTimeout(90_000);
      const opening = await slugOf(api, "Opening & Welcome");
      // The badge workshop stays where the previous test moved it.
      const moves = [{ guid: badgeGuid, start: "16:00", room: "Saal 1", title: "Solder Your Own Badge" }];
      const here = await (await browser.newContext({ baseURL: baseURL() })).newPage();
      const there = await (await browser.newContext({ baseURL: secondURL })).newPage();
      for (const page of [here, there]) {
        // Twice, so each process has the page cached (and the second its micro-cache too).
        await page.goto(`/${live}/sessions/${opening}`);
        await page.reload();
        await expect(page.locator("dl")).toContainText("15:00–16:30");
      }

      const seenWithin = async (expected: string) => {
        const started = Date.now();
        for (const page of [here, there]) {
          for (;;) {
            await page.reload();
            if ((await page.locator("dl").textContent())?.includes(expected)) break;
            expect(Date.now() - started, `${page === here ? "this" : "the other"} server shows ${expected}`).toBeLessThan(5_000);
            await page.waitForTimeout(200);
          }
        }
        return Date.now() - started;
      };

      const file = await writeProgram(quirkyWith([{ guid: openingGuid, start: "16:00" }, ...moves]));
      const cli = await runScript("import.ts", [file, "--conference-slug", live]);
      expect(cli.code, cli.stderr).toBe(0);
      const seen = [await seenWithin("16:00–17:30")];

      const viaSecond = await fetch(`${secondURL}${programUrl()}`, { method: "PUT", body: quirkyWith([{ guid: openingGuid, start: "17:00" }, ...moves]), headers: { Authorization: `Bearer ${token}` } });
      expect(viaSecond.status).toBe(200);
      seen.push(await seenWithin("17:00–18:30"));

      const viaFirst = await api.put(programUrl(), { data: quirkyWith([{ guid: openingGuid, start: "11:00" }, ...moves]), headers: { Authorization: `Bearer ${token}` } });
      expect(viaFirst.status()).toBe(200);
      seen.push(await seenWithin("11:00–12:30"));
      test.info().annotations.push({ type: "seen on both servers after (ms)", description: seen.join(", ") });
      console.log(`seen on both servers after: CLI ${seen[0]} ms, HTTP via the other process ${seen[1]} ms, HTTP via this one ${seen[2]} ms`);
      const apiThere = await (await fetch(`${secondURL}/api/conferences/${live}/sessions/${opening}`)).json();
      expect(apiThere.startsAt).toBe("2019-08-21T09:00:00.000Z");
    });
  });
});

async function writeProgram(text: string): Promise<string> {
  const { mkdtempSync, writeFileSync } = await import("node:fs");
  const { tmpdir } = await import("node:os");
  const file = path.join(mkdtempSync(path.join(tmpdir(), "hallway-live-")), "schedule.json");
  writeFileSync(file, text);
  return file;
}
