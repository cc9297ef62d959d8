import { existsSync } from "node:fs";

// Playwright's own Chromium where it was installed (`npx playwright install chromium`), else the system's (Debian's package).
const systemChromium = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"].find((p) => existsSync(p));

/** How the browser tests and the screenshot script start Chromium. */
export const launchOptions = process.env.PLAYWRIGHT_USE_BUNDLED || !systemChromium
  ? {}
  : { executablePath: systemChromium, args: ["--no-sandbox", "--disable-background-networking", "--disable-component-update", "--no-first-run"] };
