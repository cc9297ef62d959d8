import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { isCrossOriginWrite, jsonError, parseIfMatchVersion, personalJson, privateNoStore, publicOrigin, versionETag } from "./http";

const put = (headers: Record<string, string>, url = "http://localhost:3000/api/conferences/c/sessions/s/note") =>
  new Request(url, { method: "PUT", headers });

describe("isCrossOriginWrite", () => {
  it("accepts a write from the page's own origin", () => {
    assert.equal(isCrossOriginWrite(put({ origin: "http://localhost:3000", host: "localhost:3000", "sec-fetch-site": "same-origin" })), false);
  });

  it("accepts the public origin a proxy forwards", () => {
    const request = put({ origin: "https://hallway.example", host: "127.0.0.1:3000", "x-forwarded-host": "hallway.example", "x-forwarded-proto": "https" }, "http://127.0.0.1:3000/x");
    assert.equal(isCrossOriginWrite(request), false);
  });

  it("refuses another origin, a null origin, and what the browser calls cross-site or same-site", () => {
    assert.equal(isCrossOriginWrite(put({ origin: "https://evil.example", host: "localhost:3000" })), true);
    assert.equal(isCrossOriginWrite(put({ origin: "http://localhost:3001", host: "localhost:3000" })), true);
    assert.equal(isCrossOriginWrite(put({ origin: "null", host: "localhost:3000" })), true);
    assert.equal(isCrossOriginWrite(put({ origin: "http://localhost:3000", "sec-fetch-site": "cross-site" })), true);
    assert.equal(isCrossOriginWrite(put({ "sec-fetch-site": "same-site" })), true);
    assert.equal(isCrossOriginWrite(put({ "sec-fetch-site": "cross-site" })), true);
  });

  it("lets a client that is not a browser page (no Origin, no Sec-Fetch-Site) through", () => {
    assert.equal(isCrossOriginWrite(put({})), false);
  });
});

describe("parseIfMatchVersion", () => {
  it("reads a version ETag, and treats absent or \"0\" as no note", () => {
    assert.equal(parseIfMatchVersion(null), null);
    assert.equal(parseIfMatchVersion('"0"'), null);
    assert.equal(parseIfMatchVersion('"7"'), 7);
    assert.equal(parseIfMatchVersion('W/"7"'), 7);
    assert.equal(parseIfMatchVersion(versionETag(12)), 12);
  });

  it("refuses anything else", () => {
    for (const header of ["7", '"x"', "*", '"-1"', '"1", "2"', '"1.5"']) assert.equal(parseIfMatchVersion(header), undefined, header);
  });
});

describe("personalJson", () => {
  it("is never stored, and asks not to be compressed while it is short", async () => {
    const short = personalJson({ error: "Sign in" }, { status: 401, headers: { ETag: '"3"' } });
    assert.equal(short.status, 401);
    assert.deepEqual([short.headers.get("cache-control"), short.headers.get("etag"), short.headers.get("content-type")], ["private, no-store, no-transform", '"3"', "application/json"]);
    assert.deepEqual(await short.json(), { error: "Sign in" });
    const long = personalJson({ body: "é".repeat(600) });
    assert.equal(long.headers.get("cache-control"), "private, no-store");
  });
});

describe("publicOrigin", () => {
  it("takes the first forwarded host and protocol, from a request or from a page's headers alike", () => {
    const forwarded = { host: "127.0.0.1:3000", "x-forwarded-host": "hallway.example, proxy.internal", "x-forwarded-proto": "https, http" };
    assert.equal(publicOrigin(new Request("http://127.0.0.1:3000/x", { headers: forwarded })), "https://hallway.example");
    assert.equal(publicOrigin(new Headers(forwarded)), "https://hallway.example");
    assert.equal(publicOrigin(new Headers({ host: "localhost:3000" })), "http://localhost:3000");
  });

  it("prefers HALLWAY_URL, and ignores it when it is malformed", () => {
    const saved = process.env.HALLWAY_URL;
    try {
      process.env.HALLWAY_URL = "https://conf.example/some/path";
      assert.equal(publicOrigin(new Headers({ host: "localhost:3000" })), "https://conf.example");
      process.env.HALLWAY_URL = "not a url";
      assert.equal(publicOrigin(new Headers({ host: "localhost:3000" })), "http://localhost:3000");
    } finally {
      if (saved === undefined) delete process.env.HALLWAY_URL;
      else process.env.HALLWAY_URL = saved;
    }
  });
});

describe("jsonError", () => {
  it("answers {error} with the status, and a personal one as personalJson does", async () => {
    const shared = jsonError(404, "No conference");
    assert.equal(shared.status, 404);
    assert.deepEqual(await shared.json(), { error: "No conference" });
    assert.equal(shared.headers.get("cache-control"), null);
    const personal = jsonError(401, "Sign in", privateNoStore);
    assert.equal(personal.status, 401);
    assert.deepEqual(await personal.json(), { error: "Sign in" });
    assert.equal(personal.headers.get("cache-control"), "private, no-store, no-transform");
  });
});
