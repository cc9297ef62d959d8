/** "1 Dec 2026, 21:14 UTC": /manage shows instants in UTC, since organisers may run conferences in several zones. */
export function formatInstantUtc(instant: Date): string {
  return `${new Intl.DateTimeFormat("en-GB", { timeZone: "UTC", day: "numeric", month: "short", year: "numeric", hour: "2-digit", minute: "2-digit", hourCycle: "h23" }).format(instant)} UTC`;
}
