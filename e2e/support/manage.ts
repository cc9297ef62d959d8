/** For the /manage tests: organisers, programs to import made from the demo's own export, the follower's one-shot. */
import { expect, type Page } from "@playwright/test";
import { conf } from "./demo";
import { runScript } from "./live-program";

export { deleteConferences } from "./live-program";

/** `npm run db -- organiser add <email>`, as whoever runs the instance makes an organiser. */
export async function makeOrganiser(email: string): Promise<void> {
  const result = await runScript("db.ts", ["organiser", "add", email]);
  expect(result.code, result.stderr).toBe(0);
}

type FrabEvent = { guid: string; title: string; date: string; start: string; room: string; slug: string; id: number };
export type FrabDocument = { schedule: { conference: { acronym: string; title: string; days: { rooms: Record<string, FrabEvent[]> }[] } } };

/** The demo's export under a conference slug of the caller's, so the demo stays as the other specs expect it. */
export async function exportedProgram(page: Page, slug: string): Promise<FrabDocument> {
  const response = await page.request.get(`/${conf}/schedule.json`);
  expect(response.status()).toBe(200);
  const doc = (await response.json()) as FrabDocument;
  doc.schedule.conference.acronym = slug;
  doc.schedule.conference.title = `Manage Test ${slug.slice(-6)}`;
  return doc;
}

export const events = (doc: FrabDocument) => doc.schedule.conference.days.flatMap((d) => Object.values(d.rooms).flat());

/** The same program with "LinuxKit Deep Dive" moved from 14:00 to 16:10 and "My Journey to Go" gone. */
export function movedAndCancelled(doc: FrabDocument): FrabDocument {
  const next = structuredClone(doc);
  for (const day of next.schedule.conference.days) {
    for (const [room, list] of Object.entries(day.rooms)) {
      day.rooms[room] = list.filter((e) => e.title !== "My Journey to Go");
      for (const e of day.rooms[room]!) {
        if (e.title === "LinuxKit Deep Dive") Object.assign(e, { start: "16:10", date: e.date.replace("T14:00", "T16:10") });
      }
    }
  }
  return next;
}

/** Chooses the program as a file on /manage and asks for its preview. */
export async function preview(page: Page, name: string, doc: FrabDocument) {
  const form = page.getByRole("form", { name: "Preview a file" });
  await form.getByLabel("Schedule file").setInputFiles({ name, mimeType: "application/json", buffer: Buffer.from(JSON.stringify(doc)) });
  await form.getByRole("button", { name: "Preview the file" }).click();
}

/** `npm run db -- follow` on the server's database, as cron would run it; it exits 1 when a source failed. */
export async function runFollowOnce(): Promise<string> {
  const result = await runScript("db.ts", ["follow"]);
  expect([0, 1], result.stderr).toContain(result.code);
  return result.stdout;
}
