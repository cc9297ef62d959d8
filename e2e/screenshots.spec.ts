import { mkdirSync } from "node:fs";
import { expect, test } from "@playwright/test";
import { conf, scheduleUrl } from "./support/demo";

// Pictures for people to look at, not assertions: `SCREENSHOTS=1 npx playwright test screenshots`.
const outDir = "/tmp/shots";

test.skip(!process.env.SCREENSHOTS, "set SCREENSHOTS=1 to take screenshots");

const pages = [
  ["schedule", scheduleUrl],
  ["session", `/${conf}/sessions/linuxkit-deep-dive`],
  ["speakers", `/${conf}/speakers`],
  ["search", `/${conf}/search?q=kube`],
] as const;

for (const width of [375, 1440]) {
  for (const colorScheme of ["light", "dark"] as const) {
    test.describe(`${width}px ${colorScheme}`, () => {
      test.use({ viewport: { width, height: width === 375 ? 812 : 900 }, colorScheme });
      test("screenshots", async ({ page }) => {
        mkdirSync(outDir, { recursive: true });
        for (const [name, url] of pages) {
          await page.goto(url);
          await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
          await page.screenshot({ path: `${outDir}/${name}-${width}-${colorScheme}.png`, fullPage: true });
        }
      });
    });
  }
}
