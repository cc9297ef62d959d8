import type { ReactNode } from "react";

/**
 * A GET form with one search box: it works without JavaScript and puts what was
 * typed in the URL (`q`). `hidden` carries the filters the search keeps.
 */
export function SearchForm({
  action,
  id,
  label,
  defaultValue,
  placeholder,
  submitLabel,
  hidden = {},
  autoFocus = false,
  prominent = false,
}: {
  action: string;
  id: string;
  label: string;
  defaultValue: string;
  placeholder: string;
  submitLabel: ReactNode;
  hidden?: Record<string, string | null | undefined>;
  autoFocus?: boolean;
  /** The search page's own box: larger, in the accent colour. */
  prominent?: boolean;
}) {
  return (
    <form role="search" action={action} className={`flex gap-2 ${prominent ? "max-w-xl" : "max-w-md"}`}>
      {Object.entries(hidden).map(([name, value]) => value && <input key={name} type="hidden" name={name} value={value} />)}
      <label htmlFor={id} className="sr-only">
        {label}
      </label>
      <input
        id={id}
        name="q"
        type="search"
        defaultValue={defaultValue}
        autoFocus={autoFocus}
        placeholder={placeholder}
        className={`min-w-0 flex-1 rounded-lg border border-zinc-300 bg-white px-3 placeholder:text-zinc-400 dark:border-zinc-700 dark:bg-zinc-900 ${prominent ? "py-2.5 text-base" : "py-2 text-sm"}`}
      />
      <button
        type="submit"
        className={
          prominent
            ? "rounded-lg bg-accent-600 px-5 py-2.5 text-sm font-semibold text-white hover:bg-accent-700"
            : "rounded-lg bg-zinc-900 px-4 py-2 text-sm font-medium text-white hover:bg-zinc-700 dark:bg-zinc-100 dark:text-zinc-900 dark:hover:bg-zinc-300"
        }
      >
        {submitLabel}
      </button>
    </form>
  );
}
