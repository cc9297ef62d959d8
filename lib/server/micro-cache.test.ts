import assert from "node:assert/strict";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { after, before, describe, it } from "node:test";
import { createMicroCache, keepPrivateWhenSignedIn } from "./micro-cache";

/** A stand-in for Next.js that counts renders and answers as the URL asks. */
let renders = 0;
let server: Server;
let base = "";

before(async () => {
  const cache = createMicroCache({ ttlMs: 60_000, maxEntries: 10, maxBodyBytes: 1024 * 1024 });
  server = createServer((req, res) => {
    keepPrivateWhenSignedIn(req, res);
    const key = cache.keyFor(req);
    if (key && cache.serve(req, res, key)) return;
    if (key) cache.record(res, key);
    renders += 1;
    const url = req.url ?? "/";
    const headers: Record<string, string> = { "content-type": "text/html", "cache-control": url.includes("private") ? "private, no-store" : "s-maxage=300" };
    if (url.includes("cookie")) headers["set-cookie"] = "a=b";
    // As the JSON search answers: public signed out, personal with a session cookie.
    if (url.includes("varies")) {
      headers.vary = "Cookie";
      if (req.headers.cookie?.includes("hallway.session_token")) headers["cache-control"] = "private, no-store";
    }
    res.writeHead(url.includes("missing") ? 404 : 200, headers);
    res.write(`render ${renders} of `);
    res.end(url);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

after(() => new Promise<void>((resolve) => server.close(() => resolve())));

async function twice(path: string, init: RequestInit = {}) {
  const first = await (await fetch(base + path, init)).text();
  const second = await fetch(base + path, init);
  return { first, second: await second.text(), hit: second.headers.get("x-hallway-cache") === "HIT" };
}

describe("the micro-cache in front of Next.js", () => {
  it("answers a repeated public page from memory, byte for byte", async () => {
    const result = await twice("/conf/schedule");
    assert.equal(result.hit, true);
    assert.equal(result.second, result.first);
  });

  it("never stores or serves a page for someone signed in", async () => {
    const result = await twice("/conf/sessions/a", { headers: { cookie: "hallway.session_token=abc" } });
    assert.equal(result.hit, false);
    assert.notEqual(result.second, result.first);
  });

  it("keeps only what Next.js marks shareable: no private, no Set-Cookie, no errors", async () => {
    for (const path of ["/conf/private-page", "/conf/sets-cookie", "/conf/missing"]) {
      const result = await twice(path);
      assert.equal(result.hit, false, path);
    }
  });

  it("keeps a public API answer, never a private one or an auth endpoint's", async () => {
    assert.equal((await twice("/api/conferences/conf")).hit, true);
    assert.equal((await twice("/api/conferences/conf/private-note")).hit, false);
    assert.equal((await twice("/api/auth/get-session")).hit, false);
  });

  it("serves someone signed in the answer kept for a signed-out visitor, marked private", async () => {
    const signedIn = { headers: { cookie: "hallway.session_token=abc" } };
    const kept = await (await fetch(`${base}/conf/schedule/view/x`)).text();
    const served = await fetch(`${base}/conf/schedule/view/x`, signedIn);
    assert.equal(served.headers.get("x-hallway-cache"), "HIT");
    assert.equal(await served.text(), kept);
    assert.equal(served.headers.get("cache-control"), "private, no-store");
  });

  it("never serves someone signed in an answer that varies on Cookie", async () => {
    const signedIn = { headers: { cookie: "hallway.session_token=abc" } };
    assert.equal((await twice("/api/conferences/conf/sessions?q=varies")).hit, true);
    const personal = await fetch(`${base}/api/conferences/conf/sessions?q=varies`, signedIn);
    assert.equal(personal.headers.get("x-hallway-cache"), null);
    assert.equal(personal.headers.get("cache-control"), "private, no-store");
  });

  it("marks what Next.js sends someone signed in private when it says s-maxage", async () => {
    const response = await fetch(`${base}/conf/speakers/fresh`, { headers: { cookie: "hallway.session_token=abc" } });
    assert.equal(response.headers.get("x-hallway-cache"), null);
    assert.equal(response.headers.get("cache-control"), "private, no-store");
    const visitor = await fetch(`${base}/conf/speakers/fresh`);
    assert.equal(visitor.headers.get("x-hallway-cache"), null, "an answer made for someone signed in is never kept");
    assert.equal(visitor.headers.get("cache-control"), "s-maxage=300");
  });

  it("leaves client navigations and other methods to the server", async () => {
    assert.equal((await twice("/conf/speakers", { headers: { rsc: "1" } })).hit, false);
    const post = await fetch(`${base}/conf/search`, { method: "POST", body: "x" });
    assert.equal(post.headers.get("x-hallway-cache"), null);
  });
});

describe("the micro-cache, for an audience that is signed in", () => {
  let renderCount = 0;
  let refreshServer: Server;
  let origin = "";
  const ttlMs = 300;
  const signedIn = { headers: { cookie: "hallway.session_token=abc" } };
  const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

  before(async () => {
    const cache = createMicroCache({
      ttlMs,
      maxEntries: 10,
      maxBodyBytes: 1024 * 1024,
      refresh: async (url, gzip) => void (await (await fetch(origin + url, { headers: gzip ? { "accept-encoding": "gzip" } : {} })).arrayBuffer()),
    });
    refreshServer = createServer((req, res) => {
      keepPrivateWhenSignedIn(req, res);
      const key = cache.keyFor(req);
      if (key && cache.serve(req, res, key)) return;
      if (key) cache.record(res, key);
      renderCount += 1;
      res.writeHead(200, { "content-type": "text/html", "cache-control": "s-maxage=300" });
      res.end(`render ${renderCount}`);
    });
    await new Promise<void>((resolve) => refreshServer.listen(0, "127.0.0.1", resolve));
    origin = `http://127.0.0.1:${(refreshServer.address() as AddressInfo).port}`;
  });

  after(() => new Promise<void>((resolve) => refreshServer.close(() => resolve())));

  it("serves an answer just past its time while a request without cookies replaces it", async () => {
    const kept = await (await fetch(`${origin}/conf/search/x`)).text();
    await sleep(ttlMs + 50);
    const stale = await fetch(`${origin}/conf/search/x`, signedIn);
    assert.equal(stale.headers.get("x-hallway-cache"), "STALE");
    assert.equal(stale.headers.get("cache-control"), "private, no-store");
    assert.equal(await stale.text(), kept);
    await sleep(50);
    const fresh = await fetch(`${origin}/conf/search/x`, signedIn);
    assert.equal(fresh.headers.get("x-hallway-cache"), "HIT");
    assert.notEqual(await fresh.text(), kept, "the refresh kept a new answer");
  });

  it("renders for a visitor once the answer's time is up, and for anyone once it is long past", async () => {
    await (await fetch(`${origin}/conf/search/y`)).text();
    await sleep(ttlMs + 50);
    assert.equal((await fetch(`${origin}/conf/search/y`)).headers.get("x-hallway-cache"), null);
    await sleep(ttlMs * 6 + 50);
    assert.equal((await fetch(`${origin}/conf/search/y`, signedIn)).headers.get("x-hallway-cache"), null);
  });
});
