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
