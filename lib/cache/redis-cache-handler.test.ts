import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { createRequire } from "node:module";
import { after, before, describe, it } from "node:test";
import { createClient } from "redis";
import { createProgramRevisions, installProgramRevisions, type ProgramRevisions } from "../server/program-revisions";
import { redisTestServer } from "../test/redis";

type Handler = {
  get(key: string): Promise<{ value: unknown; lastModified: number; cacheControl?: unknown } | null>;
  set(key: string, data: unknown, ctx: unknown): Promise<void>;
  revalidateTag(tags: string | string[]): Promise<void>;
};
type HandlerClass = (new () => Handler) & { disconnect(): Promise<void> };

const require = createRequire(import.meta.url);
const handlerPath = require.resolve("./redis-cache-handler.cjs");
const loaded: HandlerClass[] = [];

/** The handler module as a fresh process would load it: its own connection and its own stamps. */
function loadHandler(env: Record<string, string>): HandlerClass {
  const saved = { ...process.env };
  Object.assign(process.env, env);
  try {
    delete require.cache[handlerPath];
    const Handler = require(handlerPath) as HandlerClass;
    loaded.push(Handler);
    return Handler;
  } finally {
    for (const name of Object.keys(env)) if (saved[name] === undefined) delete process.env[name];
    else process.env[name] = saved[name];
  }
}

const found = await redisTestServer();
if ("skip" in found) console.log(`# skipping the Redis page cache tests: ${found.skip}`);

describe("the Redis page cache handler", { skip: "skip" in found ? found.skip : false }, () => {
  const url = "url" in found ? found.url : "";
  const prefix = `hallway-test-${randomBytes(4).toString("hex")}:`;
  const env = { HALLWAY_REDIS_URL: url, HALLWAY_REDIS_PREFIX: prefix };
  const stored = new Map([["a-conf", 1], ["b-conf", 7]]);
  let revisions: ProgramRevisions;
  const page = (path: string) => `/route-cache/APP_PAGE/ab62/$${path}`;

  before(() => {
    revisions = installProgramRevisions(createProgramRevisions(() => new Map(stored), { intervalMs: 0 }));
  });
  after(async () => {
    installProgramRevisions(undefined as never);
    for (const Handler of loaded) await Handler.disconnect();
    const redis = await createClient({ url }).connect();
    for await (const keys of redis.scanIterator({ MATCH: `${prefix}*` })) if (keys.length) await redis.del(keys);
    await redis.close();
  });

  it("hands one process's page to another, Buffers and Maps intact", async () => {
    const a = new (loadHandler(env))();
    const b = new (loadHandler(env))();
    const key = page("/a-conf/sessions/x");
    const value = { kind: "APP_PAGE", html: "<p>x</p>", rscData: Buffer.from("rsc bytes"), segmentData: new Map([["/_tree", Buffer.from("tree")]]), headers: {}, status: 200 };
    assert.equal(await a.get(key), null);
    await a.set(key, value, {});
    const seen = await b.get(key);
    assert.deepEqual(seen?.value, value);
    assert.ok(Buffer.isBuffer((seen?.value as typeof value).rscData));
  });

  it("hands the page's lifetime over with it, so another process sends the page with its Cache-Control", async () => {
    const a = new (loadHandler(env))();
    const b = new (loadHandler(env))();
    const key = page("/a-conf/search?q=kube");
    const value = { kind: "APP_PAGE", html: "<p>kube</p>", rscData: Buffer.from("rsc"), headers: {}, status: 200 };
    await a.set(key, value, { cacheControl: { revalidate: 300, expire: 31536000 } });
    assert.deepEqual((await b.get(key))?.cacheControl, { revalidate: 300, expire: 31536000 });
  });

  it("does not serve a page made before an import in any process, and keeps other conferences'", async () => {
    const a = new (loadHandler(env))();
    const b = new (loadHandler(env))();
    for (const key of [page("/a-conf/speakers"), page("/b-conf/speakers")]) {
      assert.equal(await a.get(key), null);
      await a.set(key, { kind: "APP_PAGE", html: key }, {});
      assert.ok(await b.get(key), "shared before the import");
    }
    stored.set("a-conf", 2); // an import, through whichever process
    assert.equal(await b.get(page("/a-conf/speakers")), null, "the moved conference's page is not served");
    assert.ok(await b.get(page("/b-conf/speakers")), "the other conference's is");
    await revisions.refresh();
  });

  it("just after an import, one process renders the page while the others serve the previous copy, for a moment only", async () => {
    let clock = 1_000_000;
    const shared = revisions;
    const before = stored.get("a-conf")!;
    const timed = installProgramRevisions(createProgramRevisions(() => new Map(stored), { intervalMs: 0, now: () => clock }));
    try {
      const a = new (loadHandler(env))();
      const b = new (loadHandler(env))();
      const c = new (loadHandler(env))();
      const key = page("/a-conf/sessions/moved");
      const lifetime = { revalidate: 300, expire: 31536000 };
      await timed.refresh();
      await a.get(key);
      await a.set(key, { kind: "APP_PAGE", html: "Tue 11:00, Room B" }, { cacheControl: lifetime });
      stored.set("a-conf", stored.get("a-conf")! + 1); // an import, through whichever process
      await timed.refresh();
      clock += 500;
      const answers = await Promise.all([a, b, c, a, b, c].map((handler) => handler.get(key)));
      assert.equal(answers.filter((answer) => answer === null).length, 1, "one process misses and renders it: one render for the three");
      assert.ok(answers.every((answer) => answer === null || (answer.value as { html: string }).html === "Tue 11:00, Room B"), "the others serve the previous copy");
      clock += 1001;
      assert.equal(await b.get(key), null, "past the window no process serves it");
    } finally {
      stored.set("a-conf", before);
      installProgramRevisions(shared);
      await shared.refresh();
    }
  });

  it("stamps a page with the revision its render began at, so a render racing an import is not kept", async () => {
    const a = new (loadHandler(env))();
    const key = page("/a-conf/schedule");
    assert.equal(await a.get(key), null);
    stored.set("a-conf", 3); // an import lands while the page renders
    await revisions.refresh();
    await a.set(key, { kind: "APP_PAGE", html: "old program" }, {});
    assert.equal(await a.get(key), null);
  });

  it("carries revalidateTag to every process, by the entry's tags and Next's tag header", async () => {
    const a = new (loadHandler(env))();
    const b = new (loadHandler(env))();
    const noted = page("/b-conf/sessions/noted");
    const other = page("/b-conf/sessions/other");
    await a.get(noted);
    await a.set(noted, { kind: "APP_PAGE", html: "before the note", headers: { "x-next-cache-tags": "_N_T_/layout,_N_T_/b-conf/sessions/noted" } }, {});
    await a.get(other);
    await a.set(other, { kind: "APP_PAGE", html: "other" }, { tags: ["_N_T_/b-conf/sessions/other"] });
    await new Promise((resolve) => setTimeout(resolve, 2));
    await b.revalidateTag(["_N_T_/b-conf/sessions/noted"]);
    assert.equal(await a.get(noted), null, "revalidated through the other process");
    assert.ok(await a.get(other), "an entry without the tag stays");
    await b.revalidateTag("_N_T_/b-conf/sessions/other");
    assert.equal(await a.get(other), null, "a tag given in the set's context counts too");
    await a.set(noted, { kind: "APP_PAGE", html: "after the note", headers: { "x-next-cache-tags": "_N_T_/b-conf/sessions/noted" } }, {});
    assert.equal(((await b.get(noted))?.value as { html: string }).html, "after the note", "a page made after the tag is served");
  });

  it("keeps entries no longer than its TTL", async () => {
    const a = new (loadHandler({ ...env, HALLWAY_PAGE_CACHE_TTL_SECONDS: "1" }))();
    const key = page("/b-conf/speakers/short");
    await a.get(key);
    await a.set(key, { kind: "APP_PAGE", html: "brief" }, {});
    assert.ok(await a.get(key));
    await new Promise((resolve) => setTimeout(resolve, 1100));
    assert.equal(await a.get(key), null);
  });

  it("renders without Redis when it does not answer: a miss, and a set that is dropped", async () => {
    const Handler = loadHandler({ HALLWAY_REDIS_URL: "redis://127.0.0.1:9", HALLWAY_REDIS_PREFIX: prefix });
    const silenced = console.error;
    console.error = () => {};
    try {
      const handler = new Handler();
      assert.equal(await handler.get(page("/b-conf/speakers")), null);
      await handler.set(page("/b-conf/speakers"), { kind: "APP_PAGE", html: "x" }, {});
      await handler.revalidateTag("_N_T_/b-conf/speakers");
    } finally {
      console.error = silenced;
    }
    const shared = new (loadHandler(env))();
    assert.ok(await shared.get(page("/b-conf/speakers")), "the shared store still has its entry");
  });
});
