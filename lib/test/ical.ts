import ICAL from "ical.js";

/**
 * Reads an iCalendar feed back with ical.js, an independent parser, so a test checks
 * what a calendar app would see rather than what our writer meant. Each event keeps
 * ical.js's own objects for the properties a test wants to look at itself.
 */
export function parseCalendar(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text));
  const events = calendar.getAllSubcomponents("vevent").map((vevent) => {
    const event = new ICAL.Event(vevent);
    return {
      vevent,
      event,
      uid: event.uid,
      summary: event.summary,
      start: event.startDate.toJSDate().toISOString(),
      end: event.endDate.toJSDate().toISOString(),
      url: String(vevent.getFirstPropertyValue("url")),
    };
  });
  return { calendar, events };
}
