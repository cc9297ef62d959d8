"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { useEffect, useState } from "react";
import { href } from "@/lib/routes";
import { browserMayBeSignedIn, forgetSignedInHint } from "./signed-in-hint";

/**
 * The header's account link. Pages are cached and shared, so who is signed in
 * is asked from the browser, and only when the signed-in hint says someone may be;
 * without JavaScript it is a plain "Account" link.
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
    fetch(href.api.me(), { credentials: "same-origin", cache: "no-store" })
      .then(async (response) => {
        // A stale hint (a session revoked elsewhere, or expired): the next page asks nothing.
        if (response.status === 401) forgetSignedInHint();
        const data = response.ok ? ((await response.json()) as { name: string }) : null;
        if (!cancelled) setViewer(data ? { name: data.name } : null);
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
      <Link href={href.signIn(pathname)} className={style}>
        Sign in
      </Link>
    );
  }
  return (
    <Link href={href.account()} className={`${style} max-w-48 truncate`}>
      {viewer ? viewer.name : "Account"}
    </Link>
  );
}
