import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import path from "node:path";
import { before, describe, it } from "node:test";
import { promisify } from "node:util";
import { setupTestDatabase } from "../lib/test/database";
import { createTestUser } from "../lib/test/users";

const url = await setupTestDatabase();
const { db } = await import("../lib/db/client");
const { auth } = await import("../lib/auth/auth");

const root = path.resolve(import.meta.dirname, "..");
const organiserTask = async (...args: string[]) => {
  const { NODE_OPTIONS: _ignored, ...env } = process.env;
  try {
    const { stdout, stderr } = await promisify(execFile)(
      process.execPath,
      ["--experimental-wasm-modules", "--no-warnings=ExperimentalWarning", "--import", "tsx", "scripts/db.ts", "organiser", ...args],
      { cwd: root, env: { ...env, DATABASE_URL: url } },
    );
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
};
const isOrganiser = async (email: string) => (await db.user.findUniqueOrThrow({ where: { email } })).organiser;

before(async () => {
  await createTestUser(db, { id: "u-ada", name: "Ada", email: "ada@example.org" });
});

describe("npm run db -- organiser", () => {
  it("adds, lists and removes an organiser by email", { timeout: 60_000 }, async () => {
    assert.deepEqual(await organiserTask("list"), { code: 0, stdout: "No organisers yet. Make one with `npm run db -- organiser add <email>`.\n", stderr: "" });
    assert.deepEqual(await organiserTask("add", "Ada@Example.org"), { code: 0, stdout: "ada@example.org is now an organiser.\n", stderr: "" });
    assert.equal(await isOrganiser("ada@example.org"), true);
    assert.equal((await organiserTask("add", "ada@example.org")).stdout, "ada@example.org was already an organiser.\n");
    assert.equal((await organiserTask("list")).stdout, "ada@example.org\tAda\n");
    assert.deepEqual(await organiserTask("remove", "ada@example.org"), { code: 0, stdout: "ada@example.org is no longer an organiser.\n", stderr: "" });
    assert.equal(await isOrganiser("ada@example.org"), false);
  });

  it("says so for an unknown email or a wrong command", { timeout: 60_000 }, async () => {
    const unknown = await organiserTask("add", "nobody@example.org");
    assert.deepEqual(unknown, { code: 1, stdout: "", stderr: "No account has the email nobody@example.org: sign up with it first, then run this again.\n" });
    const usage = await organiserTask("promote", "ada@example.org");
    assert.equal(usage.code, 2);
    assert.match(usage.stderr, /^Usage: npm run db -- organiser add <email>/);
  });
});

describe("signing up", () => {
  it("cannot make anyone an organiser", async () => {
    await auth.api.signUpEmail({ body: { email: "eve@example.org", password: "correct horse battery", name: "Eve", organiser: true } as never });
    assert.equal(await isOrganiser("eve@example.org"), false);
  });
});
