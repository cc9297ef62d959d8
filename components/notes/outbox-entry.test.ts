import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { mergedText, mergeSeparator, newEntry, newestKept, outboxKey, replayOrder, replayOutcome, type OutboxEntry } from "./outbox-entry";

const entry = (over: Partial<OutboxEntry> = {}): OutboxEntry => ({
  ...newEntry({ userId: "ada", conferenceSlug: "conf", sessionSlug: "talk", body: "mine", visibility: "private", baseVersion: 3 }, 100),
  ...over,
});

describe("the notes outbox", () => {
  it("keeps one entry per person and note, so a later save replaces the queued one", () => {
    assert.equal(entry().key, outboxKey("ada", "conf", "talk"));
    assert.notEqual(outboxKey("ada", "conf", "talk"), outboxKey("bob", "conf", "talk"));
    assert.notEqual(outboxKey("ada", "conf", "talk"), outboxKey("ada", "conf", "other"));
  });

  it("replays oldest first, only what waits for the network or a sign-in, and only the given person's", () => {
    const entries = [
      entry({ key: "c", queuedAt: 300 }),
      entry({ key: "a", queuedAt: 100, state: "signed-out" }),
      entry({ key: "x", queuedAt: 50, state: "conflict" }),
      entry({ key: "r", queuedAt: 60, state: "refused" }),
      entry({ key: "b", queuedAt: 200, userId: "bob" }),
    ];
    assert.deepEqual(replayOrder(entries).map((e) => e.key), ["a", "b", "c"]);
    assert.deepEqual(replayOrder(entries, "ada").map((e) => e.key), ["a", "c"]);
  });

  it("reads a replay's answer", () => {
    const saved = { body: "mine", visibility: "private", version: 4 };
    assert.deepEqual(replayOutcome(entry(), 200, saved), { kind: "sent", note: saved });
    assert.deepEqual(replayOutcome(entry(), "network", null), { kind: "retry" });
    assert.deepEqual(replayOutcome(entry(), 503, null), { kind: "retry" });
    assert.deepEqual(replayOutcome(entry(), 401, { error: "Sign in to keep notes" }), { kind: "signed-out" });
    assert.deepEqual(replayOutcome(entry(), 409, { error: "someone else" }), { kind: "other-user" });
    assert.deepEqual(replayOutcome(entry(), 400, { error: "Notes can be at most 50,000 characters" }), {
      kind: "refused",
      detail: "Notes can be at most 50,000 characters",
    });
    // A 200 without a version is no acknowledgement: the text stays queued, refused rather than dropped.
    assert.equal(replayOutcome(entry(), 200, null).kind, "refused");
  });

  it("tells a real conflict from another tab having sent the same text first", () => {
    const newer = { body: "theirs", visibility: "private" as const, version: 5 };
    assert.deepEqual(replayOutcome(entry(), 412, { error: "changed", current: newer }), { kind: "conflict", current: newer });
    assert.deepEqual(replayOutcome(entry(), 412, { error: "deleted", current: null }), { kind: "conflict", current: null });
    const same = { body: "mine", visibility: "private" as const, version: 4 };
    assert.deepEqual(replayOutcome(entry(), 412, { current: same }), { kind: "already", note: same });
    assert.equal(replayOutcome(entry(), 412, { current: { ...same, visibility: "public" } }).kind, "conflict");
  });

  it("prefills a hand merge with both texts, mine first, and nothing twice when one is empty", () => {
    assert.equal(mergedText("mine\n", "\ntheirs"), `mine${mergeSeparator}theirs`);
    assert.equal(mergedText("mine", "  "), "mine");
    assert.equal(mergedText("", "theirs"), "theirs");
  });

  it("opens with whichever of the draft and the queued save was written last", () => {
    const draft = { body: "draft", visibility: "public" as const, baseVersion: 3, savedAt: 150 };
    assert.equal(newestKept(draft, entry())?.body, "draft");
    assert.equal(newestKept({ ...draft, savedAt: 50 }, entry())?.body, "mine");
    assert.equal(newestKept(null, entry())?.body, "mine");
    assert.equal(newestKept(draft, null)?.body, "draft");
    assert.equal(newestKept(null, null), null);
  });
});
