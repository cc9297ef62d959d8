/**
 * Draws the app's PNG icons (public/icons/) from app/icon.svg with headless
 * Chromium, for the web manifest, and app/favicon.ico (16 and 32 px) for the
 * browsers that ask for /favicon.ico whatever the page links:
 * `node --import tsx scripts/make-icons.ts`. Run it again after changing the SVG,
 * and commit what it writes.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
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
  const favicons: Buffer[] = [];
  for (const size of [16, 32]) {
    const page = await browser.newPage({ viewport: { width: size, height: size } });
    await page.setContent(`<!doctype html><style>html,body{margin:0;background:transparent}svg{display:block;width:100%;height:100%}</style>${svg}`);
    favicons.push(await page.screenshot({ omitBackground: true, clip: { x: 0, y: 0, width: size, height: size } }));
    await page.close();
  }
  writeFileSync(path.join(root, "app", "favicon.ico"), icoOf(favicons, [16, 32]));
  console.log("app/favicon.ico");
} finally {
  await browser.close();
}

/** An ICO file holding PNG images (allowed since Windows Vista, read by every browser): a directory, then the images. */
function icoOf(pngs: Buffer[], sizes: number[]): Buffer {
  const header = Buffer.alloc(6 + 16 * pngs.length);
  header.writeUInt16LE(0, 0);
  header.writeUInt16LE(1, 2);
  header.writeUInt16LE(pngs.length, 4);
  let offset = header.length;
  pngs.forEach((png, i) => {
    const entry = 6 + 16 * i;
    header.writeUInt8(sizes[i]!, entry);
    header.writeUInt8(sizes[i]!, entry + 1);
    header.writeUInt16LE(1, entry + 4);
    header.writeUInt16LE(32, entry + 6);
    header.writeUInt32LE(png.length, entry + 8);
    header.writeUInt32LE(offset, entry + 12);
    offset += png.length;
  });
  return Buffer.concat([header, ...pngs]);
}
