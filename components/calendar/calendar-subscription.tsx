import { href } from "@/lib/routes";
import { reminderChoices } from "@/lib/validation/reminder";

type Props = {
  conferenceSlug: string;
  /** Where people reach this site, to make the address absolute. */
  origin: string;
  active: boolean;
  /** The secret, only right after it was made: it is never stored in the clear, so never shown again. */
  freshToken: string | null;
  revoked: boolean;
  /** The feed's reminder in minutes (0: none), when there is a feed. */
  reminderMinutes: number | null;
};

/** Subscribe to my agenda from a calendar app; plain forms, so it works without JavaScript. */
export function CalendarSubscription({ conferenceSlug, origin, active, freshToken, revoked, reminderMinutes }: Props) {
  const action = href.api.calendar(conferenceSlug);
  const button = "rounded-lg border border-zinc-300 px-3 py-2 text-sm font-semibold hover:bg-zinc-100 dark:border-zinc-700 dark:hover:bg-zinc-800";
  const feedUrl = freshToken ? `${origin}${href.agendaFeed(conferenceSlug, freshToken)}` : null;
  return (
    <section id="calendar" aria-labelledby="calendar-heading" className="rounded-xl border border-zinc-200 bg-white p-5 dark:border-zinc-800 dark:bg-zinc-900">
      <h2 id="calendar-heading" className="font-semibold">Your agenda in your calendar</h2>
      <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">
        A private address your calendar app can subscribe to. It stays up to date as you star sessions. Anyone with the address can read your agenda, so
        renew it if it leaks.
      </p>
      {feedUrl && (
        <div className="mt-3 space-y-1">
          <label htmlFor="feed-url" className="text-sm font-medium">
            Subscription address (shown once; copy it now)
          </label>
          <input id="feed-url" readOnly value={feedUrl} className="block w-full rounded-lg border border-zinc-300 bg-zinc-50 px-3 py-2 font-mono text-xs dark:border-zinc-700 dark:bg-zinc-950" />
        </div>
      )}
      {revoked && <p role="status" className="mt-3 text-sm text-emerald-700 dark:text-emerald-300">The old address no longer works.</p>}
      <div className="mt-4 flex flex-wrap gap-2">
        <form method="post" action={action}>
          <input type="hidden" name="action" value="renew" />
          <button type="submit" className={button}>
            {active ? "Make a new address" : "Make a subscription address"}
          </button>
        </form>
        {active && (
          <form method="post" action={action}>
            <input type="hidden" name="action" value="revoke" />
            <button type="submit" className={button}>
              Stop the subscription
            </button>
          </form>
        )}
      </div>
      {active && (
        <form method="post" action={action} className="mt-4 flex flex-wrap items-center gap-2 text-sm">
          <input type="hidden" name="action" value="reminder" />
          <label htmlFor="feed-reminder" className="font-medium">
            Reminder in your calendar
          </label>
          <select id="feed-reminder" name="minutes" defaultValue={String(reminderMinutes ?? 10)} className="rounded-lg border border-zinc-300 bg-white px-2 py-1.5 dark:border-zinc-700 dark:bg-zinc-950">
            {reminderChoices.map((minutes) => (
              <option key={minutes} value={minutes}>
                {minutes === 0 ? "None" : `${minutes} minutes before`}
              </option>
            ))}
          </select>
          <button type="submit" className={button}>
            Save reminder
          </button>
        </form>
      )}
    </section>
  );
}
