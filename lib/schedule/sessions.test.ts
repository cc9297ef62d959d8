import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { linkedSpeakers } from "./sessions";

describe("linkedSpeakers", () => {
  it("keeps the speakers in link order and leaves out a link whose speaker an import removed meanwhile", () => {
    const ada = { slug: "ada", name: "Ada" };
    const bob = { slug: "bob", name: "Bob" };
    assert.deepEqual(linkedSpeakers([{ speaker: ada }, { speaker: null }, { speaker: bob }]), [ada, bob]);
    assert.deepEqual(linkedSpeakers([]), []);
  });
});
