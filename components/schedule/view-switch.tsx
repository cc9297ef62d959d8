import { href } from "@/lib/routes";

type Selection = { day: string | null; track: string | null; view: "list" | "grid" };

const item = "inline-block px-3 py-1.5 text-sm font-medium";
const idle = "text-zinc-700 hover:bg-zinc-100 dark:text-zinc-300 dark:hover:bg-zinc-800";
const active = "bg-zinc-900 text-white dark:bg-zinc-100 dark:text-zinc-900";

/** List or grid, as plain links that keep the chosen day and track. */
export function ViewSwitch({ conferenceSlug, selection }: { conferenceSlug: string; selection: Selection }) {
  const views = [
    { view: "list", label: "List" },
    { view: "grid", label: "Grid" },
  ] as const;
  return (
    <nav aria-label="Schedule view">
      <ul className="flex overflow-hidden rounded-lg border border-zinc-300 dark:border-zinc-700">
        {views.map(({ view, label }) => {
          const current = selection.view === view;
          return (
            <li key={view}>
              <a
                href={href.schedule(conferenceSlug, { day: selection.day, track: selection.track, view })}
                aria-current={current ? "page" : undefined}
                className={`${item} ${current ? active : idle}`}
              >
                {label}
              </a>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
