import assert from "node:assert/strict";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { createRequire } from "node:module";
import { after, describe, it } from "node:test";
import { createMicroCache } from "./micro-cache";
import { conferenceOfPath, createProgramRevisions, installProgramRevisions } from "./program-revisions";

describe("program revisions", () => {
  it("find the conference a path, an API path or a micro-cache key is about", () => {
    assert.equal(conferenceOfPath("/dockercon-eu-2017/sessions/x"), "dockercon-eu-2017");
    assert.equal(conferenceOfPath("/dockercon-eu-2017/schedule/view/2017-10-17~all~1"), "dockercon-eu-2017");
    assert.equal(conferenceOfPath("gz /api/conferences/night-conf/sessions?day=2017-10-17"), "night-conf");
    assert.equal(conferenceOfPath("/route-cache/APP_PAGE/ab6240ab8a79/$/quirk-live/sessions/solder-your-badge"), "quirk-live");
    assert.equal(conferenceOfPath("/api/me/time-zone"), null);
    assert.equal(conferenceOfPath("/index"), "index");
    assert.equal(conferenceOfPath("/"), null);
  });

  it("re-read at most once an interval, and stamp by conference", async () => {
    let clock = 0;
    let reads = 0;
    const stored = new Map([["a-conf", 1]]);
    const revisions = createProgramRevisions(() => (reads++, new Map(stored)), { intervalMs: 1000, now: () => clock });
    await revisions.poll();
    assert.equal(revisions.stampOf("/a-conf/speakers"), "a-conf:1");
    assert.equal(revisions.stampOf("/b-conf/speakers"), "b-conf:absent");
    stored.set("a-conf", 2);
    clock = 999;
    await revisions.poll();
    assert.deepEqual([reads, revisions.stampOf("/a-conf/speakers")], [1, "a-conf:1"], "not yet re-read");
    clock = 1000;
    await revisions.poll();
    assert.deepEqual([reads, revisions.stampOf("/a-conf/speakers")], [2, "a-conf:2"]);
    stored.set("a-conf", 3);
    await revisions.refresh();
    assert.equal(revisions.stampOf("/a-conf"), "a-conf:3", "refresh reads at once");
  });
});

describe("when a revision moved", () => {
  it("says how long ago this process first read the conference's current revision, and never for a revision there at the first read", async () => {
    let clock = 5000;
    const stored = new Map([["a-conf", 1], ["b-conf", 4]]);
    const revisions = createProgramRevisions(() => new Map(stored), { intervalMs: 1000, now: () => clock });
    await revisions.poll();
    assert.equal(revisions.movedAgo("/a-conf/schedule"), Infinity);
    stored.set("a-conf", 2);
    stored.set("c-conf", 1);
    clock = 6000;
    await revisions.poll();
    clock = 6400;
    assert.equal(revisions.movedAgo("/a-conf/schedule"), 400);
    assert.equal(revisions.movedAgo("/api/conferences/c-conf"), 400, "a new conference moved from absent");
    assert.equal(revisions.movedAgo("/b-conf/schedule"), Infinity);
    assert.equal(revisions.movedAgo("/api/me/time-zone"), Infinity);
    clock = 7000;
    await revisions.poll();
    assert.equal(revisions.movedAgo("/a-conf/schedule"), 1000, "a read that finds the same revision does not move it");
  });
});

describe("the page cache handler", () => {
  const stored = new Map([["a-conf", 1], ["b-conf", 7]]);
  const revisions = installProgramRevisions(createProgramRevisions(() => new Map(stored), { intervalMs: 0 }));
  after(() => installProgramRevisions(undefined as never));
  const Handler = createRequire(import.meta.url)("../cache/memory-cache-handler.cjs") as new () => {
    get(key: string): Promise<{ value: unknown } | null>;
    set(key: string, data: unknown, ctx: unknown): Promise<void>;
  };

  it("drops a conference's pages once its revision moves, and keeps the others'", async () => {
    const handler = new Handler();
    for (const key of ["/route-cache/APP_PAGE/ab62/$/a-conf/sessions/x", "/route-cache/APP_PAGE/ab62/$/b-conf/sessions/y"]) {
      assert.equal(await handler.get(key), null);
      await handler.set(key, { kind: "APP_PAGE", html: key }, {});
      assert.deepEqual((await handler.get(key))?.value, { kind: "APP_PAGE", html: key });
    }
    stored.set("a-conf", 2);
    assert.equal(await handler.get("/route-cache/APP_PAGE/ab62/$/a-conf/sessions/x"), null, "the moved conference's page is gone");
    assert.ok(await handler.get("/route-cache/APP_PAGE/ab62/$/b-conf/sessions/y"), "the other conference's stays");
    await revisions.refresh();
  });

  it("stamps a page with the revision its render began at, so a render racing an import is not kept", async () => {
    const handler = new Handler();
    assert.equal(await handler.get("/a-conf/speakers"), null);
    stored.set("a-conf", 3); // an import lands while the page renders
    await revisions.refresh();
    await handler.set("/a-conf/speakers", { kind: "APP_PAGE", html: "old program" }, {});
    assert.equal(await handler.get("/a-conf/speakers"), null);
  });
});

describe("the micro-cache with program revisions", () => {
  let server: Server;
  after(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it("does not serve an answer whose conference's revision moved", async () => {
    let revision = 1;
    const revisions = createProgramRevisions(() => new Map([["a-conf", revision]]), { intervalMs: 0 });
    const cache = createMicroCache({ ttlMs: 60_000, maxEntries: 10, maxBodyBytes: 1024 * 1024, stampOf: revisions.stampOf });
    let renders = 0;
    server = createServer(async (req, res) => {
      await revisions.poll();
      const key = cache.keyFor(req);
      if (key && cache.serve(req, res, key)) return;
      if (key) cache.record(res, key);
      renders += 1;
      res.writeHead(200, { "cache-control": "s-maxage=300" }).end(`render ${renders}`);
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const get = async (path: string) => (await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}${path}`)).text();
    assert.equal(await get("/a-conf/schedule"), "render 1");
    assert.equal(await get("/a-conf/schedule"), "render 1", "kept");
    assert.equal(await get("/other/schedule"), "render 2");
    revision = 2;
    assert.equal(await get("/a-conf/schedule"), "render 3", "the moved conference renders again");
    assert.equal(await get("/other/schedule"), "render 2", "the other is still served from memory");
  });
});
