import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { SessionSummary } from "./sessions";
import { buildTimetable, noRoom } from "./timetable";

const rooms = [
  { slug: "hall", name: "Hall" },
  { slug: "a", name: "Room A" },
  { slug: "b", name: "Room B" },
];

function session(slug: string, room: string | null, start: string, end: string): SessionSummary {
  return {
    id: slug.length, slug, title: slug, subtitle: "", kind: "talk", status: "scheduled", illustrative: false,
    startsAt: new Date(start), endsAt: new Date(end), day: start.slice(0, 10),
    track: null, room: room ? { slug: room, name: room } : null, speakers: [],
  };
}

describe("buildTimetable", () => {
  it("puts rooms in columns and spans each session over its five-minute rows from the first hour", () => {
    // Copenhagen in October is UTC+2: 09:20 local is 07:20Z; the grid starts at 09:00 local.
    const table = buildTimetable(
      [session("keynote", "hall", "2017-10-17T07:20:00Z", "2017-10-17T08:00:00Z"), session("talk", "b", "2017-10-17T08:00:00Z", "2017-10-17T08:40:00Z")],
      rooms,
      "Europe/Copenhagen",
    );
    assert.deepEqual(table.rooms.map((r) => r.slug), ["hall", "b"]);
    assert.equal(table.start.toISOString(), "2017-10-17T07:00:00.000Z");
    assert.equal(table.rowCount, 24); // 09:00–11:00
    assert.deepEqual(table.cells.map((c) => [c.session.slug, c.column, c.rowStart, c.rowEnd]), [["keynote", 1, 5, 13], ["talk", 2, 13, 21]]);
    assert.deepEqual(table.labels.map((l) => l.row), [1, 7, 13, 19]);
  });

  it("starts at the local hour in a zone half an hour off UTC", () => {
    const table = buildTimetable([session("x", "a", "2024-01-10T04:10:00Z", "2024-01-10T04:40:00Z")], rooms, "Asia/Kolkata");
    // 09:40 in Kolkata: the grid starts at 09:00 there, 03:30Z.
    assert.equal(table.start.toISOString(), "2024-01-10T03:30:00.000Z");
    assert.equal(table.cells[0]!.rowStart, 9);
  });

  it("gives a session without a room a column of its own, and a very short one a whole row", () => {
    const table = buildTimetable([session("lightning", null, "2017-10-17T07:02:00Z", "2017-10-17T07:04:00Z")], rooms, "Europe/Copenhagen");
    assert.deepEqual(table.rooms, [noRoom]);
    assert.equal(table.cells[0]!.rowEnd - table.cells[0]!.rowStart, 1);
  });

  it("starts a page of a big day at its window, with sessions already running at its top", () => {
    const table = buildTimetable(
      [session("running", "a", "2017-10-17T07:30:00Z", "2017-10-17T08:30:00Z"), session("later", "b", "2017-10-17T08:10:00Z", "2017-10-17T08:20:00Z")],
      rooms,
      "Europe/Copenhagen",
      { from: new Date("2017-10-17T08:00:00Z") },
    );
    assert.equal(table.start.toISOString(), "2017-10-17T08:00:00.000Z");
    assert.deepEqual(table.cells.map((c) => [c.session.slug, c.rowStart, c.rowEnd]), [["running", 1, 7], ["later", 3, 5]]);
  });

  it("is empty for a day without sessions", () => {
    assert.deepEqual(buildTimetable([], rooms, "UTC"), { rooms: [], start: new Date(0), rowCount: 0, labels: [], cells: [] });
  });
});
