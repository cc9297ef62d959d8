import assert from "node:assert/strict";
import { createHmac } from "node:crypto";
import { afterEach, before, describe, it, mock } from "node:test";
import { setupTestDatabase } from "../test/database";

await setupTestDatabase();
const { db } = await import("../db/client");
const { auth } = await import("./auth");
const { getViewerFromRequest } = await import("./request-viewer");
const { readCookie, verifySignedValue } = await import("./session-cookie");

const context = await auth.$context;
const cookieName = context.authCookies.sessionToken.name;
let accounts = 0;

/** A new account, signed in: its id and the `name=value` its session cookie is sent as. */
async function signedIn() {
  accounts += 1;
  const { headers, response } = await auth.api.signUpEmail({
    body: { name: `Reader ${accounts}`, email: `reader-${accounts}@example.invalid`, password: "a long enough passphrase" },
    returnHeaders: true,
  });
  const cookie = headers.getSetCookie().map((line) => line.split(";")[0]!).find((pair) => pair.startsWith(`${cookieName}=`));
  assert.ok(cookie && response.token, "sign-up signs in");
  return { userId: response.user.id, cookie, token: response.token };
}

const request = (cookie?: string) => new Request("http://localhost/api/x", { headers: cookie ? { cookie } : {} });
/** What better-auth itself says about these cookies: the reference every case is held to. */
const betterAuthSays = async (cookie: string) => (await auth.api.getSession({ headers: new Headers({ cookie }) }))?.user.id ?? null;
const sign = (value: string, secret: string) => `${value}.${createHmac("sha256", secret).update(value).digest("base64")}`;

describe("getViewerFromRequest", () => {
  let getSession: ReturnType<typeof mock.method>;
  before(() => {
    getSession = mock.method(auth.api, "getSession");
  });
  afterEach(() => getSession.mock.resetCalls());

  it("knows a live session from the table alone, as better-auth does", async () => {
    const { userId, cookie } = await signedIn();
    const viewer = await getViewerFromRequest(request(`theme=dark; ${cookie}; other=1`));
    assert.equal(viewer?.id, userId);
    assert.equal(viewer?.email, `reader-${accounts}@example.invalid`);
    assert.equal(getSession.mock.callCount(), 0);
    assert.equal(await betterAuthSays(cookie), userId);
  });

  it("is signed out without cookies, without asking better-auth", async () => {
    assert.equal(await getViewerFromRequest(request()), null);
    assert.equal(getSession.mock.callCount(), 0);
  });

  it("is signed out with other cookies only (a stale signed-in hint), without asking better-auth", async () => {
    const others = "hallway.signed_in=1; theme=dark";
    assert.equal(await getViewerFromRequest(request(others)), null);
    assert.equal(getSession.mock.callCount(), 0);
    assert.equal(await betterAuthSays(others), null);
  });

  it("refuses what better-auth refuses: tampered, foreign-signed, unsigned, unknown", async () => {
    const { cookie, token } = await signedIn();
    // The signature's first character: all six of its bits count. (Its last one before the "="
    // carries two unused bits, so A and B there decode to the same signature.)
    const signed = decodeURIComponent(cookie.slice(cookieName.length + 1));
    const at = signed.lastIndexOf(".") + 1;
    const tampered = `${cookieName}=${encodeURIComponent(signed.slice(0, at) + (signed[at] === "A" ? "B" : "A") + signed.slice(at + 1))}`;
    assert.notEqual(tampered, cookie);
    const cases = [
      tampered,
      `${cookieName}=${encodeURIComponent(sign(token, "some other secret, thirty-two characters long"))}`,
      `${cookieName}=${token}`,
      `${cookieName}=${encodeURIComponent(sign("no-such-token", context.secret))}`,
    ];
    for (const forged of cases) {
      assert.equal(await getViewerFromRequest(request(forged)), null, forged);
      assert.equal(await betterAuthSays(forged), null, forged);
    }
  });

  it("is signed out the moment the session is revoked (sign-out; a replayed cookie)", async () => {
    const { userId, cookie } = await signedIn();
    assert.equal((await getViewerFromRequest(request(cookie)))?.id, userId);
    await auth.api.signOut({ headers: new Headers({ cookie }) });
    assert.equal(await getViewerFromRequest(request(cookie)), null);
    assert.equal(await betterAuthSays(cookie), null);
  });

  it("is signed out when the session has expired or its user is gone", async () => {
    const expired = await signedIn();
    await db.authSession.update({ where: { token: expired.token }, data: { expiresAt: new Date(Date.now() - 1000) } });
    assert.equal(await getViewerFromRequest(request(expired.cookie)), null);

    const deleted = await signedIn();
    await db.user.delete({ where: { id: deleted.userId } });
    assert.equal(await getViewerFromRequest(request(deleted.cookie)), null);
    assert.equal(await betterAuthSays(deleted.cookie), null);
  });

  it("leaves a session due for its refresh to better-auth, which pushes the expiry back", async () => {
    const { userId, cookie, token } = await signedIn();
    const { expiresIn, updateAge } = context.sessionConfig;
    // Last refreshed a minute more than updateAge ago.
    const due = new Date(Date.now() + (expiresIn - updateAge - 60) * 1000);
    await db.authSession.update({ where: { token }, data: { expiresAt: due } });
    assert.equal((await getViewerFromRequest(request(cookie)))?.id, userId);
    assert.equal(getSession.mock.callCount(), 1);
    const refreshed = await db.authSession.findUniqueOrThrow({ where: { token } });
    assert.ok(refreshed.expiresAt > due);
  });

  it("takes the first of two session cookies, as better-auth does", async () => {
    const first = await signedIn();
    const second = await signedIn();
    const both = `${first.cookie}; ${second.cookie}`;
    assert.equal((await getViewerFromRequest(request(both)))?.id, first.userId);
    assert.equal(await betterAuthSays(both), first.userId);
  });
});

describe("readCookie", () => {
  it("reads a cookie the way better-call's parseCookies does", () => {
    assert.equal(readCookie("a=1; b=2", "b"), "2");
    assert.equal(readCookie("a=1;b=2;a=3", "a"), "1");
    assert.equal(readCookie(' b = "x%2By%3D" ', "b"), "x+y=");
    assert.equal(readCookie("lonely; b=2", "b"), "2");
    assert.equal(readCookie("b=%E0%A4%A", "b"), "%E0%A4%A");
    assert.equal(readCookie("ab=1", "b"), null);
    assert.equal(readCookie("", "b"), null);
  });
});

describe("verifySignedValue", () => {
  const secret = "a test secret that is long enough";
  it("returns the value only when the signature is the secret's", () => {
    assert.equal(verifySignedValue(sign("token.with.dots", secret), secret), "token.with.dots");
    assert.equal(verifySignedValue(sign("token", secret), `${secret}!`), null);
    assert.equal(verifySignedValue(sign("token", secret).replace(/=$/, ""), secret), null);
    assert.equal(verifySignedValue(`.${sign("token", secret).split(".")[1]}`, secret), null);
    assert.equal(verifySignedValue("token", secret), null);
    assert.equal(verifySignedValue(`token.${"*".repeat(43)}=`, secret), null);
  });
});
