import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import { promisify } from "node:util";
import { setupTestDatabase } from "../test/database";
import { createTestUser } from "../test/users";
import { databaseSnapshot } from "../test/snapshot";
import { ProgramFormatError } from "./errors";
import { generateFrabFixture } from "./fixtures/generate";
import { readSource, SourceError } from "./read-source";

await setupTestDatabase();
const { db } = await import("../db/client");
const { parseProgram } = await import("./detect");
const { formatImportReport, importProgram } = await import("./import-program");

const root = path.resolve(import.meta.dirname, "../..");
const fixturePath = path.join(root, "lib/interop/fixtures/quirky-frab.json");
const quirky = readFileSync(fixturePath, "utf8");
const scratch = mkdtempSync(path.join(tmpdir(), "hallway-import-"));
after(() => rmSync(scratch, { recursive: true, force: true }));

const importText = async (text: string) => importProgram(db, parseProgram(text));
const quirkyWith = (change: (doc: { schedule: { conference: { days: { rooms: Record<string, Record<string, unknown>[]> }[] } } }) => void) => {
  const doc = JSON.parse(quirky);
  change(doc);
  return JSON.stringify(doc);
};

describe("importing a schedule into the database", () => {
  before(async () => {
    await importText(quirky);
    const session = await db.session.findFirstOrThrow({ where: { guid: "1c0d9e4f-2e3b-4d6c-9f80-7b6c5d4e3f20" } });
    await createTestUser(db, { id: "importer-test", name: "Note Taker" });
    await db.note.create({ data: { userId: "importer-test", sessionId: session.id, body: "Bring snacks.", visibility: "public" } });
  });

  it("changes nothing when the same file is imported again", async () => {
    const before = await databaseSnapshot(db);
    const report = await importText(quirky);
    assert.deepEqual(report, { conference: "Quirk Camp 2019 (quirkcamp19)", added: [], changed: [], cancelled: [], unchanged: 6 });
    assert.equal(formatImportReport(report), "Quirk Camp 2019 (quirkcamp19): 0 added, 0 changed, 0 cancelled (kept with their notes), 6 unchanged");
    assert.deepEqual(await databaseSnapshot(db), before);
  });

  it("cancels a session that left the file, and keeps its notes", async () => {
    const report = await importText(quirkyWith((doc) => doc.schedule.conference.days[0]!.rooms["Saal 1"]!.splice(1, 1)));
    assert.deepEqual([report.added, report.changed, report.cancelled, report.unchanged], [[], [], ["Lightning Talks"], 5]);
    const kept = await db.session.findFirstOrThrow({ where: { guid: "1c0d9e4f-2e3b-4d6c-9f80-7b6c5d4e3f20" }, include: { notes: true } });
    assert.equal(kept.status, "cancelled");
    assert.deepEqual(kept.notes.map((n) => n.body), ["Bring snacks."]);
    assert.match(formatImportReport(report), /0 added, 0 changed, 1 cancelled \(kept with their notes\), 5 unchanged\nCancelled:\n {2}- Lightning Talks$/);

    const back = await importText(quirky);
    assert.deepEqual([back.changed, back.cancelled], [["Lightning Talks"], []]);
  });

  it("reports a changed title by its new title", async () => {
    const report = await importText(quirkyWith((doc) => (doc.schedule.conference.days[0]!.rooms["Workshop Tent"]![0]!.title = "Solder Your Own Badge")));
    assert.deepEqual([report.added, report.changed, report.cancelled, report.unchanged], [[], ["Solder Your Own Badge"], [], 5]);
    await importText(quirky);
  });

  it("changes nothing when a file is malformed", async () => {
    const before = await databaseSnapshot(db);
    const malformed = [
      quirky.replace('"Saal 1": [', '"Saal 1": [,'),
      quirkyWith((doc) => delete doc.schedule.conference.days[1]!.rooms["Bar"]![0]!.title),
      quirkyWith((doc) => (doc.schedule.conference.days[1]!.rooms["Bar"]![0]!.duration = "abc")),
      readFileSync(path.join(root, "lib/interop/fixtures/quirky-schedule.xml"), "utf8").replace("</title>", "</titel>"),
    ];
    for (const text of malformed) await assert.rejects(importText(text), ProgramFormatError);
    assert.deepEqual(await databaseSnapshot(db), before);
  });

  it("lists at most 20 titles of each kind", () => {
    const titles = Array.from({ length: 23 }, (_, i) => `Talk ${i + 1}`);
    const text = formatImportReport({ conference: "C (c)", added: titles, changed: [], cancelled: [], unchanged: 0 });
    assert.ok(text.includes("  - Talk 20\n  … and 3 more"));
    assert.ok(!text.includes("Talk 21"));
  });

  it("imports a generated schedule of any size", async () => {
    const text = generateFrabFixture({ events: 300, speakers: 40, rooms: 5, seed: 7 });
    assert.equal(text, generateFrabFixture({ events: 300, speakers: 40, rooms: 5, seed: 7 }), "the same options give the same text");
    const report = await importText(text);
    assert.equal(report.added.length, 300);
    assert.equal(await db.speaker.count({ where: { conference: { slug: "synthcon-7" } } }), new Set(JSON.parse(text).schedule.conference.days.flatMap((d: { rooms: Record<string, { persons: { id: number }[] }[]> }) => Object.values(d.rooms).flat().flatMap((e) => e.persons.map((p) => p.id)))).size);
  });
});

describe("reading the source", () => {
  let server: Server;
  let origin: string;
  before(async () => {
    server = createServer((request, response) => {
      if (request.url === "/schedule.json") return void response.writeHead(200, { "content-type": "application/json" }).end(quirky);
      if (request.url === "/slow") return void setTimeout(() => response.end("{}"), 2_000);
      if (request.url === "/huge") return void response.writeHead(200).end("x".repeat(5_000));
      response.writeHead(404).end("not here");
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  after(() => {
    server.closeAllConnections();
    server.close();
  });

  it("reads files and http URLs", async () => {
    assert.equal(await readSource(fixturePath), quirky);
    assert.equal(await readSource(`${origin}/schedule.json`), quirky);
  });

  it("says why it could not", async () => {
    await assert.rejects(readSource(path.join(scratch, "absent.json")), new SourceError("no such file"));
    await assert.rejects(readSource(`${origin}/missing`), new SourceError("HTTP 404 Not Found"));
    await assert.rejects(readSource(`${origin}/slow`, { timeoutMs: 200 }), new SourceError("no complete answer within 0.2 s"));
    await assert.rejects(readSource(`${origin}/huge`, { maxBytes: 1_000 }), /limit of/);
    await assert.rejects(readSource(fixturePath, { maxBytes: 1_000 }), /the limit is/);
    writeFileSync(path.join(scratch, "latin1.xml"), Buffer.from([0x3c, 0x61, 0x3e, 0xe9, 0x3c, 0x2f, 0x61, 0x3e]));
    await assert.rejects(readSource(path.join(scratch, "latin1.xml")), new SourceError("is not UTF-8 text"));
  });
});

describe("npm run import", () => {
  const run = async (args: string[], databaseFile: string) => {
    const { NODE_OPTIONS: _ignored, ...env } = process.env;
    try {
      const { stdout, stderr } = await promisify(execFile)(
        process.execPath,
        ["--experimental-wasm-modules", "--no-warnings=ExperimentalWarning", "--import", "tsx", "scripts/import.ts", ...args],
        { cwd: root, env: { ...env, DATABASE_URL: `file:${databaseFile}` } },
      );
      return { code: 0, stdout, stderr };
    } catch (error) {
      const failed = error as { code: number; stdout: string; stderr: string };
      return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
    }
  };
  const fingerprint = (file: string) =>
    [file, `${file}-wal`].map((f) => (existsSync(f) ? createHash("sha256").update(readFileSync(f)).digest("hex") : "absent")).join();

  let server: Server;
  let origin: string;
  before(async () => {
    server = createServer((request, response) => {
      if (request.url === "/schedule.json") return void response.writeHead(200).end(quirky);
      response.writeHead(404, "Not Found").end();
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  after(() => server.close());

  it("migrates a fresh database, imports, and changes nothing on bad input", { timeout: 120_000 }, async () => {
    const database = path.join(scratch, "cli", "fresh.db");
    const first = await run([path.relative(root, fixturePath)], database);
    assert.equal(first.code, 0, first.stderr);
    assert.equal(first.stdout.split("\n")[0], "Quirk Camp 2019 (quirkcamp19): 6 added, 0 changed, 0 cancelled (kept with their notes), 0 unchanged");
    assert.match(first.stdout, /Added:\n {2}- Opening & Welcome\n {2}- Lightning Talks\n/);

    const missingTitle = path.join(scratch, "missing-title.json");
    writeFileSync(missingTitle, quirkyWith((doc) => delete doc.schedule.conference.days[0]!.rooms["Saal 1"]![2]!.title));
    const brokenXml = path.join(scratch, "broken.xml");
    writeFileSync(brokenXml, readFileSync(path.join(root, "lib/interop/fixtures/quirky-schedule.xml"), "utf8").replace("</title>", "</titel>"));
    const untouched = fingerprint(database);
    const neverCreated = path.join(scratch, "never", "created.db");
    const [json, xml, notFound] = await Promise.all([
      run([missingTitle], database),
      run([brokenXml], neverCreated),
      run([`${origin}/gone.json`], database),
    ]);
    assert.deepEqual([json.code, json.stderr], [1, `${missingTitle}: schedule.conference.days[0].rooms.Saal 1[2].title: is missing\n`]);
    assert.equal(xml.code, 1);
    assert.match(xml.stderr, /^.*broken\.xml: line 7: malformed XML: /);
    assert.deepEqual([notFound.code, notFound.stderr], [1, `${origin}/gone.json: HTTP 404 Not Found\n`]);
    assert.equal(fingerprint(database), untouched, "the database file did not change");
    assert.equal(existsSync(neverCreated), false, "parsing fails before a database is created");

    const again = await run([`${origin}/schedule.json`, "--conference-slug", "quirkcamp19"], database);
    assert.equal(again.code, 0, again.stderr);
    assert.equal(again.stdout, "Quirk Camp 2019 (quirkcamp19): 0 added, 0 changed, 0 cancelled (kept with their notes), 6 unchanged\n");
  });

  it("explains its arguments", async () => {
    const usage = await run(["--conference-slug", "Not A Slug", "x.json"], path.join(scratch, "args.db"));
    assert.equal(usage.code, 2);
    assert.match(usage.stderr, /--conference-slug needs lower-case words joined by hyphens\nUsage: npm run import -- /);
  });
});
