// Rendered inside the conference layout when a schedule address names a day, track or page the conference doesn't have.
export default function ScheduleNotFound() {
  return (
    <div role="alert" className="mx-auto max-w-xl rounded-xl border border-amber-300 bg-amber-50 px-6 py-8 text-amber-950 dark:border-amber-700 dark:bg-amber-950/40 dark:text-amber-100">
      <h1 className="text-xl font-bold">No such day, track or page</h1>
      <p className="mt-2 text-sm">
        The address asks for part of the schedule this conference doesn’t have. Days are written like 2017-10-17 and must fall within the
        conference; tracks are the ones listed on the schedule; pages start at 1.
      </p>
      <p className="mt-4 text-sm">
        {/* A full page load (not a client navigation, which keeps this boundary when only the query changes); relative to /<conf>/schedule. */}
        <a href="schedule" className="font-semibold underline underline-offset-2">
          See the whole schedule
        </a>
      </p>
    </div>
  );
}
