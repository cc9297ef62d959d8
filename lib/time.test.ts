import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { formatTimeRange, localDate, zoneAbbreviation, zonedTimeToUtc } from "./time";

describe("conference time zones", () => {
  it("turns Copenhagen wall-clock time in October 2017 (CEST, UTC+2) into UTC", () => {
    assert.equal(zonedTimeToUtc("2017-10-17T09:00", "Europe/Copenhagen").toISOString(), "2017-10-17T07:00:00.000Z");
  });

  it("shows a UTC instant in the conference's zone and names the zone", () => {
    const start = new Date("2017-10-17T07:00:00Z");
    const end = new Date("2017-10-17T09:00:00Z");
    assert.equal(formatTimeRange(start, end, "Europe/Copenhagen"), "09:00–11:00 CEST");
    assert.equal(zoneAbbreviation(new Date("2017-12-01T12:00:00Z"), "Europe/Copenhagen"), "CET");
    assert.equal(zoneAbbreviation(new Date("2017-10-17T12:00:00Z"), "America/New_York"), "EDT");
  });

  it("puts a late-evening session on the conference's local day, not UTC's", () => {
    assert.equal(localDate(new Date("2017-10-17T22:30:00Z"), "Europe/Copenhagen"), "2017-10-18");
    assert.equal(localDate(new Date("2017-10-18T03:30:00Z"), "America/Los_Angeles"), "2017-10-17");
  });

  it("resolves wall-clock times around daylight-saving changes predictably", () => {
    // 02:30 does not exist on 26 March 2017 in Copenhagen: it resolves to 03:30 CEST.
    assert.equal(zonedTimeToUtc("2017-03-26T02:30", "Europe/Copenhagen").toISOString(), "2017-03-26T01:30:00.000Z");
    // 02:30 happens twice on 29 October 2017: the first (CEST) occurrence is taken.
    assert.equal(zonedTimeToUtc("2017-10-29T02:30", "Europe/Copenhagen").toISOString(), "2017-10-29T00:30:00.000Z");
  });

  it("rejects text that is not a local date-time", () => {
    assert.throws(() => zonedTimeToUtc("17 Oct 2017 9am", "Europe/Copenhagen"), RangeError);
  });
});
