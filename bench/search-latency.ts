/**
 * In-process search latency: `searchSessions` exactly as the search page calls it,
 * over a fixed, varied set of queries against the big conference.
 * lib/db/client.ts reads DATABASE_URL when first imported: set it before importing this module.
 */
import { db } from "../lib/db/client";
import { searchSessions } from "../lib/schedule/session-search";
import { listSessionsById } from "../lib/schedule/sessions";
import { searchEngine } from "../lib/search/engine";
import { searchPageLimit } from "../lib/search/settings";
import { pick, seededRandom, type Random } from "../lib/test/random";
import * as words from "./words";

export type Category = "word" | "prefix" | "two words" | "speaker" | "note only" | "no match";

const lower = (text: string) => text.toLowerCase();
const vocabulary = [...words.techs, ...words.nouns.flatMap((n) => n.split(" ")), ...words.verbs, ...words.companies.map((c) => c.split(" ")[0]!)].map(lower);

function makeQueries(random: Random, speakerNames: string[], perCategory: number): { category: Category; text: string }[] {
  const makers: Record<Category, () => string> = {
    word: () => pick(random, vocabulary),
    // 2-4 letters: what someone has typed when search-as-you-type fires.
    prefix: () => pick(random, vocabulary).slice(0, 2 + Math.floor(random() * 3)),
    "two words": () => `${lower(pick(random, words.techs))} ${pick(random, words.nouns).split(" ")[0]}`,
    speaker: () => {
      const name = pick(random, speakerNames);
      return random() < 0.5 ? name : name.split(" ").at(-1)!;
    },
    "note only": () => pick(random, words.noteOnlyWords),
    // Half pair a common word with an absent one: the index still has to read the common word's postings.
    "no match": () => (random() < 0.5 ? pick(random, words.absentWords) : `${lower(pick(random, words.techs))} ${pick(random, words.absentWords)}`),
  };
  const queries = [];
  for (let i = 0; i < perCategory; i++) {
    for (const [category, make] of Object.entries(makers)) queries.push({ category: category as Category, text: make() });
  }
  return queries;
}

export function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

export function summarize(samples: number[]) {
  const sorted = [...samples].sort((a, b) => a - b);
  return { count: sorted.length, p50: percentile(sorted, 50), p95: percentile(sorted, 95), p99: percentile(sorted, 99), max: sorted.at(-1) ?? NaN };
}

export async function measureSearchLatency(conferenceSlug: string, perCategory = 200) {
  const conference = await db.conference.findUniqueOrThrow({ where: { slug: conferenceSlug }, select: { id: true } });
  const speakers = await db.speaker.findMany({ where: { conferenceId: conference.id }, select: { name: true }, orderBy: { id: "asc" } });
  const queries = makeQueries(seededRandom(7), speakers.map((s) => s.name), perCategory);
  const search = (text: string) => searchSessions(text, { conferenceId: conference.id, limit: searchPageLimit });

  // Warm the page cache and Prisma's query plans so the first queries don't measure start-up.
  for (const { text } of queries.slice(0, 60)) await search(text);

  const samples = new Map<Category, { ms: number[]; hits: number; text: string; worst: number }>();
  for (const { category, text } of queries) {
    const started = performance.now();
    const hits = await search(text);
    const ms = performance.now() - started;
    const entry = samples.get(category) ?? { ms: [], hits: 0, text: "", worst: -1 };
    entry.ms.push(ms);
    entry.hits += hits.length;
    if (ms > entry.worst) Object.assign(entry, { worst: ms, text });
    samples.set(category, entry);
  }
  const byCategory = [...samples].map(([category, s]) => ({
    category, ...summarize(s.ms), meanHits: s.hits / s.ms.length, slowestQuery: s.text,
  }));
  // Every 7th: the queries cycle through the six kinds, so a step of 7 samples all of them.
  const stages = await measureStages(conference.id, queries.filter((_, i) => i % 7 === 0).map((q) => q.text));
  return { overall: summarize([...samples.values()].flatMap((s) => s.ms)), byCategory, stages };
}

/**
 * Where a search spends its time: the three steps of searchSessions, timed one by one,
 * in the order it runs them. Mirrors lib/schedule/session-search.ts; keep the two in step.
 */
async function measureStages(conferenceId: number, texts: string[]) {
  const search = searchEngine();
  const ms: Record<"rank" | "highlight" | "summaries", number[]> = { rank: [], highlight: [], summaries: [] };
  const time = async <T>(stage: keyof typeof ms, work: () => Promise<T>) => {
    const started = performance.now();
    const result = await work();
    ms[stage].push(performance.now() - started);
    return result;
  };
  for (const text of texts) {
    const ranked = await time("rank", () => search.rankSessions(text, { conferenceId, viewerId: null, limit: searchPageLimit }));
    const ids = ranked.map((r) => r.sessionId);
    await time("highlight", () => search.highlightSessions(text, ids, null));
    await time("summaries", () => listSessionsById(ids));
  }
  return Object.entries(ms).map(([stage, samples]) => ({ stage, ...summarize(samples) }));
}
