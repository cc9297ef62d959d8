/**
 * Requests to better-auth's handler from a process of its own, on the database DATABASE_URL
 * names: a second instance of the app, for the tests that what one instance counts (rate
 * limits, failed sign-ins) another sees. Run as a script, it sends the requests its JSON
 * argument describes and prints their statuses as JSON; `requestsFromAnotherProcess` runs it.
 */
import { pathToFileURL } from "node:url";
import { askAnotherProcess } from "./json-child";

/** A POST with a JSON body, or a GET when there is no body; `cookie` as a Cookie header. */
export type AuthRequest = { path: string; body?: Record<string, unknown>; address: string; userAgent?: string; cookie?: string };

const origin = "http://localhost:3000";

/** The statuses of `requests`, sent one after another from a new Node process; rejects when the process fails. */
export function requestsFromAnotherProcess(requests: AuthRequest[], env: Record<string, string> = {}): Promise<number[]> {
  // Several instances share one key (lib/auth/secret.ts); PostgreSQL refuses to start without one.
  return askAnotherProcess<number[]>(import.meta.filename, requests, { BETTER_AUTH_SECRET: process.env.BETTER_AUTH_SECRET ?? "a test key shared by every process", ...env });
}

/** The same request in this process, through `handler` (the app's `auth.handler`). */
export function authRequest({ path, body, address, userAgent = "test-agent", cookie }: AuthRequest): Request {
  const headers: Record<string, string> = { origin, "x-forwarded-for": address, "user-agent": userAgent, ...(cookie ? { cookie } : {}) };
  if (!body) return new Request(`${origin}/api/auth${path}`, { headers });
  return new Request(`${origin}/api/auth${path}`, {
    method: "POST",
    headers: { ...headers, "content-type": "application/json" },
    body: JSON.stringify(body),
  });
}

async function main(requests: AuthRequest[]) {
  const { auth } = await import("../auth/auth");
  const { db } = await import("../db/client");
  const statuses: number[] = [];
  for (const request of requests) statuses.push((await auth.handler(authRequest(request))).status);
  await db.$disconnect();
  console.log(JSON.stringify(statuses));
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await main(JSON.parse(process.argv[2] ?? "[]") as AuthRequest[]);
  // The read pools (PostgreSQL) and timers would keep the process alive.
  process.exit(0);
}
