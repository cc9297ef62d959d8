import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { describe, it } from "node:test";
import { postgresSchema, postgresSchemaPath, sourceSchemaPath } from "./postgres-schema";

const source = readFileSync(sourceSchemaPath, "utf8");

/** The schema without comments and blank lines, each line's spacing collapsed. */
const meaningful = (schema: string) =>
  schema.split("\n").map((line) => line.replace(/\/\/.*$/, "").replace(/\s+/g, " ").trim()).filter(Boolean);

describe("prisma/postgresql/schema.prisma", () => {
  it("is what scripts/postgres-schema.ts writes from prisma/schema.prisma (run `npm run db -- pg-schema`)", () => {
    assert.equal(readFileSync(postgresSchemaPath, "utf8"), postgresSchema(source));
  });

  it("differs from the source only in the provider and the generated client's folder", () => {
    const sqlite = meaningful(source);
    const postgres = meaningful(postgresSchema(source));
    assert.equal(postgres.length, sqlite.length);
    const differing = sqlite.flatMap((line, i) => (line === postgres[i] ? [] : [[line, postgres[i]]]));
    assert.deepEqual(differing, [
      ['output = "../lib/generated/prisma"', 'output = "../../lib/generated/prisma-pg"'],
      ['provider = "sqlite"', 'provider = "postgresql"'],
    ]);
  });

  it("follows a change to the models, so a stale copy is caught", () => {
    const changed = source.replace("model Speaker {", "model Speaker {\n  website String?");
    assert.notEqual(changed, source, "the test must really change the schema");
    assert.notEqual(postgresSchema(changed), readFileSync(postgresSchemaPath, "utf8"));
    assert.match(postgresSchema(changed), /website String\?/);
  });

  it("refuses a native type it has no PostgreSQL mapping for, rather than copying it", () => {
    assert.throws(() => postgresSchema(source.replace("  tagline   String   @default(\"\")", "  tagline   String   @db.Text")), /native type/);
  });
});
