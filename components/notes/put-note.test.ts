import assert from "node:assert/strict";
import { afterEach, describe, it } from "node:test";
import { viewerHeader } from "@/lib/notes/limits";
import { putNote } from "./put-note";

const realFetch = globalThis.fetch;
afterEach(() => {
  globalThis.fetch = realFetch;
});

/** Answers every request with `answer` (or fails it when null), keeping what was asked. */
function answering(answer: Response | null) {
  const asked: { url: string; init: RequestInit }[] = [];
  globalThis.fetch = (async (url: string, init: RequestInit) => {
    asked.push({ url, init });
    if (!answer) throw new TypeError("Failed to fetch");
    return answer;
  }) as typeof fetch;
  return asked;
}

const note = { conferenceSlug: "dockercon-eu-2017", sessionSlug: "linuxkit-deep-dive", body: "Mine", visibility: "private" as const, timeoutMs: 1000 };

describe("putNote", () => {
  it("puts the text over its base version, as the person who wrote it", async () => {
    const asked = answering(Response.json({ body: "Mine", visibility: "private", version: 4 }));
    const answer = await putNote({ ...note, baseVersion: 3, viewer: "user-1" });
    assert.equal(asked.length, 1);
    assert.equal(asked[0]!.url, "/api/conferences/dockercon-eu-2017/sessions/linuxkit-deep-dive/note");
    assert.equal(asked[0]!.init.method, "PUT");
    const headers = new Headers(asked[0]!.init.headers);
    assert.equal(headers.get("If-Match"), '"3"');
    assert.equal(headers.get(viewerHeader), "user-1");
    assert.equal(headers.get("Content-Type"), "application/json");
    assert.deepEqual(JSON.parse(String(asked[0]!.init.body)), { body: "Mine", visibility: "private" });
    assert.deepEqual(answer, { status: 200, outcome: { kind: "sent", note: { body: "Mine", visibility: "private", version: 4 } }, error: undefined });
  });

  it("names nobody when the writer is not known, and says what the server refused", async () => {
    const asked = answering(Response.json({ error: "Notes can be at most 50,000 characters" }, { status: 400 }));
    const answer = await putNote({ ...note, baseVersion: 0, viewer: null });
    const headers = new Headers(asked[0]!.init.headers);
    assert.equal(headers.get(viewerHeader), null);
    assert.equal(headers.get("If-Match"), '"0"');
    assert.equal(answer.status, 400);
    assert.equal(answer.outcome.kind, "refused");
    assert.equal(answer.error, "Notes can be at most 50,000 characters");
  });

  it("without an answer: network, to be tried again", async () => {
    answering(null);
    assert.deepEqual(await putNote({ ...note, baseVersion: 1, viewer: "user-1" }), { status: "network", outcome: { kind: "retry" }, error: undefined });
  });
});
