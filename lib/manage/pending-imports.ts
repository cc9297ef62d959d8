import "server-only";
import { randomUUID } from "node:crypto";
import { mkdir, readdir, readFile, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { databaseUrl, sqliteFilePath } from "../db/url";

/**
 * A previewed program waiting for its "Apply": kept as a file beside the
 * database, so the organiser applies exactly what they saw (not a second fetch
 * of a URL that may have moved on) and any server process on that database can
 * take the click. Only the organiser who previewed it can apply it; an hour later it is gone.
 */

export type PendingImport = { userId: string; sourceName: string; conferenceSlug?: string; text: string; createdAt: string };

const maxAgeMs = 60 * 60_000;

function pendingDir(): string {
  const file = sqliteFilePath(databaseUrl());
  return path.join(file === ":memory:" ? tmpdir() : path.dirname(file), "pending-imports");
}

export async function savePendingImport(pending: Omit<PendingImport, "createdAt">): Promise<string> {
  const dir = pendingDir();
  await mkdir(dir, { recursive: true });
  await dropExpired(dir);
  const id = randomUUID();
  await writeFile(path.join(dir, `${id}.json`), JSON.stringify({ ...pending, createdAt: new Date().toISOString() }), { mode: 0o600 });
  return id;
}

/** The pending import, when it is this user's and not expired; null otherwise. */
export async function readPendingImport(userId: string, id: string): Promise<PendingImport | null> {
  if (!/^[0-9a-f-]{36}$/.test(id)) return null;
  try {
    const pending = JSON.parse(await readFile(path.join(pendingDir(), `${id}.json`), "utf8")) as PendingImport;
    if (pending.userId !== userId || Date.now() - Date.parse(pending.createdAt) > maxAgeMs) return null;
    return pending;
  } catch {
    return null;
  }
}

export async function dropPendingImport(id: string): Promise<void> {
  if (/^[0-9a-f-]{36}$/.test(id)) await rm(path.join(pendingDir(), `${id}.json`), { force: true });
}

async function dropExpired(dir: string) {
  for (const name of await readdir(dir)) {
    const file = path.join(dir, name);
    const info = await stat(file).catch(() => null);
    if (info && Date.now() - info.mtimeMs > maxAgeMs) await rm(file, { force: true });
  }
}
