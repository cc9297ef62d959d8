import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { setTimeout as sleep } from "node:timers/promises";
import { setupTestDatabase } from "../test/database";

await setupTestDatabase();
const { db } = await import("./client");
const { writeRows } = await import("./sqlite");
// Connect first, so that the transactions below start at once rather than after connecting.
await db.$queryRawUnsafe("SELECT 1");

/** One plain statement, as a note save is: Prisma's create would open a transaction of its own. */
const insertUser = (id: string) =>
  `INSERT INTO "User" ("id", "name", "email", "createdAt", "updatedAt") VALUES ('${id}', '${id}', '${id}@example.invalid', '2026-11-28T00:00:00.000+00:00', '2026-11-28T00:00:00.000+00:00')`;

/** A transaction that writes the user `id`, waits 100 ms and gives up; resolves to its error's message. */
const transactionThatRollsBack = (id: string) =>
  db
    .$transaction(async (tx) => {
      await tx.$executeRawUnsafe(insertUser(id));
      await sleep(100);
      throw new Error("the transaction gives up");
    })
    .catch((error: Error) => error.message);

describe("the SQLite connection", () => {
  it("never runs another request's write inside an open transaction, so a rollback cannot undo it", async () => {
    const failing = transactionThatRollsBack("inside-the-transaction");
    await sleep(20);
    // Issued while the transaction waits: it must wait its turn, not join the transaction.
    await db.$executeRawUnsafe(insertUser("another-request"));
    assert.equal(await failing, "the transaction gives up");
    assert.ok(await db.user.findUnique({ where: { id: "another-request" } }), "the other request's write survived");
    assert.equal(await db.user.findUnique({ where: { id: "inside-the-transaction" } }), null);
  });

  it("never shows another request a write that a transaction has not committed", async () => {
    const failing = transactionThatRollsBack("never-committed");
    await sleep(20);
    const seen = await db.user.findUnique({ where: { id: "never-committed" } });
    assert.equal(await failing, "the transaction gives up");
    assert.equal(seen, null, "a read from outside saw a row that was then rolled back");
  });

  it("runs a statement of the write path on Prisma's connection in its turn: never inside another's open transaction", async () => {
    const failing = transactionThatRollsBack("inside-the-transaction-too");
    await sleep(20);
    const rows = await writeRows<{ id: string }>(`${insertUser("written-past-prisma")} RETURNING "id"`, []);
    assert.deepEqual(rows, [{ id: "written-past-prisma" }], "Prisma's connection was open, so the fast path ran");
    assert.equal(await failing, "the transaction gives up");
    assert.ok(await db.user.findUnique({ where: { id: "written-past-prisma" } }), "the write survived the other transaction's rollback");
    assert.equal(await db.user.findUnique({ where: { id: "inside-the-transaction-too" } }), null);
    // Dates and booleans as Prisma's adapter writes them, so a row reads the same whichever path wrote it.
    const when = new Date("2026-12-02T03:00:00.000Z");
    await writeRows(`UPDATE "User" SET "updatedAt" = ?, "emailVerified" = ? WHERE "id" = 'written-past-prisma'`, [when, true]);
    const user = await db.user.findUniqueOrThrow({ where: { id: "written-past-prisma" }, select: { updatedAt: true, emailVerified: true } });
    assert.deepEqual(user, { updatedAt: when, emailVerified: true });
  });

  it("lets other work run while a long transaction goes on, as an import of a big program is", async () => {
    let ticks = 0;
    const timer = setInterval(() => (ticks += 1), 1);
    const started = performance.now();
    try {
      await db.$transaction(async (tx) => {
        // Statements that better-sqlite3 answers at once, for well over the transaction's time slice.
        while (performance.now() - started < 200) await tx.$queryRawUnsafe("SELECT 1");
      });
    } finally {
      clearInterval(timer);
    }
    assert.ok(ticks >= 5, `a 1 ms timer fired ${ticks} times during a 200 ms transaction`);
  });
});
