import assert from "node:assert/strict";
import { before, describe, it } from "node:test";
import { setupTestDatabase } from "../test/database";
import { createTestUser } from "../test/users";
import { timeZonePreferenceSchema } from "../validation/time-zone";

await setupTestDatabase();
const { db } = await import("../db/client");
const { getTimeZonePreference, saveTimeZonePreference } = await import("./time-zone");

before(async () => {
  for (const id of ["user-ada", "user-bob"]) await createTestUser(db, { id });
});

describe("time zone preference", () => {
  it("is the conference's own (null) until chosen, and only the chooser's changes", async () => {
    assert.equal(await getTimeZonePreference("user-ada"), null);
    assert.equal(await saveTimeZonePreference("user-ada", "Europe/London"), "Europe/London");
    assert.equal(await getTimeZonePreference("user-ada"), "Europe/London");
    assert.equal(await getTimeZonePreference("user-bob"), null);
    assert.equal(await saveTimeZonePreference("user-ada", null), null);
    assert.equal(await getTimeZonePreference("user-ada"), null);
  });

  it("accepts IANA zones in their canonical spelling, or null, and nothing else", () => {
    assert.deepEqual(timeZonePreferenceSchema.parse({ timeZone: "asia/tokyo" }), { timeZone: "Asia/Tokyo" });
    assert.deepEqual(timeZonePreferenceSchema.parse({ timeZone: null }), { timeZone: null });
    for (const body of [{ timeZone: "Mars/Olympus_Mons" }, { timeZone: "+02:00" }, { timeZone: 2 }, {}, null, "Europe/London"]) {
      assert.equal(timeZonePreferenceSchema.safeParse(body).success, false, JSON.stringify(body));
    }
  });
});
