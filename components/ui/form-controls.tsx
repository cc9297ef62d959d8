"use client";

import { useFormStatus } from "react-dom";

/** A labelled input with its hint, or its error in place of the hint; `id` (the name by default) names the hint and error too. */
export function Field({
  label,
  name,
  id = name,
  type = "text",
  error,
  hint,
  defaultValue,
  autoComplete,
  required = true,
  accept,
  placeholder,
  inputMode,
  inputClassName = "",
}: {
  label: string;
  name: string;
  id?: string;
  type?: string;
  error?: string;
  hint?: string;
  defaultValue?: string;
  autoComplete?: string;
  required?: boolean;
  accept?: string;
  placeholder?: string;
  inputMode?: "url" | "email" | "text";
  inputClassName?: string;
}) {
  const describedBy = [error ? `${id}-error` : null, hint ? `${id}-hint` : null].filter(Boolean).join(" ") || undefined;
  return (
    <div className="space-y-1.5">
      <label htmlFor={id} className="block text-sm font-medium">
        {label}
      </label>
      <input
        id={id}
        name={name}
        type={type}
        defaultValue={defaultValue}
        autoComplete={autoComplete}
        required={required}
        accept={accept}
        placeholder={placeholder}
        inputMode={inputMode}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        className={`block w-full rounded-lg border border-zinc-300 bg-white px-3 py-2.5 text-base aria-invalid:border-red-500 dark:border-zinc-700 dark:bg-zinc-900 ${inputClassName}`}
      />
      {hint && !error && (
        <p id={`${id}-hint`} className="text-xs text-zinc-500 dark:text-zinc-400">
          {hint}
        </p>
      )}
      {error && (
        <p id={`${id}-error`} className="text-sm break-words text-red-700 dark:text-red-400">
          {error}
        </p>
      )}
    </div>
  );
}

export function SubmitButton({ children, tone = "primary" }: { children: React.ReactNode; tone?: "primary" | "danger" }) {
  const { pending } = useFormStatus();
  const colours =
    tone === "danger"
      ? "bg-red-700 hover:bg-red-800 text-white"
      : "bg-accent-600 hover:bg-accent-700 text-white";
  return (
    <button type="submit" disabled={pending} className={`w-full rounded-lg px-4 py-2.5 text-sm font-semibold disabled:opacity-60 ${colours}`}>
      {pending ? "Please wait…" : children}
    </button>
  );
}

export function FormMessage({ message, tone = "error" }: { message?: string; tone?: "error" | "success" }) {
  if (!message) return null;
  return (
    <p
      role={tone === "error" ? "alert" : "status"}
      className={`rounded-lg px-3 py-2 text-sm ${
        tone === "error"
          ? "bg-red-50 text-red-800 dark:bg-red-950/50 dark:text-red-200"
          : "bg-emerald-50 text-emerald-800 dark:bg-emerald-950/50 dark:text-emerald-200"
      }`}
    >
      {message}
    </p>
  );
}
