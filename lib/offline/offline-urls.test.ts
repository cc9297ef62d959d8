import assert from "node:assert/strict";
import { test } from "node:test";
import { capMessage, classifyPath, describeOutcome, offlineLookupPath, urlsToSave, type OfflineManifest } from "./offline-urls";

test("conference pages are the program; my pages, note pages and JSON about me are personal", () => {
  assert.deepEqual(classifyPath("/dockercon-eu-2017/schedule"), { kind: "program-page", conf: "dockercon-eu-2017" });
  assert.deepEqual(classifyPath("/dockercon-eu-2017/sessions/linuxkit-deep-dive"), { kind: "program-page", conf: "dockercon-eu-2017" });
  for (const personal of [
    "/dockercon-eu-2017/me/agenda",
    "/dockercon-eu-2017/me/notes",
    "/dockercon-eu-2017/sessions/linuxkit-deep-dive/note",
    "/api/me",
    "/api/me/time-zone",
    "/api/conferences/dockercon-eu-2017/me/stars",
    "/api/conferences/dockercon-eu-2017/sessions/linuxkit-deep-dive/note",
  ]) {
    assert.equal(classifyPath(personal).kind, "personal", personal);
  }
});

test("public JSON worth keeping is the conference, its search index and its offline manifest; the rest passes", () => {
  assert.deepEqual(classifyPath("/api/conferences/dockercon-eu-2017"), { kind: "program-json", conf: "dockercon-eu-2017" });
  assert.equal(classifyPath("/api/conferences/dockercon-eu-2017/search-index").kind, "program-json");
  assert.equal(classifyPath("/api/conferences/dockercon-eu-2017/offline-manifest").kind, "program-json");
  for (const pass of ["/api/conferences/dockercon-eu-2017/sessions", "/api/auth/get-session", "/account", "/sign-in", "/manage", "/dockercon-eu-2017/schedule.ics", "/dockercon-eu-2017/agenda/token.ics", "/"]) {
    assert.equal(classifyPath(pass).kind, "pass", pass);
  }
  assert.equal(classifyPath("/_next/static/chunks/a.js").kind, "static");
});

test("a search opens the saved search page whatever it asks; other addresses keep their query, in one order, without at", () => {
  assert.equal(offlineLookupPath(new URL("http://x/dockercon-eu-2017/search?q=kube&mine=1")), "/dockercon-eu-2017/search");
  assert.equal(offlineLookupPath(new URL("http://x/c/schedule?view=grid&day=2017-10-17")), "/c/schedule?day=2017-10-17&view=grid");
  assert.equal(offlineLookupPath(new URL("http://x/c/schedule?day=2017-10-17&view=grid")), "/c/schedule?day=2017-10-17&view=grid");
  assert.equal(offlineLookupPath(new URL("http://x/c/now?at=2017-10-17T10:00:00Z")), "/c/now");
});

const manifest: OfflineManifest = {
  conference: "c",
  revision: 3,
  schedule: ["/c/schedule", "/c/now"],
  sessions: Array.from({ length: 10_000 }, (_, i) => `/c/sessions/s${i}`),
  speakers: ["/c/speakers/a", "/c/speakers/b"],
  data: ["/api/conferences/c"],
  morePages: ["/c/schedule?day=2026-06-08&page=2"],
};

test("the schedule is saved first, then sessions, then speakers, so a cap cuts the least needed", () => {
  const urls = urlsToSave(manifest);
  assert.deepEqual(urls.slice(0, 3), ["/api/conferences/c", "/c/schedule", "/c/now"]);
  assert.equal(urls.at(-2), "/c/speakers/b");
  assert.equal(urls.at(-1), "/c/schedule?day=2026-06-08&page=2");
});

test("the cap says what was saved and why it stopped", () => {
  const saved = new Set([...manifest.data, ...manifest.schedule, ...manifest.sessions.slice(0, 800)]);
  assert.equal(capMessage(manifest, saved, 15 * 1024 * 1024), "Saved the schedule and 800 of 10,000 sessions: the 15 MB limit");
  assert.match(capMessage(manifest, new Set(["/c/schedule"]), 1024 * 1024), /^Saved 1 of 2 schedule pages and no sessions/);
});

test("the outcome reads as a sentence with the bytes and the time", () => {
  const outcome = { conference: "c", revision: 3, pages: 187, bytes: 2.1 * 1024 * 1024, savedAt: Date.UTC(2026, 11, 2, 14, 5), capped: null, failed: 0 };
  assert.equal(describeOutcome(outcome, "UTC"), "Saved 187 pages, 2.1 MB, at 14:05.");
});
