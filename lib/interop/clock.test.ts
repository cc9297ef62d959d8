import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { formatTime, localDate, zoneOffsetMinutes } from "../time";
import { parseDateTime, parseDuration, zoneClock } from "./clock";

describe("the schedule formats' clock", () => {
  it("agrees with lib/time.ts every ten minutes across daylight-saving changes", () => {
    const cases: [string, string][] = [
      ["Europe/Copenhagen", "2017-10-28T22:00:00Z"],
      ["Europe/Berlin", "2009-03-28T22:00:00Z"],
      // Half-hour daylight saving, changing at half past the UTC hour.
      ["Australia/Lord_Howe", "2017-04-01T12:00:00Z"],
      ["America/St_Johns", "2017-11-05T00:00:00Z"],
    ];
    for (const [zone, from] of cases) {
      const clock = zoneClock(zone);
      for (let minutes = 0; minutes <= 8 * 60; minutes += 10) {
        const instant = new Date(Date.parse(from) + minutes * 60_000);
        assert.equal(clock.local(instant), `${localDate(instant, zone)}T${formatTime(instant, zone)}`, `${zone} at ${instant.toISOString()}`);
        assert.ok(clock.iso(instant).startsWith(clock.local(instant)));
        assert.equal(Date.parse(clock.iso(instant)), instant.getTime());
        assert.equal(zoneOffsetMinutes(instant, zone), zoneOffsetMinutes(new Date(Date.parse(clock.iso(instant))), zone));
      }
    }
  });

  it("reads the date-times and durations schedules are written with", () => {
    assert.deepEqual(parseDateTime("2017-10-17T09:00:00+02:00"), { local: "2017-10-17T09:00", offsetMinutes: 120 });
    assert.deepEqual(parseDateTime("2017-10-17 09:00"), { local: "2017-10-17T09:00", offsetMinutes: null });
    assert.deepEqual(parseDateTime("2017-10-17T07:00:00.000Z"), { local: "2017-10-17T07:00", offsetMinutes: 0 });
    assert.deepEqual(parseDateTime("2017-10-17T09:00-0330"), { local: "2017-10-17T09:00", offsetMinutes: -210 });
    assert.equal(parseDateTime("2017-10-17T25:00:00Z"), null);
    assert.equal(parseDateTime("17 Oct 2017"), null);
    assert.deepEqual(["01:30", "0:45", "1:30:00", "100:00"].map(parseDuration), [90, 45, 90, 6000]);
    assert.deepEqual(["abc", "1:5", "01:60", ""].map(parseDuration), [null, null, null, null]);
  });
});
