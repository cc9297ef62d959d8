import { defineConfig, devices } from "@playwright/test";
import { launchOptions } from "./lib/test/chromium";

// Without it, context.setOffline does not reach the service worker's own fetches, and offline tests would pass online.
process.env.PW_EXPERIMENTAL_SERVICE_WORKER_NETWORK_EVENTS ??= "1";

const port = Number(process.env.E2E_PORT ?? 3210);
const baseURL = `http://127.0.0.1:${port}`;

export default defineConfig({
  testDir: "e2e",
  fullyParallel: false,
  workers: 1,
  forbidOnly: !!process.env.CI,
  retries: process.env.CI ? 1 : 0,
  reporter: process.env.CI ? [["list"]] : [["list"], ["html", { open: "never" }]],
  timeout: 30_000,
  use: {
    baseURL,
    trace: "retain-on-failure",
    // The service worker runs in every test, as it does for a visitor (e2e/offline.spec.ts tests it offline).
    serviceWorkers: "allow",
    launchOptions,
  },
  projects: [
    { name: "desktop", use: { ...devices["Desktop Chrome"], viewport: { width: 1440, height: 900 } } },
  ],
  webServer: {
    // A fresh, migrated and seeded database for every run, then the production build.
    command: "node --import tsx e2e/support/serve.ts",
    url: `${baseURL}/api/conferences/dockercon-eu-2017`,
    reuseExistingServer: false,
    // The cluster (E2E_ENGINE=postgresql) starts PostgreSQL, Redis, two instances and nginx besides the build.
    timeout: process.env.E2E_ENGINE === "postgresql" ? 480_000 : 240_000,
    env: { E2E_PORT: String(port), NEXT_TELEMETRY_DISABLED: "1" },
    stdout: "pipe",
    // SIGTERM, so the cluster (E2E_ENGINE=postgresql) stops the PostgreSQL it started instead of leaving it running.
    gracefulShutdown: { signal: "SIGTERM", timeout: 30_000 },
  },
});
