import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { offlineQuery, queryOfSearch } from "./offline-mode";

describe("when the search page searches the saved program", () => {
  it("keeps the server's results online, for the query they were rendered for", () => {
    assert.equal(offlineQuery({ renderedFor: "kube", search: "?q=kube", online: true }), null);
    assert.equal(offlineQuery({ renderedFor: "kube", search: "?q=+kube+&mine=1", online: true }), null);
    assert.equal(offlineQuery({ renderedFor: "", search: "", online: true }), null);
  });

  it("searches in the browser when the page is a saved copy rendered for another query", () => {
    assert.equal(offlineQuery({ renderedFor: "", search: "?q=kube", online: true }), "kube");
    assert.equal(offlineQuery({ renderedFor: "linuxkit", search: "?q=kube", online: true }), "kube");
    assert.equal(offlineQuery({ renderedFor: "kube", search: "", online: true }), "");
  });

  it("always searches in the browser offline", () => {
    assert.equal(offlineQuery({ renderedFor: "kube", search: "?q=kube", online: false }), "kube");
    assert.equal(offlineQuery({ renderedFor: "", search: "", online: false }), "");
  });

  it("reads q as the server does", () => {
    assert.equal(queryOfSearch("?q=%20Caf%C3%A9%20"), "Café");
    assert.equal(queryOfSearch("?q=a&q=b"), "a");
    assert.equal(queryOfSearch(`?q=${"x".repeat(600)}`).length, 500);
  });
});
