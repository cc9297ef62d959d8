import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { databaseEngine, engineNameOf } from "./engine";
import { defaultDatabaseUrl } from "./url";

describe("the database engine DATABASE_URL selects", () => {
  it("is SQLite for a file: URL, and for the default when none is set", () => {
    assert.equal(engineNameOf("file:./data/hallway.db"), "sqlite");
    assert.equal(engineNameOf("file:/tmp/elsewhere.db?connection_limit=1"), "sqlite");
    assert.equal(engineNameOf(defaultDatabaseUrl), "sqlite");
    assert.equal(databaseEngine("file:./x.db").provider, "sqlite");
  });

  it("is refused for anything else, naming what is supported and never the URL's password", () => {
    for (const url of ["postgresql://hallway:s3cret@db.example/hallway", "mysql://root:s3cret@localhost/hallway", "./data/hallway.db"]) {
      assert.throws(
        () => engineNameOf(url),
        (error: Error) => {
          assert.match(error.message, /does not support/);
          assert.match(error.message, /file:/);
          assert.doesNotMatch(error.message, /s3cret/);
          return true;
        },
        url,
      );
    }
    assert.throws(() => engineNameOf("postgresql://db.example/hallway"), /postgresql:/);
  });
});
