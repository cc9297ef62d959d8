import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, it } from "node:test";
import { parseProgram } from "./detect";
import { ProgramFormatError } from "./errors";
import { maxUploadBytes, readUploadText } from "./read-upload";

const root = path.resolve(import.meta.dirname, "../..");
const quirkyXml = readFileSync(path.join(root, "lib/interop/fixtures/quirky-schedule.xml"), "utf8");
const quirkyJson = readFileSync(path.join(root, "lib/interop/fixtures/quirky-frab.json"), "utf8");

function billionLaughs(): string {
  const entities = ['<!ENTITY lol "lol">'];
  for (let i = 1; i <= 9; i += 1) entities.push(`<!ENTITY lol${i} "${`&lol${i === 1 ? "" : i - 1};`.repeat(10)}">`);
  return quirkyXml.replace(/<schedule[\s>]/, (open) => `<!DOCTYPE schedule [${entities.join("")}]>\n${open}`).replace("</title>", "&lol9;</title>");
}

const rejects = (text: string, reason: RegExp) => {
  const started = performance.now();
  assert.throws(() => parseProgram(text), (error: unknown) => error instanceof ProgramFormatError && reason.test(error.message));
  assert.ok(performance.now() - started < 2_000, "refused quickly");
};

describe("hostile and broken programs", () => {
  it("reads the untouched fixtures (the positive control)", () => {
    assert.equal(parseProgram(quirkyXml).sessions.length, 3);
    assert.equal(parseProgram(quirkyJson).sessions.length, 6);
  });

  it("refuses an XML entity bomb without expanding it", () => rejects(billionLaughs(), /declares an entity/));

  it("refuses XML and JSON nested 10,000 deep", () => {
    rejects(quirkyXml.replace("<title>", `<title>${"<b>".repeat(10_000)}${"</b>".repeat(10_000)}`), /line|XML/);
    rejects(`{"schedule": ${"[".repeat(10_000)}${"]".repeat(10_000)}}`, /schedule: must be an object/);
    const deepConference = quirkyJson.replace('"conference": {', `"conference": {"x": ${'{"a":'.repeat(10_000)}1${"}".repeat(10_000)},`);
    assert.equal(parseProgram(deepConference).sessions.length, 6, "an unknown deep member is ignored, not recursed into");
  });

  it("refuses truncated files and the wrong format, saying where", () => {
    rejects(quirkyJson.slice(0, quirkyJson.length / 2), /^line \d+, (column \d+|end of file): invalid JSON/);
    rejects(quirkyJson.slice(0, quirkyJson.lastIndexOf("}")), /^line \d+, column \d+: invalid JSON/);
    rejects(quirkyXml.slice(0, quirkyXml.length / 2), /^line \d+: malformed XML/);
    rejects("BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n", /iCalendar/);
    rejects("%PDF-1.7 not a schedule", /neither JSON nor XML/);
    rejects('{"conference": {}}', /has no "schedule" key/);
  });
});

describe("reading an upload", () => {
  const upload = (body: BodyInit | null, headers: Record<string, string> = {}) =>
    new Request("http://hallway.test/api/conferences/x/program", { method: "PUT", body, headers, duplex: "half" } as RequestInit);

  it("reads a body within the limit", async () => {
    assert.deepEqual(await readUploadText(upload(quirkyJson)), { ok: true, text: quirkyJson });
  });

  it("stops reading a 200 MB body at the limit", async () => {
    let sent = 0;
    const chunk = new Uint8Array(1024 * 1024).fill(0x20);
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent >= 200 * 1024 * 1024) return controller.close();
        sent += chunk.byteLength;
        controller.enqueue(chunk);
      },
    });
    const result = await readUploadText(upload(body));
    assert.deepEqual(result, { ok: false, status: 413, error: "The program is larger than the limit of 20 MB" });
    assert.ok(sent <= maxUploadBytes + 4 * chunk.byteLength, `read ${sent} bytes`);
  });

  it("refuses a declared length over the limit before reading, an empty body and text that is not UTF-8", async () => {
    assert.equal((await readUploadText(upload("{}", { "content-length": String(200 * 1024 * 1024) }))).ok, false);
    assert.deepEqual(await readUploadText(upload(null)), { ok: false, status: 400, error: "Send the program as the request body: a frab/pretalx schedule.json or a Pentabarf schedule.xml" });
    assert.equal((await readUploadText(upload(new Uint8Array([0x7b, 0xff, 0xfe, 0x7d])))).ok, false);
  });
});
