/** Why sign-in is asked for when someone starred a session while signed out, and what happens next. */
export function StarIntentNote({ title, signUp }: { title: string; signUp: boolean }) {
  return (
    <p role="status" className="rounded-xl border border-amber-300 bg-amber-50 px-4 py-3 text-sm text-amber-950 dark:border-amber-700 dark:bg-amber-950/40 dark:text-amber-100">
      <span aria-hidden>★ </span>
      {signUp ? "Create an account" : "Sign in"} to add <span className="font-semibold">{title}</span> to your agenda. Your agenda is kept with your
      account, so it is the same on every device; the star is set as soon as you are in.
    </p>
  );
}
