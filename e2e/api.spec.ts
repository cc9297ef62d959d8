import { expect, test } from "@playwright/test";
import { apiUrl, conf, sessions as demoSessions } from "./support/demo";

type ApiSession = {
  slug: string;
  title: string;
  kind: string;
  startsAt: string;
  endsAt: string;
  day: string;
  track: { slug: string; name: string } | null;
  room: { slug: string; name: string } | null;
  speakers: { slug: string; name: string }[];
  url: string;
};

async function getSessions(request: import("@playwright/test").APIRequestContext, query = "") {
  const response = await request.get(`${apiUrl}/sessions${query}`);
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toContain("application/json");
  return ((await response.json()) as { sessions: ApiSession[] }).sessions;
}

const copenhagenDate = (instant: string) =>
  new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Copenhagen", year: "numeric", month: "2-digit", day: "2-digit" }).format(new Date(instant));

test("the conference: name, time zone, days, tracks and rooms", async ({ request }) => {
  const response = await request.get(apiUrl);
  expect(response.status()).toBe(200);
  const body = await response.json();
  expect(body).toMatchObject({ slug: conf, name: "DockerCon EU 2017", timeZone: "Europe/Copenhagen", startDate: "2017-10-16", endDate: "2017-10-19" });
  expect(body.days.map((d: { date: string }) => d.date)).toEqual(["2017-10-16", "2017-10-17", "2017-10-18", "2017-10-19"]);
  expect(body.days.map((d: { sessionCount: number }) => d.sessionCount)).toEqual([1, 4, 5, 0]);
  expect(body.tracks).toHaveLength(10);
  expect(body.tracks).toContainEqual(expect.objectContaining({ slug: "black-belt", name: "Black Belt" }));
  expect(body.rooms).toHaveLength(7);
  expect(body.rooms).toContainEqual({ slug: "main-hall", name: "Main Hall" });
});

test("the session list has the documented shape, in start order", async ({ request }) => {
  const sessions = await getSessions(request);
  expect(sessions.map((s) => s.slug)).toEqual(demoSessions.map((s) => s.slug));
  const starts = sessions.map((s) => Date.parse(s.startsAt));
  expect(starts).toEqual([...starts].sort((a, b) => a - b));

  for (const s of sessions) {
    expect(s).toEqual(
      expect.objectContaining({
        slug: expect.any(String),
        title: expect.any(String),
        kind: expect.any(String),
        startsAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/),
        endsAt: expect.stringMatching(/Z$/),
        day: copenhagenDate(s.startsAt),
        speakers: expect.any(Array),
        url: `/${conf}/sessions/${s.slug}`,
      }),
    );
    expect(Date.parse(s.endsAt)).toBeGreaterThan(Date.parse(s.startsAt));
    if (s.track) expect(Object.keys(s.track).sort()).toEqual(["name", "slug"]);
    if (s.room) expect(Object.keys(s.room).sort()).toEqual(["name", "slug"]);
    for (const speaker of s.speakers) expect(Object.keys(speaker).sort()).toEqual(["name", "slug"]);
  }

  const keynote = sessions.find((s) => s.slug === "general-session-day-1");
  // 09:00 in Copenhagen in October 2017 (CEST, UTC+2).
  expect(keynote).toMatchObject({
    kind: "keynote",
    startsAt: "2017-10-17T07:00:00.000Z",
    endsAt: "2017-10-17T09:00:00.000Z",
    day: "2017-10-17",
    track: { slug: "general-session", name: "General Session" },
    room: { slug: "main-hall", name: "Main Hall" },
  });
  expect(keynote?.speakers[1]).toEqual({ slug: "solomon-hykes", name: "Solomon Hykes" });
});

test("?day= and ?track= filter the list", async ({ request }) => {
  const day = await getSessions(request, "?day=2017-10-18");
  expect(day.map((s) => s.slug)).toEqual(demoSessions.filter((s) => s.day === "2017-10-18").map((s) => s.slug));
  expect(await getSessions(request, "?day=2017-10-19")).toEqual([]);

  const track = await getSessions(request, "?track=black-belt");
  expect(track.map((s) => s.slug)).toEqual(["linuxkit-deep-dive"]);

  const both = await getSessions(request, "?day=2017-10-18&track=community-theater");
  expect(both.map((s) => s.slug)).toEqual(["play-with-docker-inside-out", "my-journey-to-go"]);
});

test("?q= orders by relevance, not by time", async ({ request }) => {
  const hits = await getSessions(request, "?q=linuxkit");
  // The session with the word in its title comes first, ahead of earlier sessions that only mention it.
  expect(hits[0]?.slug).toBe("linuxkit-deep-dive");
  expect(hits.map((s) => s.slug)).toContain("general-session-day-1");
  expect(hits.map((s) => s.slug)).toContain("looking-under-the-hood-containerd");

  const onTheDay = await getSessions(request, "?q=linuxkit&day=2017-10-18");
  expect(onTheDay.length).toBeGreaterThan(0);
  expect(onTheDay.every((s) => s.day === "2017-10-18")).toBe(true);
});

test("a session's detail adds its abstract and public notes", async ({ request }) => {
  const response = await request.get(`${apiUrl}/sessions/linuxkit-deep-dive`);
  expect(response.status()).toBe(200);
  const body = await response.json();
  expect(body).toMatchObject({
    slug: "linuxkit-deep-dive",
    title: "LinuxKit Deep Dive",
    startsAt: "2017-10-17T12:00:00.000Z",
    day: "2017-10-17",
    track: { slug: "black-belt", name: "Black Belt" },
    url: `/${conf}/sessions/linuxkit-deep-dive`,
  });
  expect(body.abstract).toContain("LinuxKit is a toolkit for building secure, portable and lean operating systems");
  expect(body.publicNotes).toHaveLength(1);
  expect(body.publicNotes[0]).toMatchObject({ author: "SoftwareAG attendee", updatedAt: expect.stringMatching(/Z$/) });
  expect(body.publicNotes[0].body).toContain("Wireguard");
});
