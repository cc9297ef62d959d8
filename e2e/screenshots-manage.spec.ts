import { mkdirSync } from "node:fs";
import { expect, test } from "@playwright/test";
import { signUp } from "./support/auth";
import { exportedProgram, movedAndCancelled, preview, runFollowOnce } from "./support/manage";
import { deleteConferences, makeOrganiser } from "./support/organiser";

// Pictures of /manage for people to look at, not assertions: `SCREENSHOTS=1 npx playwright test screenshots-manage`.
const outDir = "/tmp/shots";

test.skip(!process.env.SCREENSHOTS, "set SCREENSHOTS=1 to take screenshots");

for (const width of [375, 1440]) {
  for (const colorScheme of ["light", "dark"] as const) {
    test.describe(`${width}px ${colorScheme}`, () => {
      test.use({ viewport: { width, height: width === 375 ? 812 : 900 }, colorScheme });
      test("/manage with a preview, a new token and a failed check", async ({ page, context }) => {
        mkdirSync(outDir, { recursive: true });
        const organiser = await signUp(context, { name: "Grace Organiser" });
        makeOrganiser(organiser.email);
        const slug = `shots-${width}-${colorScheme}-${Date.now()}`;
        const first = await exportedProgram(page, slug);
        await page.goto("/manage");
        await preview(page, "schedule.json", first);
        await page.getByRole("button", { name: "Apply these changes" }).click();
        await expect(page.getByText(/^Applied to/)).toBeVisible();
        const card = page.getByRole("article", { name: new RegExp(slug) });
        await card.getByLabel("Follow this schedule URL").fill("http://127.0.0.1:3316/nothing-listens-here.json");
        await card.getByRole("button", { name: "Follow" }).click();
        await expect(card.getByText("Not checked yet; due now.")).toBeVisible();
        await runFollowOnce();
        await page.reload();
        await expect(card.getByRole("alert")).toBeVisible();
        await card.getByRole("button", { name: "Stop following" }).waitFor();

        await page.getByLabel("Token name").fill("pretalx webhook");
        await page.getByRole("button", { name: "Create token" }).click();
        await expect(page.getByLabel("New API token")).toBeVisible();
        await preview(page, "schedule.json", movedAndCancelled(first));
        await expect(page.getByRole("button", { name: "Apply these changes" })).toBeVisible();
        await page.screenshot({ path: `${outDir}/manage-${width}-${colorScheme}.png`, fullPage: true });

        deleteConferences([slug]);
      });
    });
  }
}

test("the 403 page", async ({ page, context }) => {
  mkdirSync(outDir, { recursive: true });
  await signUp(context, { label: "attendee" });
  await page.goto("/manage");
  await page.screenshot({ path: `${outDir}/manage-403-1440-light.png`, fullPage: true });
});
