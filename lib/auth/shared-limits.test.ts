/**
 * What one instance of the app counts, every instance counts: better-auth's rate limits
 * (the RateLimit table) and the sign-in throttle (SignInFailure). The other instance is a
 * second Node process on the same database, as behind a load balancer; either engine
 * (TEST_DATABASE_ENGINE=postgresql for PostgreSQL).
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { setupTestDatabase } from "../test/database";
import { authRequest, requestsFromAnotherProcess, type AuthRequest } from "../test/auth-process";

process.env.BETTER_AUTH_SECRET ??= "a test key shared by every process";
await setupTestDatabase();
const { auth } = await import("./auth");
const { accountFailureLimit } = await import("./throttle");

const here = async (request: AuthRequest) => (await auth.handler(authRequest(request))).status;

describe("limits shared across instances", () => {
  it("better-auth's rate limit counts the requests another instance answered", async () => {
    // better-auth's own rule for /change-password (3 a 10 s per address), which Hallway leaves as it is;
    // without a session each answer is a cheap 401, but every one is counted.
    const changePassword = (address: string): AuthRequest => ({
      path: "/change-password",
      body: { currentPassword: "not the password", newPassword: "another long passphrase" },
      address,
    });
    const there = await requestsFromAnotherProcess([1, 2, 3].map(() => changePassword("203.0.113.7")));
    assert.deepEqual(there, [401, 401, 401]);
    assert.equal(await here(changePassword("203.0.113.7")), 429);
    // Positive control: another address is not limited here.
    assert.equal(await here(changePassword("203.0.113.8")), 401);
  });

  it("the sign-in throttle counts the failures another instance recorded", async () => {
    const signIn = (email: string, address: string, userAgent: string): AuthRequest => ({
      path: "/sign-in/email",
      body: { email, password: "a wrong guess" },
      address,
      userAgent,
    });
    const guesses = Array.from({ length: accountFailureLimit }, () => signIn("guessed@example.invalid", "198.51.100.1", "guesser"));
    assert.deepEqual(await requestsFromAnotherProcess(guesses), guesses.map(() => 401));
    // From another address and browser, so only the account's count (kept by the other process) can refuse it.
    assert.equal(await here(signIn("guessed@example.invalid", "198.51.100.2", "owner")), 429);
    assert.equal(await here(signIn("someone-else@example.invalid", "198.51.100.2", "owner")), 401);
  });
});
