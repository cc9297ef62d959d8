import type { NoteVisibility } from "@/lib/notes/limits";

/** Private or public, as two labelled radios; shared by the form and the editor on the session page. */
export function VisibilityChoice({
  name,
  idPrefix,
  defaultValue,
  value,
  onChange,
}: {
  name: string;
  idPrefix: string;
  defaultValue?: NoteVisibility;
  value?: NoteVisibility;
  onChange?: (visibility: NoteVisibility) => void;
}) {
  const options = [
    { value: "private", label: "Only me", hint: "Private: nobody else can see or search it." },
    { value: "public", label: "Everyone", hint: "Shown on the session page under your display name." },
  ] as const;
  return (
    <fieldset>
      <legend className="text-sm font-semibold">Who can see this note</legend>
      <div className="mt-2 grid gap-2 sm:grid-cols-2">
        {options.map((option) => (
          <label
            key={option.value}
            htmlFor={`${idPrefix}-${option.value}`}
            className="flex cursor-pointer gap-3 rounded-lg border border-zinc-200 p-3 text-sm has-[:checked]:border-accent-500 has-[:checked]:bg-accent-50 dark:border-zinc-700 dark:has-[:checked]:border-accent-400 dark:has-[:checked]:bg-accent-500/10"
          >
            <input
              id={`${idPrefix}-${option.value}`}
              type="radio"
              name={name}
              value={option.value}
              defaultChecked={defaultValue === undefined ? undefined : defaultValue === option.value}
              checked={value === undefined ? undefined : value === option.value}
              onChange={onChange && (() => onChange(option.value))}
              className="mt-0.5 accent-accent-600"
            />
            <span>
              <span className="block font-medium">{option.label}</span>
              <span className="block text-xs text-zinc-600 dark:text-zinc-400">{option.hint}</span>
            </span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}
