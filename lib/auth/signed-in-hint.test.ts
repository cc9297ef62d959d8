import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { setupTestDatabase } from "../test/database";

await setupTestDatabase();
const { auth } = await import("./auth");
const { hasSignedInHint, signedInHintName } = await import("./signed-in-hint");

const context = await auth.$context;
const sessionName = context.authCookies.sessionToken.name;

/** The Set-Cookie line for one cookie, or undefined. */
const line = (headers: Headers, name: string) => headers.getSetCookie().find((l) => l.startsWith(`${name}=`));
const pair = (setCookie: string) => setCookie.split(";")[0]!;
let accounts = 0;

async function signUp() {
  accounts += 1;
  const { headers } = await auth.api.signUpEmail({
    body: { name: `Hinted ${accounts}`, email: `hinted-${accounts}@example.invalid`, password: "a long enough passphrase" },
    returnHeaders: true,
  });
  return headers;
}

describe("the signed-in hint", () => {
  it("is set with the session cookie at sign-up and sign-in, readable by the page, and carries nothing", async () => {
    const signedUp = await signUp();
    const hint = line(signedUp, signedInHintName);
    assert.ok(line(signedUp, sessionName) && hint, "both cookies are set");
    assert.equal(pair(hint), `${signedInHintName}=1`);
    assert.doesNotMatch(hint, /HttpOnly/i);
    assert.match(hint, /Max-Age=\d{6,}/);
    assert.match(hint, /Path=\//);

    const { headers } = await auth.api.signInEmail({ body: { email: `hinted-${accounts}@example.invalid`, password: "a long enough passphrase" }, returnHeaders: true });
    assert.equal(pair(line(headers, signedInHintName) ?? ""), `${signedInHintName}=1`);
  });

  it("is not set by a failed sign-in", async () => {
    await signUp();
    const response = await auth.api.signInEmail({ body: { email: `hinted-${accounts}@example.invalid`, password: "not the passphrase" }, asResponse: true });
    assert.equal(response.status, 401);
    assert.equal(line(response.headers, signedInHintName), undefined);
  });

  it("is cleared at sign-out, and when get-session finds the session gone", async () => {
    const signedUp = await signUp();
    const cookie = pair(line(signedUp, sessionName)!);
    const out = await auth.api.signOut({ headers: new Headers({ cookie }), returnHeaders: true });
    const cleared = line(out.headers, signedInHintName);
    assert.ok(cleared, "sign-out clears the hint");
    assert.match(cleared, /Max-Age=0/);

    // The same cookie replayed (as another device would, after a password change there).
    const replayed = await auth.api.getSession({ headers: new Headers({ cookie }), returnHeaders: true });
    assert.equal(replayed.response, null);
    assert.match(line(replayed.headers, signedInHintName) ?? "", /Max-Age=0/);
  });

  it("is read from a Cookie header by name and value", () => {
    assert.equal(hasSignedInHint(`a=1; ${signedInHintName}=1`), true);
    assert.equal(hasSignedInHint(`${signedInHintName}=`), false);
    assert.equal(hasSignedInHint(`x${signedInHintName}=1`), false);
    assert.equal(hasSignedInHint(""), false);
  });
});
