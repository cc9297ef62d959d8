import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { readFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import { promisify } from "node:util";
import { setupTestDatabase } from "../test/database";
import { databaseSnapshot } from "../test/snapshot";

const databaseUrl = await setupTestDatabase();
const { db } = await import("../db/client");
const { parseProgram } = await import("../interop/detect");
const { importProgram } = await import("../interop/import-program");
const { claimSource, followDueSources } = await import("./follow-sources");
const { startFollowing } = await import("./follow-timer");

const root = path.resolve(import.meta.dirname, "../..");
const quirky = readFileSync(path.join(root, "lib/interop/fixtures/quirky-frab.json"), "utf8");
const retitled = (() => {
  const doc = JSON.parse(quirky);
  doc.schedule.conference.days[0].rooms["Saal 1"][1].title = "Lightning Talks, Moved Up";
  return JSON.stringify(doc);
})();

// The port given to this project's HTTP test servers.
const port = 3316;
const url = `http://127.0.0.1:${port}/schedule.json`;

/** What the schedule server answers: the file and its ETag, or a failure. */
const served = { body: quirky, etag: '"v1"', mode: "ok" as "ok" | "500" | "stall" | "malformed", delayMs: 0 };
const requests: { ifNoneMatch?: string }[] = [];

describe("following a schedule URL", () => {
  let server: Server;
  let conferenceId: number;
  let clock = Date.parse("2026-12-01T10:00:00Z");
  const now = () => new Date(clock);
  const later = (minutes: number) => (clock += minutes * 60_000);
  const follow = (limits = {}) => followDueSources(db, { owner: "test-follower", now, limits });
  const source = () => db.programSource.findUniqueOrThrow({ where: { conferenceId } });
  const title = async () => (await db.session.findFirstOrThrow({ where: { conferenceId, guid: lightningGuid } })).title;
  let lightningGuid = "";

  before(async () => {
    server = createServer((request, response) => {
      requests.push({ ifNoneMatch: request.headers["if-none-match"] });
      const answer = () => {
        if (served.mode === "500") return void response.writeHead(500).end("down for maintenance");
        if (served.mode === "stall") return void response.writeHead(200).write('{"schedule": ');
        if (served.mode === "malformed") return void response.writeHead(200, { etag: '"broken"' }).end('{"schedule": {"conference": ');
        if (request.headers["if-none-match"] === served.etag) return void response.writeHead(304, { etag: served.etag }).end();
        response.writeHead(200, { "content-type": "application/json", etag: served.etag }).end(served.body);
      };
      if (served.delayMs) setTimeout(answer, served.delayMs);
      else answer();
    });
    await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
    await importProgram(db, parseProgram(quirky), { source: { kind: "cli", name: "quirky-frab.json" } });
    const conference = await db.conference.findUniqueOrThrow({ where: { slug: "quirkcamp19" } });
    conferenceId = conference.id;
    lightningGuid = (await db.session.findFirstOrThrow({ where: { conferenceId, title: "Lightning Talks" } })).guid;
    await db.programSource.create({ data: { conferenceId, url } });
  });
  after(() => {
    server.closeAllConnections();
    server.close();
  });

  it("fetches a new source at once; the same program changes nothing, and its ETag is kept", async () => {
    const before = await databaseSnapshot(db);
    assert.deepEqual(await follow(), [{ conference: "quirkcamp19", url, status: "unchanged", counts: { added: 0, changed: 0, cancelled: 0, restored: 0 } }]);
    assert.deepEqual(await databaseSnapshot(db), before);
    const recorded = await source();
    assert.equal(recorded.etag, '"v1"');
    assert.equal(recorded.lastStatus, "unchanged");
    assert.deepEqual(recorded.lastCheckedAt, now());
    assert.deepEqual(recorded.nextCheckAt, new Date(clock + 10 * 60_000));
    assert.equal(recorded.leaseOwner, null);
  });

  it("leaves a source alone until its interval has passed", async () => {
    requests.length = 0;
    later(9);
    assert.deepEqual(await follow(), []);
    assert.equal(requests.length, 0);
  });

  it("asks with If-None-Match, and a 304 changes nothing", async () => {
    requests.length = 0;
    later(1);
    const before = await databaseSnapshot(db);
    assert.deepEqual(await follow(), [{ conference: "quirkcamp19", url, status: "unchanged" }]);
    assert.deepEqual(requests, [{ ifNoneMatch: '"v1"' }]);
    assert.deepEqual(await databaseSnapshot(db), before);
    assert.equal((await source()).lastStatus, "unchanged");
  });

  it("applies a changed file as one change set from the follower", async () => {
    Object.assign(served, { body: retitled, etag: '"v2"' });
    later(10);
    const [outcome] = await follow();
    assert.equal(outcome?.status, "applied");
    assert.deepEqual(outcome?.counts, { added: 0, changed: 1, cancelled: 0, restored: 0 });
    assert.equal(await title(), "Lightning Talks, Moved Up");
    const recorded = await source();
    assert.equal(recorded.lastStatus, "applied");
    assert.equal(recorded.etag, '"v2"');
    const lastImport = await db.programImport.findFirstOrThrow({ where: { conferenceId }, orderBy: { id: "desc" } });
    assert.equal(lastImport.sourceKind, "follow");
    assert.equal(lastImport.sourceName, url);
    assert.equal(lastImport.changed, 1);
  });

  for (const [mode, reason, limits] of [
    ["500", "HTTP 500 Internal Server Error", {}],
    ["stall", "no complete answer within 0.3 s", { timeoutMs: 300 }],
    ["malformed", /^line 1, end of file: invalid JSON/, {}],
  ] as const) {
    it(`records a ${mode === "stall" ? "timeout" : mode} with its time and reason, and changes nothing`, async () => {
      served.mode = mode;
      later(10);
      const before = await databaseSnapshot(db);
      const imports = await db.programImport.count();
      const [outcome] = await follow(limits);
      assert.equal(outcome?.status, "failed");
      assert.deepEqual(await databaseSnapshot(db), before);
      assert.equal(await db.programImport.count(), imports);
      const recorded = await source();
      assert.equal(recorded.lastStatus, "failed");
      if (typeof reason === "string") assert.equal(recorded.lastError, reason);
      else assert.match(recorded.lastError ?? "", reason);
      assert.deepEqual(recorded.lastCheckedAt, now());
      assert.equal(recorded.etag, '"v2"', "a failed fetch keeps the validators of the last good one");
      assert.equal(recorded.leaseOwner, null);
      assert.deepEqual(recorded.nextCheckAt, new Date(clock + 10 * 60_000));
    });
  }

  it("recovers when the source does, and clears the error", async () => {
    served.mode = "ok";
    later(10);
    assert.equal((await follow())[0]?.status, "unchanged");
    const recorded = await source();
    assert.equal(recorded.lastStatus, "unchanged");
    assert.equal(recorded.lastError, null);
  });

  it("gives a due source's lease to one owner only, and not again while it lives", async () => {
    later(10);
    const claims = await Promise.all(["a", "b", "c"].map((owner) => claimSource(db, conferenceId, owner, now())));
    assert.deepEqual(claims.filter(Boolean).length, 1);
    assert.equal(await claimSource(db, conferenceId, "d", new Date(clock + 60_000)), false);
    // A lease its holder never gave back lapses, so a crashed process does not stop the following.
    assert.equal(await claimSource(db, conferenceId, "e", new Date(clock + 6 * 60_000)), true);
    await db.programSource.update({ where: { conferenceId }, data: { leaseOwner: null, leaseUntil: null } });
  });

  it("fetches once when two processes follow the same database at the same moment", { timeout: 60_000 }, async () => {
    await db.programSource.update({ where: { conferenceId }, data: { nextCheckAt: new Date(Date.now() - 1_000), etag: null } });
    Object.assign(served, { body: quirky, etag: '"v3"', delayMs: 1_500 });
    requests.length = 0;
    const { NODE_OPTIONS: _ignored, ...env } = process.env;
    const runFollower = () =>
      promisify(execFile)(process.execPath, ["--experimental-wasm-modules", "--no-warnings=ExperimentalWarning", "--import", "tsx", "scripts/db.ts", "follow"], {
        cwd: root,
        env: { ...env, DATABASE_URL: databaseUrl },
      });
    const [first, second] = await Promise.all([runFollower(), runFollower()]);
    served.delayMs = 0;
    assert.equal(requests.length, 1, `${first.stdout}\n${second.stdout}`);
    const lines = [first.stdout, second.stdout].join("\n");
    assert.match(lines, /quirkcamp19: http:\/\/127\.0\.0\.1:3316\/schedule\.json: applied/);
    assert.match(lines, /No followed schedule URL is due\./);
    assert.equal(await title(), "Lightning Talks");
  });

  it("runs inside a server as a timer that picks due sources, and stops", async () => {
    await db.programSource.update({ where: { conferenceId }, data: { nextCheckAt: new Date(Date.now() - 1_000) } });
    requests.length = 0;
    const follower = startFollowing(db, { tickMs: 50 });
    const deadline = Date.now() + 10_000;
    while (requests.length === 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
    await new Promise((resolve) => setTimeout(resolve, 300));
    await follower.stop();
    assert.equal(requests.length, 1, "one fetch, then nothing until the interval has passed");
    const recorded = await source();
    assert.equal(recorded.lastStatus, "unchanged");
    assert.ok(recorded.nextCheckAt && recorded.nextCheckAt.getTime() > Date.now() + 9 * 60_000);
  });
});
