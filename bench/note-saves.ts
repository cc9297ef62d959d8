/**
 * Concurrent signed-in note saves against the production server: each of N
 * users keeps rewriting their own notes on a few sessions through the notes
 * API for a fixed time; then every acknowledged save is checked against the
 * database. A save that failed (5xx, a busy or locked database) or an
 * acknowledged one the database does not hold is counted, never hidden.
 */
import { signUpOverHttp, testPassword } from "../lib/test/sign-up";
import { percentile } from "./search-latency";
import Database from "better-sqlite3";

type Result = {
  users: number;
  seconds: number;
  saves: number;
  savesPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  failed: number;
  failures: string[];
  lost: number;
  checked: number;
};

const conference = "dockercon-eu-2017";
const sessions = ["linuxkit-deep-dive", "general-session-day-1", "looking-under-the-hood-containerd", "my-journey-to-go", "taking-docker-to-production-what-you-need-to-know-and-decide"];

export async function measureNoteSaves(origin: string, databaseFile: string, users = 50, seconds = 30): Promise<Result> {
  const accounts = [];
  for (let i = 0; i < users; i++) {
    const email = `saver-${Date.now()}-${i}@bench.invalid`;
    const cookie = await signUpOverHttp(origin, { name: `Saver ${i}`, email, password: testPassword });
    accounts.push({ email, cookie, versions: new Map<string, number>(), acknowledged: new Map<string, string>() });
  }

  // Each user first reads their note, as the session page does when it opens: fetch opens its
  // pooled connections one at a time, and without this the first saves of the run would
  // measure connection set-up against a busy server rather than saving.
  await Promise.all(
    accounts.map(async (account) => {
      const response = await fetch(`${origin}/api/conferences/${conference}/sessions/${sessions[0]}/note`, { headers: { cookie: account.cookie } });
      await response.arrayBuffer();
    }),
  );

  const latencies: number[] = [];
  const failures: string[] = [];
  let failed = 0;
  const deadline = performance.now() + seconds * 1000;
  await Promise.all(
    accounts.map(async (account, u) => {
      let n = 0;
      while (performance.now() < deadline) {
        const slug = sessions[n % sessions.length]!;
        const body = `Note ${n} by saver ${u} on ${slug}: ${"words ".repeat(20 + (n % 30))}`;
        const started = performance.now();
        try {
          const response = await fetch(`${origin}/api/conferences/${conference}/sessions/${slug}/note`, {
            method: "PUT",
            headers: {
              "content-type": "application/json",
              origin,
              cookie: account.cookie,
              "if-match": `"${account.versions.get(slug) ?? 0}"`,
            },
            body: JSON.stringify({ body, visibility: n % 4 === 0 ? "public" : "private" }),
          });
          const text = await response.text();
          latencies.push(performance.now() - started);
          if (response.status === 200) {
            account.versions.set(slug, (JSON.parse(text) as { version: number }).version);
            account.acknowledged.set(slug, body);
          } else {
            failed += 1;
            if (failures.length < 5) failures.push(`${response.status} ${text.slice(0, 160)}`);
          }
        } catch (error) {
          failed += 1;
          if (failures.length < 5) failures.push(String(error));
        }
        n += 1;
      }
    }),
  );

  // Every acknowledged save must be what the database holds now (each user is the only writer of their notes).
  const sqlite = new Database(databaseFile, { readonly: true });
  let lost = 0;
  let checked = 0;
  const read = sqlite.prepare(
    `SELECT n.body, n.version FROM "Note" n JOIN "User" u ON u.id = n."userId" JOIN "Session" s ON s.id = n."sessionId"
     JOIN "Conference" c ON c.id = s."conferenceId" WHERE u.email = ? AND s.slug = ? AND c.slug = ?`,
  );
  for (const account of accounts) {
    for (const [slug, body] of account.acknowledged) {
      checked += 1;
      const row = read.get(account.email, slug, conference) as { body: string; version: number } | undefined;
      if (!row || row.body !== body || row.version !== account.versions.get(slug)) lost += 1;
    }
  }
  sqlite.close();
  latencies.sort((a, b) => a - b);
  return {
    users,
    seconds,
    saves: latencies.length - failed,
    savesPerSecond: (latencies.length - failed) / seconds,
    p50Ms: percentile(latencies, 50),
    p99Ms: percentile(latencies, 99),
    failed,
    failures,
    lost,
    checked,
  };
}
