import assert from "node:assert/strict";
import { readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { after, describe, it } from "node:test";
import { setupTestDatabase } from "../test/database";
import { parseProgram, type ParseProgramOptions } from "./detect";
import { ProgramFormatError } from "./errors";
import { generateFrabFixture } from "./fixtures/generate";
import { createProgramParser, ParserBusyError } from "./parse-off-thread";

await setupTestDatabase();
const { db } = await import("../db/client");
const { importProgram } = await import("./import-program");
const { moveSessions } = await import("../../bench/live-import");

const root = path.resolve(import.meta.dirname, "../..");
const quirkyXml = readFileSync(path.join(root, "lib/interop/fixtures/quirky-schedule.xml"), "utf8");
const quirkyJson = readFileSync(path.join(root, "lib/interop/fixtures/quirky-frab.json"), "utf8");
const big = generateFrabFixture({ events: 300, speakers: 120, rooms: 12, seed: 2017 });

const parser = createProgramParser();
after(() => parser.close());

/** What a parse gave: the program, or the error's class and message (a class lost on the way would show). */
async function outcome(parse: () => unknown): Promise<unknown> {
  try {
    return { program: await parse() };
  } catch (error) {
    return { error: (error as Error).constructor.name, message: (error as Error).message, ...(error instanceof ProgramFormatError ? { where: error.where, reason: error.reason } : {}) };
  }
}

const bothWays = async (text: string, options: ParseProgramOptions = {}) => {
  const here = await outcome(() => parseProgram(text, options));
  const there = await outcome(() => parser.parse(text, options));
  assert.deepEqual(there, here);
  return there as { program?: unknown; error?: string; message?: string };
};

function billionLaughs(): string {
  const entities = ['<!ENTITY lol "lol">'];
  for (let i = 1; i <= 9; i += 1) entities.push(`<!ENTITY lol${i} "${`&lol${i === 1 ? "" : i - 1};`.repeat(10)}">`);
  return quirkyXml.replace(/<schedule[\s>]/, (open) => `<!DOCTYPE schedule [${entities.join("")}]>\n${open}`).replace("</title>", "&lol9;</title>");
}

describe("reading a program on the worker thread", () => {
  it("gives the same programs as reading it here (the positive control)", async () => {
    assert.equal(((await bothWays(quirkyXml)).program as { sessions: unknown[] }).sessions.length, 3);
    assert.equal(((await bothWays(quirkyJson, { sourceName: "quirky.json", conferenceSlug: "quirky" })).program as { sessions: unknown[] }).sessions.length, 6);
    assert.equal(((await bothWays(big)).program as { sessions: unknown[] }).sessions.length, 300);
  });

  it("gives the same errors, of the same classes, for broken and hostile files", async () => {
    const refusals = [
      billionLaughs(),
      quirkyXml.replace("<title>", `<title>${"<b>".repeat(10_000)}${"</b>".repeat(10_000)}`),
      `{"schedule": ${"[".repeat(10_000)}${"]".repeat(10_000)}}`,
      `{"schedule": ${"[".repeat(200_000)}${"]".repeat(200_000)}}`,
      quirkyJson.slice(0, quirkyJson.length / 2),
      quirkyXml.slice(0, quirkyXml.length / 2),
      "BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n",
      "%PDF-1.7 not a schedule",
      '{"conference": {}}',
      quirkyJson.replace('"title": "', '"title": 7, "x": "'),
    ];
    for (const text of refusals) {
      const answer = await bothWays(text, { sourceName: "upload.json" });
      assert.ok(answer.error, `refused: ${text.slice(0, 60)}`);
    }
  });

  it("refuses a file as unreadable when reading it kills the worker, and reads the next one with a new worker", async () => {
    const small = createProgramParser({ maxHeapMb: 64 });
    try {
      assert.equal((await small.parse(quirkyJson)).sessions.length, 6, "loaded, and reading");
      // 18 MB of empty arrays, within the upload limit: a few hundred megabytes once parsed.
      const arrays = `{"schedule": {}, "x": [${"[],".repeat(6_000_000)}[]]}`;
      await assert.rejects(small.parse(arrays), (error: unknown) =>
        error instanceof ProgramFormatError && /^\(the document\)$/.test(error.where) && /could not be read/.test(error.reason),
      );
      assert.equal((await small.parse(quirkyXml)).sessions.length, 3);
    } finally {
      await small.close();
    }
  });

  it("gives up on a file that takes too long, and is busy beyond its queue", async () => {
    const slow = createProgramParser({ timeoutMs: 1, maxWaiting: 1 });
    try {
      const first = slow.parse(big);
      const second = slow.parse(big);
      await assert.rejects(slow.parse(big), ParserBusyError);
      for (const answer of [first, second]) {
        await assert.rejects(answer, (error: unknown) => error instanceof ProgramFormatError && /took longer than/.test(error.reason));
      }
    } finally {
      await slow.close();
    }
  });

  it("falls back to this thread when the worker cannot start", async () => {
    const missing = path.join(tmpdir(), `no-such-worker-${process.pid}.mjs`);
    const broken = path.join(tmpdir(), `broken-worker-${process.pid}.mjs`);
    writeFileSync(broken, "throw new Error('broken on purpose');\n");
    for (const workerFile of [missing, broken]) {
      const parser = createProgramParser({ workerFile });
      const logged = console.error;
      console.error = () => {};
      try {
        assert.equal((await parser.parse(quirkyXml)).sessions.length, 3);
        await assert.rejects(parser.parse("%PDF"), ProgramFormatError);
      } finally {
        console.error = logged;
        await parser.close();
      }
    }
  });
});

describe("an import of a program read on the worker thread", () => {
  it("answers the same change sets as one read here", async () => {
    const moved = moveSessions(big).text;
    const here = (text: string) => parseProgram(text, { sourceName: "a.json", conferenceSlug: "read-here" });
    const there = (text: string) => parser.parse(text, { sourceName: "a.json", conferenceSlug: "read-there" });
    const source = { kind: "http", name: "a.json" } as const;
    for (const text of [big, moved, moved, big]) {
      const a = await importProgram(db, here(text), { source });
      const b = await importProgram(db, await there(text), { source });
      assert.deepEqual(b.changeSet, a.changeSet);
      assert.deepEqual({ ...b.report, conference: "" }, { ...a.report, conference: "" });
    }
    const last = await importProgram(db, await there(moved), { dryRun: true, source });
    assert.equal(last.changeSet.changed.length, 15, "the moved sessions, in a dry run");
  });
});
