import assert from "node:assert/strict";
import { createServer, type Server } from "node:http";
import { after, before, describe, it } from "node:test";
import { fetchSource, readSource, SourceError } from "./read-source";

// The port given to this project's HTTP test servers.
const port = 3316;
const origin = `http://127.0.0.1:${port}`;

describe("fetching a schedule URL", () => {
  let server: Server;
  const seen: { url: string; ifNoneMatch?: string; ifModifiedSince?: string }[] = [];
  before(async () => {
    server = createServer((request, response) => {
      const url = request.url ?? "/";
      seen.push({ url, ifNoneMatch: request.headers["if-none-match"], ifModifiedSince: request.headers["if-modified-since"] });
      const hop = /^\/hop\/(\d+)$/.exec(url);
      if (hop) {
        const left = Number(hop[1]);
        return void response.writeHead(302, { location: left === 0 ? "/schedule.json" : `/hop/${left - 1}` }).end();
      }
      if (url === "/schedule.json") {
        if (request.headers["if-none-match"] === '"v1"') return void response.writeHead(304).end();
        return void response.writeHead(200, { etag: '"v1"', "last-modified": "Tue, 01 Dec 2026 10:00:00 GMT" }).end('{"schedule": {}}');
      }
      if (url === "/to-file") return void response.writeHead(301, { location: "file:///etc/passwd" }).end();
      if (url === "/no-location") return void response.writeHead(302).end();
      if (url === "/stream") {
        // Chunked, no Content-Length: only counting the bytes as they arrive finds it too big.
        response.writeHead(200);
        for (let i = 0; i < 10; i += 1) response.write("x".repeat(1_000));
        return void response.end();
      }
      if (url === "/stall") {
        response.writeHead(200);
        response.write("{");
        return;
      }
      response.writeHead(500).end("oops");
    });
    await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  });
  after(() => {
    server.closeAllConnections();
    server.close();
  });

  it("answers the text and its validators, then unchanged when they still hold", async () => {
    const first = await fetchSource(`${origin}/schedule.json`);
    assert.deepEqual(first, { kind: "fetched", text: '{"schedule": {}}', etag: '"v1"', lastModified: "Tue, 01 Dec 2026 10:00:00 GMT" });
    seen.length = 0;
    const second = await fetchSource(`${origin}/schedule.json`, { etag: '"v1"', lastModified: "Tue, 01 Dec 2026 10:00:00 GMT" });
    assert.deepEqual(second, { kind: "unchanged" });
    assert.deepEqual(seen, [{ url: "/schedule.json", ifNoneMatch: '"v1"', ifModifiedSince: "Tue, 01 Dec 2026 10:00:00 GMT" }]);
  });

  it("follows three redirects and refuses a fourth", async () => {
    assert.equal((await fetchSource(`${origin}/hop/2`)).kind, "fetched");
    await assert.rejects(fetchSource(`${origin}/hop/3`), new SourceError("more than 3 redirects"));
    await assert.rejects(fetchSource(`${origin}/hop/0`, {}, { maxRedirects: 0 }), new SourceError("more than 0 redirects"));
  });

  it("fetches only http and https, before and after a redirect", async () => {
    await assert.rejects(fetchSource("file:///etc/passwd"), new SourceError("is a file: URL; only http and https are fetched"));
    await assert.rejects(fetchSource(`${origin}/to-file`), new SourceError("redirects to a file: URL; only http and https are fetched"));
    await assert.rejects(fetchSource(`${origin}/no-location`), /without a Location/);
  });

  it("stops at the size cap while the body streams, and at the timeout while it stalls", async () => {
    await assert.rejects(fetchSource(`${origin}/stream`, {}, { maxBytes: 5_000 }), new SourceError("is larger than the limit of 0 MB"));
    assert.equal((await fetchSource(`${origin}/stream`, {}, { maxBytes: 10_000 })).kind, "fetched");
    const started = Date.now();
    await assert.rejects(fetchSource(`${origin}/stall`, {}, { timeoutMs: 300 }), new SourceError("no complete answer within 0.3 s"));
    assert.ok(Date.now() - started < 2_000);
  });

  it("says the status of a failed answer, and the CLI's readSource says the same", async () => {
    await assert.rejects(fetchSource(`${origin}/boom`), new SourceError("HTTP 500 Internal Server Error"));
    await assert.rejects(readSource(`${origin}/boom`), new SourceError("HTTP 500 Internal Server Error"));
    assert.equal(await readSource(`${origin}/hop/1`), '{"schedule": {}}');
  });
});
