/**
 * The JavaScript a browser downloads for a page: every /_next/static chunk the
 * served HTML names (script tags, preloads, and the chunk lists in the inline
 * RSC payload), fetched and gzipped at zlib's default level 6, what most servers
 * and CDNs use, and summed. `nomodule` scripts are left out: browsers with ES
 * modules, i.e. all current ones, never fetch them.
 */
import { gzipSync } from "node:zlib";

const chunkPath = /\/_next\/static\/chunks\/[\w.~-]+\.js/g;
const scriptTag = /<script\b[^>]*>/gi;

export async function measureJsWeight(origin: string, pagePath: string) {
  const response = await fetch(origin + pagePath);
  const html = await response.text();
  const skipped = new Set(
    (html.match(scriptTag) ?? []).filter((tag) => /\bnomodule\b/i.test(tag)).flatMap((tag) => /\bsrc="([^"]+)"/.exec(tag)?.[1] ?? []),
  );
  const scripts = [...new Set(html.match(chunkPath) ?? [])].filter((src) => !skipped.has(src)).sort();
  let rawBytes = 0;
  let gzipBytes = 0;
  for (const src of scripts) {
    const body = Buffer.from(await (await fetch(origin + src)).arrayBuffer());
    rawBytes += body.length;
    gzipBytes += gzipSync(body).length;
  }
  return { path: pagePath, status: response.status, scripts, skippedNoModule: [...skipped], rawBytes, gzipBytes };
}
