import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { setupPostgresTestDatabase } from "../test/postgres";
import { searchTerms } from "./search-terms";

const url = await setupPostgresTestDatabase();
// Imported before any test is declared (the runner starts with the first one), and after
// DATABASE_URL names the PostgreSQL database, which the client reads when first imported.
const { db } = await import("../db/client");
const { seedDemo } = await import("../../prisma/seed");
const { searchOwnNotes, searchSessions } = await import("../schedule/session-search");
const { searchContract } = await import("./search-contract");
const { toSessionTsquery } = await import("./postgres");

describe("the PostgreSQL tsquery", { skip: url ? false : "no PostgreSQL server (see lib/test/postgres.ts)" }, () => {
  it("quotes every word, makes it a prefix and keeps short words to the headings", () => {
    assert.equal(toSessionTsquery(searchTerms("Kube ci AND-or 'x':*")), "'kube':* & 'ci':*ABC & 'and':* & 'or':*ABC & 'x':*ABC");
  });
});

// The behaviour every search implementation shares (search-contract.ts), here on PostgreSQL.
if (url) searchContract({ db, seedDemo, searchSessions, searchOwnNotes });
