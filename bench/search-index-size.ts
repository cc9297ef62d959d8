/**
 * The offline search's index (docs/decisions/0023-offline-search.md) as a browser
 * downloads and saves it: `GET /api/conferences/<conf>/search-index`, its bytes raw
 * (what the Cache Storage keeps) and gzipped at level 6 (what crosses the network,
 * as js-weight.ts counts), and how long MiniSearch takes to index it in this process,
 * a stand-in for a phone's first offline search.
 */
import { gzipSync } from "node:zlib";
import { buildOfflineIndex } from "../lib/schedule/offline-search";
import type { SearchIndexJson } from "../lib/schedule/search-index-shape";

export async function measureSearchIndex(origin: string, conferenceSlug: string) {
  const response = await fetch(`${origin}/api/conferences/${conferenceSlug}/search-index`);
  const body = Buffer.from(await response.arrayBuffer());
  const started = performance.now();
  const index = buildOfflineIndex(JSON.parse(body.toString("utf8")) as SearchIndexJson);
  const buildMs = performance.now() - started;
  return { conference: conferenceSlug, status: response.status, sessions: index.sessionCount, rawBytes: body.length, gzipBytes: gzipSync(body).length, buildMs };
}
