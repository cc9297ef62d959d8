/**
 * What the browser tests expect of the demo program (prisma/seed/dockercon-eu-2017.ts),
 * written out by hand so that a change to the seed or to the time formatting is noticed.
 */
export const conf = "dockercon-eu-2017";
export const scheduleUrl = `/${conf}/schedule`;
export const apiUrl = `/api/conferences/${conf}`;

export type DemoSession = { slug: string; title: string; day: string; time: string };

/** Program order: by start, then room. Times are Copenhagen wall-clock (CEST in October 2017). */
export const sessions: DemoSession[] = [
  { slug: "introduction-to-docker-for-enterprise-operations", title: "Introduction to Docker for Enterprise Operations", day: "2017-10-16", time: "09:00–17:00 CEST" },
  { slug: "general-session-day-1", title: "General Session Day 1", day: "2017-10-17", time: "09:00–11:00 CEST" },
  { slug: "modernizing-traditional-apps-java-edition", title: "Modernizing Traditional Apps: Java Edition", day: "2017-10-17", time: "11:45–12:25 CEST" },
  { slug: "linuxkit-deep-dive", title: "LinuxKit Deep Dive", day: "2017-10-17", time: "14:00–14:40 CEST" },
  { slug: "containerizing-hardware-accelerated-applications", title: "Containerizing Hardware Accelerated Applications", day: "2017-10-17", time: "14:00–14:40 CEST" },
  { slug: "general-session-day-2", title: "General Session Day 2", day: "2017-10-18", time: "09:00–11:00 CEST" },
  { slug: "play-with-docker-inside-out", title: "Play With Docker (PWD): Inside Out", day: "2017-10-18", time: "11:45–12:25 CEST" },
  { slug: "looking-under-the-hood-containerd", title: "Looking Under the Hood: containerD", day: "2017-10-18", time: "14:00–14:40 CEST" },
  { slug: "my-journey-to-go", title: "My Journey to Go", day: "2017-10-18", time: "14:00–14:40 CEST" },
  { slug: "taking-docker-to-production-what-you-need-to-know-and-decide", title: "Taking Docker to Production: What You Need to Know and Decide", day: "2017-10-18", time: "16:10–16:50 CEST" },
];

/** The long date as headings show it; newer ICU data puts a comma after the weekday in en-GB. */
export const days = [
  { date: "2017-10-16", tab: "Mon 16 Oct", long: /^Monday,? 16 October 2017$/ },
  { date: "2017-10-17", tab: "Tue 17 Oct", long: /^Tuesday,? 17 October 2017$/ },
  { date: "2017-10-18", tab: "Wed 18 Oct", long: /^Wednesday,? 18 October 2017$/ },
  { date: "2017-10-19", tab: "Thu 19 Oct", long: /^Thursday,? 19 October 2017$/ },
] as const;

export const titlesOn = (date: string) => sessions.filter((s) => s.day === date).map((s) => s.title);

/** Text a visitor might type that means something to FTS5, SQL or HTML. */
export const hostileQueries: { label: string; q: string }[] = [
  { label: "a lone double quote", q: '"' },
  { label: "a lone asterisk", q: "*" },
  { label: "the operator AND", q: "AND" },
  { label: "an unclosed NEAR(", q: "NEAR(" },
  { label: "a OR b", q: "a OR b" },
  { label: "a negated term", q: "-linuxkit" },
  { label: "a column filter", q: "title:docker" },
  { label: "5,000 characters", q: "a".repeat(5000) },
  { label: "a script tag", q: "<script>alert(1)</script>" },
];

/** Every speaker of the demo, sorted by name. */
export const speakerNamesAToZ = [
  "Alex Mavrogiannis", "Arun Gupta", "Ashley McNamara", "Ben Bonnefoy", "Bill Mills", "Brendan Burns",
  "Bret Fisher", "Chelsea Mafrica", "Daniel Hiltgen", "David Gageot", "Jason McGee", "Jeff Murr",
  "Jonathan Leibiusky", "Justin Cormack", "Kristie Howard", "Marcos Lilljedahl", "Markus Niskanen", "Rolf Neugebauer",
  "Scott Coulton", "Scott Johnston", "Solomon Hykes", "Sophia Parafina", "Steve Singh", "Tim Hockin",
];
