import assert from "node:assert/strict";
import { before, describe, it } from "node:test";
import { setupTestDatabase } from "../test/database";
import { createTestUser } from "../test/users";

await setupTestDatabase();
const { db } = await import("../db/client");
const { createApiToken, hashApiToken, listApiTokens, organiserFromApiToken, revokeApiToken } = await import("./api-tokens");
const { authenticateOrganiser } = await import("./authenticate");

const organiser = { id: "org-1", name: "Olga Organiser", email: "olga@example.org" };
const other = { id: "org-2", name: "Otto Organiser", email: "otto@example.org" };
const attendee = { id: "att-1", name: "Anna Attendee", email: "anna@example.org" };

before(async () => {
  for (const user of [organiser, other, attendee]) await createTestUser(db, user);
  await db.user.updateMany({ where: { id: { in: [organiser.id, other.id] } }, data: { organiser: true } });
});

const put = (headers: Record<string, string>) => new Request("http://hallway.test/api/conferences/x/program", { method: "PUT", headers, body: "{}" });

describe("API tokens", () => {
  it("are made only for organisers, shown once and stored hashed", async () => {
    assert.equal(await createApiToken(attendee, "ci"), null);
    const made = await createApiToken(organiser, "  CI job  ");
    assert.ok(made);
    assert.match(made.token, /^hwy_[A-Za-z0-9_-]{43}$/);
    assert.equal(made.apiToken.name, "CI job");
    const row = await db.apiToken.findUniqueOrThrow({ where: { id: made.apiToken.id } });
    assert.equal(row.tokenHash, hashApiToken(made.token));
    assert.ok(!JSON.stringify(row).includes(made.token.slice(4)), "the plaintext is stored nowhere");
    assert.deepEqual((await listApiTokens(organiser)).map((t) => t.name), ["CI job"]);
    assert.deepEqual(await listApiTokens(other), []);
  });

  it("authenticate their owner until revoked, and only the owner can revoke", async () => {
    const made = (await createApiToken(organiser, "webhook"))!;
    const check = await organiserFromApiToken(made.token);
    assert.deepEqual(check, { ok: true, organiser });
    assert.ok((await db.apiToken.findUniqueOrThrow({ where: { id: made.apiToken.id } })).lastUsedAt);

    assert.equal(await revokeApiToken(other, made.apiToken.id), false, "another organiser cannot revoke it");
    assert.equal((await organiserFromApiToken(made.token)).ok, true, "and it still works");
    assert.equal(await revokeApiToken(organiser, made.apiToken.id), true);
    assert.deepEqual(await organiserFromApiToken(made.token), { ok: false, status: 401, error: "That API token was revoked" });
    assert.equal(await revokeApiToken(organiser, made.apiToken.id), false, "revoked once");
  });

  it("stop working when their owner is no longer an organiser", async () => {
    const made = (await createApiToken(other, "laptop"))!;
    await db.user.update({ where: { id: other.id }, data: { organiser: false } });
    assert.deepEqual(await organiserFromApiToken(made.token), { ok: false, status: 403, error: "That API token's owner is no longer an organiser" });
    await db.user.update({ where: { id: other.id }, data: { organiser: true } });
    assert.equal((await organiserFromApiToken(made.token)).ok, true);
  });
});

describe("authenticateOrganiser", () => {
  it("accepts an organiser's token, and answers 401 for none, a malformed, an unknown or a revoked one", async () => {
    const made = (await createApiToken(organiser, "deploy"))!;
    const ok = await authenticateOrganiser(put({ authorization: `Bearer ${made.token}` }));
    assert.deepEqual(ok, { ok: true, organiser, via: "token" });
    const status = async (headers: Record<string, string>) => {
      const result = await authenticateOrganiser(put(headers));
      assert.equal(result.ok, false);
      return result.ok ? 200 : result.response.status;
    };
    assert.equal(await status({}), 401);
    assert.equal(await status({ authorization: "Basic b2xnYTpzZWNyZXQ=" }), 401);
    assert.equal(await status({ authorization: "Bearer hwy_notatoken" }), 401);
    await revokeApiToken(organiser, made.apiToken.id);
    assert.equal(await status({ authorization: `Bearer ${made.token}` }), 401);
  });

  it("refuses a cookie-authenticated write from another site before looking at the cookie", async () => {
    const result = await authenticateOrganiser(put({ cookie: "hallway.session_token=whatever", origin: "https://evil.example" }));
    assert.equal(result.ok ? 200 : result.response.status, 403);
  });
});
