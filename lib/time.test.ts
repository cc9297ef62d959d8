import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { canonicalTimeZone, formatTimeInZone, formatTimeRange, localDate, toZonedIsoString, zoneAbbreviation, zonedTimeToUtc } from "./time";

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

describe("times in the viewer's own zone", () => {
  // 23:30–00:10 CEST, on the conference day 17 October.
  const start = zonedTimeToUtc("2017-10-17T23:30", "Europe/Copenhagen");
  const end = zonedTimeToUtc("2017-10-18T00:10", "Europe/Copenhagen");
  const day = { conferenceDay: "2017-10-17" };

  it("shows a late session in New York on the same day, with the zone named", () => {
    assert.equal(formatTimeInZone(start, end, "America/New_York", day), "17:30–18:10 EDT");
  });

  it("puts the local date in front when it is not the conference day", () => {
    assert.equal(formatTimeInZone(start, end, "Asia/Tokyo", day), "Wed 18 Oct 06:30–07:10 JST");
    // A morning session in Copenhagen is still the evening before in Los Angeles.
    const morning = zonedTimeToUtc("2017-10-18T08:00", "Europe/Copenhagen");
    assert.equal(formatTimeInZone(morning, null, "America/Los_Angeles", { conferenceDay: "2017-10-18" }), "Tue 17 Oct 23:00");
  });

  it("shows the date whenever the original did", () => {
    assert.equal(formatTimeInZone(start, end, "America/New_York", { ...day, alwaysDate: true }), "Tue 17 Oct 17:30–18:10 EDT");
  });

  it("shows only the start when there is no end", () => {
    assert.equal(formatTimeInZone(start, null, "America/New_York", day), "17:30");
  });
});

describe("zoned ISO instants and zone names", () => {
  it("writes an instant with the zone's offset at that moment", () => {
    assert.equal(toZonedIsoString(new Date("2017-10-17T12:10:00Z"), "Europe/Copenhagen"), "2017-10-17T14:10:00+02:00");
    assert.equal(toZonedIsoString(new Date("2017-12-01T12:00:00Z"), "America/St_Johns"), "2017-12-01T08:30:00-03:30");
    assert.equal(toZonedIsoString(new Date("2017-10-17T12:10:00Z"), "UTC"), "2017-10-17T12:10:00+00:00");
  });

  it("canonicalises IANA zones and refuses anything else", () => {
    assert.equal(canonicalTimeZone("europe/london"), "Europe/London");
    assert.equal(canonicalTimeZone("Asia/Tokyo"), "Asia/Tokyo");
    for (const bad of ["", "Mars/Olympus_Mons", "+02:00", "CEST ", "x".repeat(80)]) assert.equal(canonicalTimeZone(bad), null, bad);
  });
});
