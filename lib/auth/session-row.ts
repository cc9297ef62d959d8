import "server-only";
import { readSql } from "../db/client";
import { Prisma } from "../generated/prisma/client";

export type SessionRow = { expiresAt: Date; user: { id: string; name: string; email: string } };

type JoinedRow = { expiresAt: string | number; userId: string; name: string; email: string };

/**
 * The session a token names, with its user, in one statement on the read connection
 * (prepared once per process; docs/decisions/0017-signed-in-speed.md): what
 * better-auth's `internalAdapter.findSession` reads, without Prisma's cost per query.
 * It sees every committed write, so a session deleted by a sign-out or a password
 * change is gone from the next request on. Null when no session has the token or its
 * user is gone. Portable SQL: PostgreSQL runs it as it is.
 */
export async function findSessionRow(token: string): Promise<SessionRow | null> {
  const [row] = await readSql<JoinedRow>(Prisma.sql`
    SELECT s."expiresAt", u."id" AS "userId", u."name", u."email"
    FROM "AuthSession" s JOIN "User" u ON u."id" = s."userId"
    WHERE s."token" = ${token}`);
  if (!row) return null;
  // Prisma's SQLite adapter stores instants as ISO 8601 text; a number would be epoch milliseconds.
  const expiresAt = new Date(row.expiresAt);
  if (Number.isNaN(expiresAt.getTime())) return null;
  return { expiresAt, user: { id: row.userId, name: row.name, email: row.email } };
}
