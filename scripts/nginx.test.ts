import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer, get as httpGet, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { gunzipSync, gzipSync } from "node:zlib";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import { nginxBinary, renderNginxConfig, startNginx } from "./nginx";

const freePort = () =>
  new Promise<number>((resolve) => {
    const probe = createServer().listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as AddressInfo;
      probe.close(() => resolve(port));
    });
  });

describe("nginx's config", () => {
  it("fills every name in the template", () => {
    const config = renderNginxConfig({ port: 3000, upstreamPorts: [3001, 3002], stateDir: "/srv/hallway/nginx" });
    assert.doesNotMatch(config, /\{\{/);
    assert.match(config, /server 127\.0\.0\.1:3001 .*;\n\s+server 127\.0\.0\.1:3002 /);
    assert.match(config, /listen 127\.0\.0\.1:3000;/);
    assert.match(config, /proxy_cache_path \/srv\/hallway\/nginx\/cache /);
  });
});

describe("nginx in front of an upstream", { skip: nginxBinary() ? false : "no nginx (install nginx)" }, () => {
  let upstream: Server;
  let nginx: Awaited<ReturnType<typeof startNginx>>;
  let origin = "";
  let stateDir = "";
  const seen: IncomingMessage["headers"][] = [];
  let renders = 0;

  before(async () => {
    // Answers as Hallway does: a shareable page, a private answer, one that sets a cookie.
    upstream = createServer((req, res) => {
      seen.push(req.headers);
      renders += 1;
      const body = `render ${renders} of ${req.url} for ${req.headers.cookie ?? "nobody"}`;
      if (req.url!.startsWith("/gzipped")) {
        // As Next.js compresses a page for a client that takes gzip: long enough that nginx would compress it too.
        const gzip = /gzip/.test(req.headers["accept-encoding"] ?? "");
        const text = `${body} ${gzip ? "gzipped" : "plain"} ${"padding ".repeat(200)}`;
        res.writeHead(200, { "cache-control": "s-maxage=300", vary: "Accept-Encoding", "content-type": "text/plain", ...(gzip ? { "content-encoding": "gzip" } : {}) });
        res.end(gzip ? gzipSync(text) : text);
        return;
      }
      if (req.url!.startsWith("/shared")) res.writeHead(200, { "cache-control": "s-maxage=300, stale-while-revalidate=31535700" });
      else if (req.url!.startsWith("/private")) res.writeHead(200, { "cache-control": "private, no-store" });
      else if (req.url!.startsWith("/cookie")) res.writeHead(200, { "cache-control": "s-maxage=300", "set-cookie": "hallway.session_token=abc; Path=/; HttpOnly" });
      else res.writeHead(200);
      res.end(body);
    });
    await new Promise<void>((resolve) => upstream.listen(0, "127.0.0.1", resolve));
    stateDir = mkdtempSync(path.join(tmpdir(), "hallway-nginx-test-"));
    const port = await freePort();
    nginx = await startNginx({ port, upstreamPorts: [(upstream.address() as AddressInfo).port], stateDir, cacheSeconds: 1 });
    origin = `http://127.0.0.1:${port}`;
  });
  after(async () => {
    await nginx?.stop();
    await new Promise<void>((resolve) => upstream.close(() => resolve()));
    rmSync(stateDir, { recursive: true, force: true });
  });

  const get = async (url: string, headers: Record<string, string> = {}) => {
    const response = await fetch(`${origin}${url}`, { headers });
    return { status: response.headers.get("x-cache-status"), body: await response.text() };
  };

  it("keeps a shareable answer, and only for its second, not its s-maxage", async () => {
    const first = await get("/shared/a");
    const second = await get("/shared/a");
    assert.equal(first.status, "MISS");
    assert.deepEqual([second.status, second.body], ["HIT", first.body]);
    // nginx counts validity in whole seconds: 1 s is up to 2.
    await new Promise((resolve) => setTimeout(resolve, 2100));
    const later = await get("/shared/a");
    assert.notEqual(later.body, first.body, `rendered again after 2 s (${later.status})`);
  });

  it("passes a request with the session cookie through, and never stores its answer for the next visitor", async () => {
    const signedIn = await get("/shared/b", { cookie: "theme=dark; hallway.session_token=abc.def" });
    assert.equal(signedIn.status, "BYPASS");
    const visitor = await get("/shared/b");
    assert.equal(visitor.status, "MISS");
    assert.doesNotMatch(visitor.body, /hallway\.session_token/);
    assert.equal((await get("/shared/b", { cookie: "__Secure-hallway.session_token=x" })).status, "BYPASS", "served past the cache, HIT or not");
  });

  it("never stores a private answer or one that sets a cookie", async () => {
    for (const url of ["/private/c", "/cookie/d", "/plain/e"]) {
      const first = await get(url);
      const second = await get(url);
      assert.notEqual(second.status, "HIT", url);
      assert.notEqual(second.body, first.body, url);
    }
  });

  it("tells the instances who asked and how, and asks for gzip only for a client that takes it", async () => {
    seen.length = 0;
    await fetch(`${origin}/plain/f`, { headers: { "x-forwarded-for": "203.0.113.9", "accept-encoding": "br, gzip, deflate" } });
    const headers = seen.at(-1)!;
    assert.equal(headers["x-forwarded-for"], "203.0.113.9, 127.0.0.1", "nginx appends the address it saw: the last hop is the one to trust");
    assert.equal(headers["x-forwarded-proto"], "http");
    assert.equal(headers["x-forwarded-host"], new URL(origin).host);
    assert.equal(headers["accept-encoding"], "gzip", "one encoding the instances compress, whatever else the client lists");
    await fetch(`${origin}/plain/g`, { headers: { "accept-encoding": "identity" } });
    assert.equal(seen.at(-1)!["accept-encoding"], undefined);
  });

  it("stores the instance's gzipped bytes and sends them as they came, and a plain copy apart for a client without gzip", async () => {
    const raw = (headers: Record<string, string>) =>
      new Promise<{ status: string | undefined; encoding: string | undefined; body: Buffer }>((resolve, reject) => {
        // node:http, not fetch, which would decompress and hide what nginx sent.
        const request = httpGet(`${origin}/gzipped/h`, { headers }, (response) => {
          const chunks: Buffer[] = [];
          response.on("data", (chunk: Buffer) => chunks.push(chunk));
          response.on("end", () =>
            resolve({ status: response.headers["x-cache-status"] as string | undefined, encoding: response.headers["content-encoding"], body: Buffer.concat(chunks) }),
          );
        });
        request.on("error", reject);
      });
    const first = await raw({ "accept-encoding": "gzip" });
    const second = await raw({ "accept-encoding": "gzip, deflate, br" });
    assert.deepEqual([first.status, first.encoding], ["MISS", "gzip"]);
    assert.deepEqual([second.status, second.encoding], ["HIT", "gzip"]);
    assert.deepEqual(second.body, first.body, "the stored gzipped bytes, not compressed again");
    assert.match(gunzipSync(second.body).toString(), /^render \d+ of \/gzipped\/h for nobody gzipped/);
    const plain = await raw({});
    assert.deepEqual([plain.status, plain.encoding], ["MISS", undefined], "a client without gzip never gets the gzipped copy");
    assert.match(plain.body.toString(), /^render \d+ of \/gzipped\/h for nobody plain/);
  });
});
