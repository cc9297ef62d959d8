/**
 * Helpers for the live-program tests: the commands an organiser
 * runs beside the server, API tokens (inserted as /manage would make them), and
 * the quirky frab fixture with sessions moved.
 */
import { execFile } from "node:child_process";
import { createHash, randomBytes, randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import { e2eServerEnv, withDatabase } from "./database";

export const root = path.resolve(import.meta.dirname, "../..");
export const quirkyText = readFileSync(path.join(root, "lib/interop/fixtures/quirky-frab.json"), "utf8");

export type CommandResult = { code: number; stdout: string; stderr: string };

/** `npm run <script> -- args`, as an organiser runs it beside the server, on the e2e database. */
export async function runScript(script: "db.ts" | "import.ts", args: string[]): Promise<CommandResult> {
  const { NODE_OPTIONS: _ignored, ...env } = process.env;
  try {
    const { stdout, stderr } = await promisify(execFile)(
      process.execPath,
      ["--experimental-wasm-modules", "--no-warnings=ExperimentalWarning", "--import", "tsx", `scripts/${script}`, ...args],
      { cwd: root, env: { ...env, ...e2eServerEnv() }, timeout: 90_000 },
    );
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

/** An API token for the account with this email, stored hashed as createApiToken stores it; returns its id and plaintext. */
export function insertApiToken(email: string, name = "e2e"): { id: string; token: string } {
  const token = `hwy_${randomBytes(32).toString("base64url")}`;
  const id = randomUUID();
  withDatabase(`
    const user = await db.user.findUnique({ where: { email: ${JSON.stringify(email)} }, select: { id: true } });
    if (!user) throw new Error("no account " + ${JSON.stringify(email)});
    await db.apiToken.create({ data: { id: ${JSON.stringify(id)}, userId: user.id, name: ${JSON.stringify(name)}, tokenHash: ${JSON.stringify(createHash("sha256").update(token).digest("hex"))} } });`);
  return { id, token };
}

export function revokeTokenRow(id: string) {
  withDatabase(`await db.apiToken.update({ where: { id: ${JSON.stringify(id)} }, data: { revokedAt: new Date() } });`);
}

/** Removes conferences a test created, with everything of theirs, so later tests see the demo alone (the home page lists conferences). */
export function deleteConferences(slugs: string[]) {
  withDatabase(`await db.conference.deleteMany({ where: { slug: { in: ${JSON.stringify(slugs)} } } });`);
}

type FrabEvent = { guid: string; date: string; start: string; room: string; title: string };
type FrabDoc = { schedule: { conference: { acronym: string; days: { date: string; rooms: Record<string, FrabEvent[]> }[] } } };

/**
 * The quirky fixture with events (by guid) moved to another start time ("15:00", same day) or room, or
 * retitled. An event that stays in its room keeps its place in the file: the fixture spells one
 * speaker two ways, and the first spelling read is the one kept.
 */
export function quirkyWith(changes: { guid: string; start?: string; room?: string; title?: string }[] = []): string {
  const doc = JSON.parse(quirkyText) as FrabDoc;
  for (const change of changes) {
    for (const day of doc.schedule.conference.days) {
      for (const [room, events] of Object.entries(day.rooms)) {
        const index = events.findIndex((e) => e.guid === change.guid);
        if (index === -1) continue;
        const event = events[index]!;
        if (change.start) {
          event.start = change.start;
          event.date = `${event.date.slice(0, 11)}${change.start}:00${event.date.slice(19)}`;
        }
        if (change.title) event.title = change.title;
        if (change.room && change.room !== room) {
          events.splice(index, 1);
          event.room = change.room;
          (day.rooms[change.room] ??= []).push(event);
        }
        break;
      }
    }
  }
  return JSON.stringify(doc);
}

export const openingGuid = "0b9c8f3e-1d2a-4c5b-8e7f-6a5b4c3d2e1f";
export const badgeGuid = "3e2f1061-4051-4f8e-b1a2-9d8e7f605142";
