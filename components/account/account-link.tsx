"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { useEffect, useState } from "react";
import { href } from "@/lib/routes";

/**
 * The header's account link. Pages are cached and shared, so who is signed in
 * is asked from the browser; without JavaScript it is a plain "Account" link.
 */
export function AccountLink() {
  const pathname = usePathname();
  const [viewer, setViewer] = useState<{ name: string } | null | undefined>(undefined);
  useEffect(() => {
    let cancelled = false;
    fetch(href.api.signedIn(), { credentials: "same-origin", cache: "no-store" })
      .then((response) => (response.ok ? response.json() : null))
      .then((data: { user?: { name: string } } | null) => !cancelled && setViewer(data?.user ? { name: data.user.name } : null))
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
