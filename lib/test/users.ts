import type { Db } from "../db/client";

export type TestUser = { id: string; name: string; email: string };

let counter = 0;

/**
 * Inserts a user for a unit test and returns it. Without overrides each call makes a
 * new person; an `id` alone gives that person a name and an address of their own.
 * Only the columns a test reads: better-auth's account (and password) rows are left out.
 */
export async function createTestUser(db: Db, overrides: Partial<TestUser> = {}): Promise<TestUser> {
  const id = overrides.id ?? `test-user-${process.pid}-${++counter}`;
  const user = { id, name: overrides.name ?? id, email: overrides.email ?? `${id}@example.invalid` };
  await db.user.create({ data: user });
  return user;
}
