import assert from "node:assert/strict";
import { createServer, type Server } from "node:http";
import { createRequire } from "node:module";
import type { AddressInfo } from "node:net";
import { after, beforeEach, describe, it } from "node:test";
import { createMicroCache } from "../server/micro-cache";
import { createProgramRevisions, installProgramRevisions } from "../server/program-revisions";

// The window after an import in which a page's previous copy may still be served, set before the handler reads it.
const staleMs = 1000;
process.env.HALLWAY_PROGRAM_STALE_MS = String(staleMs);
const lifetime = { revalidate: 300, expire: 31536000 };

let clock = 1_000_000;
const stored = new Map([["a-conf", 1], ["b-conf", 7]]);
const revisions = installProgramRevisions(createProgramRevisions(() => new Map(stored), { intervalMs: 0, now: () => clock }));
after(() => installProgramRevisions(undefined as never));

/** An import of a-conf, seen by this process now. */
async function importAConf() {
  stored.set("a-conf", stored.get("a-conf")! + 1);
  await revisions.refresh();
}

type Answer = { value: unknown; lastModified: number } | null;
const Handler = createRequire(import.meta.url)("./memory-cache-handler.cjs") as new () => {
  get(key: string): Promise<Answer>;
  set(key: string, data: unknown, ctx: unknown): Promise<void>;
};


describe("the page cache just after an import", () => {
  beforeEach(() => revisions.refresh());

  it("serves the previous copy for a moment while one get renders the new one, and never after", async () => {
    const handler = new Handler();
    const key = "/route-cache/APP_PAGE/ab62/$/a-conf/sessions/moved";
    const old = { kind: "APP_PAGE", html: "Tue 11:00, Room B" };
    assert.equal(await handler.get(key), null);
    await handler.set(key, old, { cacheControl: lifetime });
    await importAConf();

    clock += staleMs / 2;
    const answers = await Promise.all(Array.from({ length: 8 }, () => handler.get(key)));
    assert.equal(answers.filter((answer) => answer === null).length, 1, "one get misses and renders the page: one render, not eight");
    assert.ok(answers.every((answer) => answer === null || answer.value === old), "the others are given the previous copy");

    clock += staleMs;
    assert.equal(await handler.get(key), null, "past the window the previous copy is not served at all");
  });

  it("keeps the render the window started under the new revision", async () => {
    const handler = new Handler();
    const key = "/route-cache/APP_PAGE/ab62/$/a-conf/sessions/rendered";
    await handler.get(key);
    await handler.set(key, { kind: "APP_PAGE", html: "old" }, { cacheControl: lifetime });
    await importAConf();
    assert.equal(await handler.get(key), null);
    await handler.set(key, { kind: "APP_PAGE", html: "new" }, { cacheControl: lifetime });
    clock += staleMs * 10;
    assert.deepEqual((await handler.get(key))?.value, { kind: "APP_PAGE", html: "new" });
  });

  it("does not keep a previous copy handed back to it as the new program", async () => {
    const handler = new Handler();
    const key = "/route-cache/APP_PAGE/ab62/$/a-conf/sessions/failing";
    await handler.get(key);
    await handler.set(key, { kind: "APP_PAGE", html: "old" }, { cacheControl: lifetime });
    await importAConf();
    assert.equal(await handler.get(key), null, "this one renders");
    const previous = await handler.get(key);
    // Next's response cache sets again an entry it was given when a render from it throws.
    await handler.set(key, previous!.value, { cacheControl: { revalidate: 3, expire: 31536000 } });
    clock += staleMs + 1;
    assert.equal(await handler.get(key), null);
  });

  it("leaves other conferences' pages alone", async () => {
    const handler = new Handler();
    const key = "/route-cache/APP_PAGE/ab62/$/b-conf/sessions/y";
    await handler.get(key);
    await handler.set(key, { kind: "APP_PAGE", html: "b" }, { cacheControl: lifetime });
    await importAConf();
    assert.deepEqual((await handler.get(key))?.value, { kind: "APP_PAGE", html: "b" });
  });
});

describe("the micro-cache just after an import", () => {
  let server: Server;
  after(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it("gives the previous answer to the others while one request asks for the new one, for a moment only", async () => {
    const cache = createMicroCache({ ttlMs: 60_000, maxEntries: 10, maxBodyBytes: 1024 * 1024, stampOf: revisions.stampOf, movedAgo: revisions.movedAgo, staleMs });
    let renders = 0;
    let hold: Promise<void> = Promise.resolve();
    server = createServer(async (req, res) => {
      await revisions.poll();
      const key = cache.keyFor(req);
      if (key && cache.serve(req, res, key)) return;
      if (key) cache.record(res, key);
      renders += 1;
      const render = renders;
      await hold;
      res.writeHead(200, { "cache-control": "s-maxage=300" }).end(`render ${render}`);
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const get = async (path: string) => {
      const response = await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}${path}`);
      return `${await response.text()} ${response.headers.get("x-hallway-cache") ?? "-"}`;
    };
    clock += staleMs + 1; // well after the imports of the tests above
    assert.equal(await get("/a-conf/schedule"), "render 1 -");
    assert.equal(await get("/a-conf/schedule"), "render 1 HIT");

    await importAConf();
    let release!: () => void;
    hold = new Promise((resolve) => (release = resolve));
    const rendering = get("/a-conf/schedule");
    await new Promise((resolve) => setTimeout(resolve, 50));
    const others = await Promise.all(Array.from({ length: 5 }, () => get("/a-conf/schedule")));
    assert.deepEqual(others, Array(5).fill("render 1 STALE"), "the previous answer, while the new one renders");
    assert.equal(renders, 2, "one render for six requests");
    release();
    assert.equal(await rendering, "render 2 -");

    clock += staleMs + 1;
    assert.equal(await get("/a-conf/schedule"), "render 3 -", "past the window nothing from before the import is served");
    assert.equal(await get("/a-conf/schedule"), "render 3 HIT", "and what renders then is kept");
  });
});
