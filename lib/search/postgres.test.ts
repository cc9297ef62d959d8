import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { searchTerms } from "./search-terms";
import { postgresSearchSetup } from "./postgres-test-setup";

const setup = await postgresSearchSetup();
// Imported before any test is declared: the runner starts with the first one.
const { searchContract } = await import("./search-contract");
const skip = setup ? false : "no PostgreSQL server (see lib/test/postgres.ts)";

/** What postgres.ts hands to_tsquery for typed text, fed back as text: the same terms, so the same search. */
const queryText = (text: string) => {
  const terms = searchTerms(text);
  return terms.length ? terms.map((t) => `'${t}':*`).join(" & ") : null;
};

describe("the PostgreSQL tsquery", { skip }, () => {
  it("keeps short words to the headings and makes every word a prefix", async () => {
    const { toSessionTsquery } = await import("./postgres");
    assert.equal(toSessionTsquery(searchTerms("Kube ci AND-or")), "'kube':* & 'ci':*ABC & 'and':* & 'or':*ABC");
  });
});

if (setup) {
  // The behaviour every search implementation shares (search-contract.ts), on PostgreSQL.
  searchContract({ db: setup.db, searchSessions: setup.searchSessions, rankSessions: setup.search.rankSessions, queryText });
}
