/**
 * What the benchmark does to a PostgreSQL database directly, past the app's own paths: a fresh
 * database for each run, the users and notes bulk-loaded in multi-row INSERTs (fifty thousand
 * Prisma round trips would dominate the run; the search triggers index them either way, each
 * session once at commit), and acknowledged note saves read back. The counterpart of the better-sqlite3
 * lines in generate.ts and note-saves.ts.
 */
import pg from "pg";
import { databaseName, withDatabase } from "../lib/db/postgres-url";

export type BenchUser = { id: string; name: string; email: string; at: Date };
export type BenchNote = { userId: string; sessionId: number; body: string; at: Date };

/** `timestamp(3)` holds UTC without a zone, as Prisma writes it: the instant as UTC text. */
const asStored = (date: Date) => date.toISOString().replace("T", " ").replace("Z", "");

async function withClient<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** Drops the database `url` names (closing its connections) and creates it empty. */
export async function recreatePostgresDatabase(url: string): Promise<void> {
  const name = databaseName(url).replaceAll('"', '""');
  await withClient(withDatabase(url, "postgres"), async (admin) => {
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.query(`CREATE DATABASE "${name}"`);
  });
}

/**
 * The bench's users and their public notes, in one transaction, each table in one INSERT from
 * arrays (`unnest`): one round trip per table. Each session's search row is rebuilt once, at
 * commit, however the rows are batched.
 */
export async function insertUsersAndNotesPostgres(url: string, users: BenchUser[], notes: BenchNote[]): Promise<void> {
  await withClient(url, async (client) => {
    await client.query("BEGIN");
    await client.query(
      `INSERT INTO "User" ("id", "name", "email", "emailVerified", "createdAt", "updatedAt")
       SELECT id, name, email, true, at, at FROM unnest($1::text[], $2::text[], $3::text[], $4::timestamp(3)[]) AS u(id, name, email, at)`,
      [users.map((u) => u.id), users.map((u) => u.name), users.map((u) => u.email), users.map((u) => asStored(u.at))],
    );
    await client.query(
      `INSERT INTO "Note" ("userId", "sessionId", "body", "visibility", "version", "createdAt", "updatedAt")
       SELECT user_id, session_id, body, 'public', 1, at, at FROM unnest($1::text[], $2::integer[], $3::text[], $4::timestamp(3)[]) AS n(user_id, session_id, body, at)`,
      [notes.map((n) => n.userId), notes.map((n) => n.sessionId), notes.map((n) => n.body), notes.map((n) => asStored(n.at))],
    );
    await client.query("COMMIT");
  });
}

/** Each acknowledged save: the saver's note on that session now, or undefined when there is none. */
export async function readNotesPostgres(url: string, wanted: { email: string; slug: string; conference: string }[]) {
  return withClient(url, async (client) => {
    const rows: ({ body: string; version: number } | undefined)[] = [];
    for (const w of wanted) {
      const result = await client.query<{ body: string; version: number }>(
        `SELECT n.body, n.version FROM "Note" n JOIN "User" u ON u.id = n."userId" JOIN "Session" s ON s.id = n."sessionId"
         JOIN "Conference" c ON c.id = s."conferenceId" WHERE u.email = $1 AND s.slug = $2 AND c.slug = $3`,
        [w.email, w.slug, w.conference],
      );
      rows.push(result.rows[0]);
    }
    return rows;
  });
}

/** A conference's session slugs by guid, as an import made them (the bench's own process is bound to SQLite). */
export async function sessionSlugsByGuid(url: string, conference: string): Promise<Map<string, string>> {
  return withClient(url, async (client) => {
    const result = await client.query<{ guid: string; slug: string }>(
      `SELECT s.guid, s.slug FROM "Session" s JOIN "Conference" c ON c.id = s."conferenceId" WHERE c.slug = $1`,
      [conference],
    );
    return new Map(result.rows.map((row) => [row.guid, row.slug]));
  });
}

/** The big session page's slug, picked as bench/run.ts picks it on SQLite (a room's 26th session of a day). */
export async function sessionSlugInRoom(url: string, conference: string, date: string, room: string, skip: number): Promise<string> {
  return withClient(url, async (client) => {
    const result = await client.query<{ slug: string }>(
      `SELECT s.slug FROM "Session" s JOIN "Conference" c ON c.id = s."conferenceId" JOIN "Day" d ON d.id = s."dayId" JOIN "Room" r ON r.id = s."roomId"
       WHERE c.slug = $1 AND d.date = $2 AND r.slug = $3 ORDER BY s."startsAt", s.id OFFSET $4 LIMIT 1`,
      [conference, date, room, skip],
    );
    if (!result.rows[0]) throw new Error(`no session ${skip + 1} in ${room} on ${date} of ${conference}`);
    return result.rows[0].slug;
  });
}
