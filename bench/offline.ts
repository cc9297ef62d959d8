/**
 * What "keep this conference offline" saves: the offline manifest's addresses
 * fetched in the service worker's order, without cookies, their bytes summed until
 * the cap (sw/sw.ts does the same in the browser), and the worker's own size.
 */
import { readFileSync, existsSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { capMessage, defaultOfflineCapBytes, formatBytes, urlsToSave, type OfflineManifest } from "../lib/offline/offline-urls";

export type OfflineSave = {
  conference: string;
  listed: number;
  pages: number;
  bytes: number;
  seconds: number;
  capped: string | null;
  failed: number;
  /** What the whole program would take without a cap, when it was all fetched (small conferences). */
  uncappedBytes: number | null;
};

export async function measureOfflineSave(origin: string, conference: string, capBytes = defaultOfflineCapBytes): Promise<OfflineSave> {
  const started = performance.now();
  const answer = await fetch(`${origin}/api/conferences/${conference}/offline-manifest`);
  if (!answer.ok) throw new Error(`offline manifest of ${conference}: HTTP ${answer.status}`);
  const manifest = (await answer.json()) as OfflineManifest;
  const urls = urlsToSave(manifest);
  const saved = new Set<string>();
  let bytes = 0;
  let failed = 0;
  let capped: string | null = null;
  for (const url of urls) {
    const response = await fetch(origin + url);
    if (!response.ok) {
      failed += 1;
      await response.arrayBuffer();
      continue;
    }
    const size = (await response.arrayBuffer()).byteLength;
    if (bytes + size > capBytes) {
      capped = capMessage(manifest, saved, capBytes);
      break;
    }
    bytes += size;
    saved.add(url);
  }
  return {
    conference, listed: urls.length, pages: saved.size, bytes, seconds: (performance.now() - started) / 1000, capped, failed,
    uncappedBytes: capped ? null : bytes,
  };
}

/** public/sw.js as built (scripts/build-sw.ts): raw and gzipped. */
export function serviceWorkerSize(root: string): { rawBytes: number; gzipBytes: number } | null {
  const file = path.join(root, "public", "sw.js");
  if (!existsSync(file)) return null;
  const body = readFileSync(file);
  return { rawBytes: body.length, gzipBytes: gzipSync(body).length };
}

export const describeSave = (save: OfflineSave) =>
  `${save.pages} of ${save.listed} addresses, ${formatBytes(save.bytes)} in ${save.seconds.toFixed(1)} s${save.failed ? `, ${save.failed} failed` : ""}${save.capped ? ` (${save.capped})` : ""}`;
