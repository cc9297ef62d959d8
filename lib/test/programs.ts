import type { ProgramInput } from "../program/program-schema";

/**
 * A one-day conference beside the demo: accented names (for accent-folding
 * search), its own Kubernetes talk (for scoping), and no notes.
 */
export function tinyProgram() {
  return {
    conference: {
      slug: "cafe-conf-2018",
      name: "Café Conf 2018",
      timeZone: "Europe/Oslo",
      startDate: "2018-03-01",
      endDate: "2018-03-01",
    },
    days: [{ date: "2018-03-01", label: "Only day" }],
    tracks: [{ slug: "kaffe", name: "Kaffe", color: "#8b5a2b" }],
    rooms: [{ slug: "salle-ete", name: "Salle Été" }],
    speakers: [{ slug: "zoe-cafe", name: "Zoë Café", affiliation: "Crème Brûlée AS", bio: "" }],
    sessions: [
      {
        guid: "cafe-conf-2018-espresso",
        slug: "espresso-and-kubernetes",
        title: "Espresso and Kubernetes",
        abstract: "Brewing clusters one shot at a time.",
        day: "2018-03-01",
        start: "2018-03-01T10:00",
        end: "2018-03-01T10:45",
        track: "kaffe",
        room: "salle-ete",
        speakers: ["zoe-cafe"],
      },
    ],
  } satisfies ProgramInput;
}

/**
 * Two evenings in Copenhagen (CEST) with sessions across midnight: one that ends
 * on the next date, one that starts as another ends, one that shares another's
 * time, a cancelled one, and a room with nothing in it.
 */
export function nightProgram() {
  const session = (slug: string, day: string, start: string, end: string, room: string, extra: { status?: "cancelled" } = {}) => ({
    guid: `night-${slug}`, slug, title: slug.replace(/-/g, " "), day, start, end, room, ...extra,
  });
  return {
    conference: {
      slug: "night-conf",
      name: "Night Conf",
      timeZone: "Europe/Copenhagen",
      startDate: "2017-10-17",
      endDate: "2017-10-18",
    },
    days: [{ date: "2017-10-17", label: "Evening" }, { date: "2017-10-18", label: "Morning after" }],
    tracks: [],
    rooms: [{ slug: "room-a", name: "Room A" }, { slug: "room-b", name: "Room B" }, { slug: "room-c", name: "Room C" }],
    speakers: [],
    sessions: [
      session("late-a", "2017-10-17", "2017-10-17T23:30", "2017-10-18T00:10", "room-a"),
      session("late-b", "2017-10-17", "2017-10-17T23:50", "2017-10-18T00:30", "room-b"),
      session("after-b", "2017-10-18", "2017-10-18T00:30", "2017-10-18T01:00", "room-b"),
      session("morning-a", "2017-10-18", "2017-10-18T09:00", "2017-10-18T10:00", "room-a"),
      session("cancelled-b", "2017-10-18", "2017-10-18T09:30", "2017-10-18T10:30", "room-b", { status: "cancelled" }),
    ],
  } satisfies ProgramInput;
}
