import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { diffMigrationsToSchema, readSchema } from "./schema-engine";

describe("schema.prisma and prisma/migrations", () => {
  it("agree: replaying the migrations gives exactly the schema", async () => {
    assert.equal(await diffMigrationsToSchema(), "");
  });

  it("disagree, and say how, when the schema changes without a migration", async () => {
    const schema = readSchema();
    const changed = {
      files: schema.files.map((file) => ({
        ...file,
        content: file.content.replace("model Speaker {", "model Speaker {\n  website String?"),
      })),
    };
    assert.notEqual(changed.files[0]!.content, schema.files[0]!.content, "the test must really change the schema");
    const sql = await diffMigrationsToSchema(changed);
    assert.match(sql, /website/);
  });
});
