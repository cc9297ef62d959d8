/**
 * Draws the app's PNG icons (public/icons/) from app/icon.svg with headless
 * Chromium, for the web manifest: `node --import tsx scripts/make-icons.ts`.
 * Run it again after changing the SVG, and commit the PNGs.
 */
import { existsSync, mkdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { chromium } from "@playwright/test";

const root = path.resolve(import.meta.dirname, "..");
const svg = readFileSync(path.join(root, "app", "icon.svg"), "utf8");
const outDir = path.join(root, "public", "icons");
mkdirSync(outDir, { recursive: true });

const executablePath = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"].find((p) => existsSync(p));
const browser = await chromium.launch({ executablePath, args: ["--no-sandbox"] });
try {
  for (const [name, size, maskable] of [["icon-192.png", 192, false], ["icon-512.png", 512, false], ["maskable-512.png", 512, true]] as const) {
    const page = await browser.newPage({ viewport: { width: size, height: size } });
    // A maskable icon fills its square and keeps the mark inside the middle 80%, which launchers may crop to a circle.
    const body = maskable
      ? `<div style="width:${size}px;height:${size}px;background:#4f46e5;display:grid;place-items:center"><div style="width:${size * 0.8}px;height:${size * 0.8}px">${svg.replace(/<rect[^>]*\/>/, "")}</div></div>`
      : svg;
    await page.setContent(`<!doctype html><style>html,body{margin:0;background:transparent}svg{display:block;width:100%;height:100%}</style>${body}`);
    await page.screenshot({ path: path.join(outDir, name), omitBackground: !maskable, clip: { x: 0, y: 0, width: size, height: size } });
    await page.close();
    console.log(`public/icons/${name}`);
  }
} finally {
  await browser.close();
}
