/**
 * What one instance does, every instance shows, and nginx keeps nothing personal
 * (docs/decisions/0020-several-instances.md). Runs on the cluster only
 * (`npm run test:e2e:cluster`: PostgreSQL, Redis, two instances behind nginx);
 * A and B are the instances themselves, reached past nginx.
 */
import { expect, test } from "@playwright/test";
import { signUpOverHttp, testPassword } from "../lib/test/sign-up";
import { baseURL, newUser } from "./support/auth";
import { e2eServerEnv, onCluster } from "./support/database";
import { conf, sessions } from "./support/demo";
import { deleteConferences, insertApiToken, openingGuid, quirkyText, quirkyWith } from "./support/live-program";
import { makeOrganiser } from "./support/manage";

test.skip(!onCluster(), "needs several instances: E2E_ENGINE=postgresql (npm run test:e2e:cluster)");

const instances = () => {
  const [a, b] = e2eServerEnv().E2E_INSTANCE_URLS!.split(" ");
  return { a: a!, b: b! };
};
const sessionPath = (slug: string, conference = conf) => `/${conference}/sessions/${slug}`;
const noteApi = (slug: string) => `/api/conferences/${conf}/sessions/${slug}/note`;
/** A page's words without its markup. */
const textOf = async (response: Response) => (await response.text()).replace(/<[^>]+>/g, "");

async function putNote(origin: string, cookie: string, slug: string, note: { body: string; visibility: "public" | "private"; version: number }) {
  return fetch(`${origin}${noteApi(slug)}`, {
    method: "PUT",
    headers: { cookie, origin, "content-type": "application/json", "if-match": `"${note.version}"` },
    body: JSON.stringify({ body: note.body, visibility: note.visibility }),
  });
}

/** Polls `check` until it holds; how long that took, failing past `withinMs`. */
async function within(withinMs: number, what: string, check: () => Promise<boolean>): Promise<number> {
  const started = Date.now();
  while (!(await check())) {
    expect(Date.now() - started, what).toBeLessThan(withinMs);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return Date.now() - started;
}

test.describe("across instances", () => {
  test("a public note saved through A appears on B's session page", async () => {
    const { a, b } = instances();
    const slug = sessions[1]!.slug;
    const word = `zqcluster${Date.now().toString(36).replace(/\d/g, (d) => "abcdefghij"[Number(d)]!)}`;
    // B has the page in the shared cache before the note.
    for (let i = 0; i < 2; i++) expect(await textOf(await fetch(`${b}${sessionPath(slug)}`))).not.toContain(word);
    const cookie = await signUpOverHttp(a, newUser("note-a"));
    expect((await putNote(a, cookie, slug, { body: `Seen through A: ${word}`, visibility: "public", version: 0 })).status).toBe(200);
    const ms = await within(5_000, "B's page shows the note", async () => (await textOf(await fetch(`${b}${sessionPath(slug)}`))).includes(word));
    test.info().annotations.push({ type: "note seen on B after (ms)", description: String(ms) });
  });

  test("signed out through A, the same cookie is signed out on B", async () => {
    const { a, b } = instances();
    const cookie = await signUpOverHttp(a, newUser("sign-out"));
    const slug = sessions[0]!.slug;
    expect((await fetch(`${b}${noteApi(slug)}`, { headers: { cookie } })).status, "signed in on B first").toBe(404);
    const out = await fetch(`${a}/api/auth/sign-out`, { method: "POST", headers: { cookie, origin: a, "content-type": "application/json" }, body: "{}" });
    expect(out.status).toBe(200);
    expect((await fetch(`${b}${noteApi(slug)}`, { headers: { cookie } })).status).toBe(401);
  });

  test("a stale save through B after a save through A is refused with 412", async () => {
    const { a, b } = instances();
    const cookie = await signUpOverHttp(a, newUser("stale"));
    const slug = sessions[2]!.slug;
    const first = await putNote(a, cookie, slug, { body: "first, through A", visibility: "private", version: 0 });
    expect(first.status).toBe(200);
    const { version } = (await first.json()) as { version: number };
    expect((await putNote(a, cookie, slug, { body: "second, through A", visibility: "private", version })).status).toBe(200);
    const stale = await putNote(b, cookie, slug, { body: "from an older copy, through B", visibility: "private", version });
    expect(stale.status).toBe(412);
    expect((await putNote(b, cookie, slug, { body: "current, through B", visibility: "private", version: version + 1 })).status, "positive control").toBe(200);
  });

  test("sign-in failures made on A and on B count together", async () => {
    const { a, b } = instances();
    const user = newUser("throttle");
    await signUpOverHttp(a, user);
    const attempt = (origin: string, password: string) =>
      fetch(`${origin}/api/auth/sign-in/email`, {
        method: "POST",
        headers: { origin, "content-type": "application/json", "user-agent": `hallway-e2e-cluster/${origin}/${Date.now()}` },
        body: JSON.stringify({ email: user.email, password }),
      }).then((response) => response.status);
    for (let i = 0; i < 5; i++) expect(await attempt(a, "wrong password, guessed")).toBe(401);
    expect(await attempt(b, "wrong password, guessed"), "five on A alone do not lock the account").toBe(401);
    for (let i = 0; i < 4; i++) expect(await attempt(b, "wrong password, guessed")).toBe(401);
    // Ten failures in all, five on each: the account's limit, whichever instance counted them.
    expect(await attempt(a, testPassword)).toBe(429);
    expect(await attempt(b, testPassword)).toBe(429);
  });

  test.describe("an import", () => {
    const slug = `quirk-cluster-${Date.now().toString(36)}`;
    test.afterAll(() => deleteConferences([slug]));

    test("through A shows on B within 5 seconds", async () => {
      test.setTimeout(90_000);
      const { a, b } = instances();
      const organiser = newUser("organiser");
      await signUpOverHttp(a, organiser);
      await makeOrganiser(organiser.email);
      const { token } = insertApiToken(organiser.email);
      const put = (body: string) => fetch(`${a}/api/conferences/${slug}/program`, { method: "PUT", body, headers: { authorization: `Bearer ${token}`, "content-type": "application/json" } });
      expect((await put(quirkyText)).status).toBe(200);
      const listed = (await (await fetch(`${b}/api/conferences/${slug}/sessions`)).json()) as { sessions: { slug: string; title: string }[] };
      const opening = listed.sessions.find((s) => s.title === "Opening & Welcome")!.slug;
      for (let i = 0; i < 2; i++) expect(await textOf(await fetch(`${b}${sessionPath(opening, slug)}`))).toContain("10:00–11:30");
      expect((await put(quirkyWith([{ guid: openingGuid, start: "16:00" }]))).status).toBe(200);
      const ms = await within(5_000, "B shows the import", async () => (await textOf(await fetch(`${b}${sessionPath(opening, slug)}`))).includes("16:00–17:30"));
      test.info().annotations.push({ type: "import seen on B after (ms)", description: String(ms) });
    });
  });
});

test.describe("through nginx", () => {
  test("a public page is served from nginx's cache, and a signed-in request never is", async () => {
    const page = `${baseURL()}/${conf}/speakers`;
    let status = "";
    await within(5_000, "a second visit is a cache hit", async () => {
      status = (await fetch(page)).headers.get("x-cache-status") ?? "";
      return status === "HIT";
    });
    const cookie = await signUpOverHttp(baseURL(), newUser("nginx"));
    const signedIn = await fetch(page, { headers: { cookie } });
    expect(signedIn.status).toBe(200);
    expect(signedIn.headers.get("x-cache-status")).toBe("BYPASS");
  });

  test("a signed-in answer is never served to the next signed-out visitor", async () => {
    const user = newUser("nginx-personal");
    const cookie = await signUpOverHttp(baseURL(), user);
    const slug = sessions[3]!.slug;
    const letters = () => Date.now().toString(36).replace(/\d/g, (d) => "abcdefghij"[Number(d)]!);
    // Searched for by `word`; `secret` is what a visitor must never see (a search page repeats its query).
    const word = `zqprivate${letters()}`;
    const secret = `zqsecret${letters()}`;
    expect((await putNote(baseURL(), cookie, slug, { body: `Only mine: ${word} ${secret}`, visibility: "private", version: 0 })).status).toBe(200);
    const personal = [noteApi(slug), "/api/me", `/${conf}/agenda`, sessionPath(slug), `/${conf}/search?q=${word}`, `/api/conferences/${conf}/search?q=${word}`];
    for (const path of personal) {
      // Twice signed in, so that anything nginx stored from the first would be served to the second.
      for (let i = 0; i < 2; i++) {
        const answer = await fetch(`${baseURL()}${path}`, { headers: { cookie } });
        expect(answer.headers.get("x-cache-status"), `${path} signed in`).not.toBe("HIT");
        await answer.arrayBuffer();
      }
      const visitor = await fetch(`${baseURL()}${path}`);
      const body = await visitor.text();
      expect(body, `${path} to a visitor`).not.toContain(secret);
      expect(body, `${path} to a visitor`).not.toContain(user.name);
    }
    const mine = await (await fetch(`${baseURL()}${noteApi(slug)}`, { headers: { cookie } })).text();
    expect(mine, "positive control: the owner's own answer holds the secret").toContain(secret);
    const me = await (await fetch(`${baseURL()}/api/me`, { headers: { cookie } })).text();
    expect(me, "positive control: /api/me names the owner").toContain(user.name);
  });
});
