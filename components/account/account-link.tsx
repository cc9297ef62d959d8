"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { useEffect, useState } from "react";
import { browserMayBeSignedIn, forgetSignedInHint } from "./signed-in-hint";

/**
 * The header's account link. Pages are cached and shared, so who is signed in
 * is asked from the browser; without JavaScript it is a plain "Account" link.
 */
export function AccountLink() {
  const pathname = usePathname();
  const [viewer, setViewer] = useState<{ name: string } | null | undefined>(undefined);
  useEffect(() => {
    let cancelled = false;
    // Without the signed-in hint this browser is signed out: nothing to ask.
    if (!browserMayBeSignedIn()) {
      queueMicrotask(() => !cancelled && setViewer(null));
      return () => {
        cancelled = true;
      };
    }
    fetch("/api/auth/get-session", { credentials: "same-origin", cache: "no-store" })
      .then(async (response) => {
        if (!response.ok) return !cancelled && setViewer(null);
        const data = (await response.json()) as { user?: { name: string } } | null;
        // A stale hint (get-session clears it too, when a session cookie came with the request).
        if (!data?.user) forgetSignedInHint();
        if (!cancelled) setViewer(data?.user ? { name: data.user.name } : null);
      })
      .catch(() => !cancelled && setViewer(null));
    return () => {
      cancelled = true;
    };
    // Asked again after each navigation: signing in, up or out ends in one.
  }, [pathname]);
  const style = "rounded-lg px-3 py-1.5 text-sm font-medium hover:bg-zinc-100 dark:hover:bg-zinc-800";
  if (viewer === null) {
    return (
      <Link href={`/sign-in?next=${encodeURIComponent(pathname)}`} className={style}>
        Sign in
      </Link>
    );
  }
  return (
    <Link href="/account" className={`${style} max-w-48 truncate`}>
      {viewer ? viewer.name : "Account"}
    </Link>
  );
}
