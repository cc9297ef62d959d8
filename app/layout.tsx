import type { Metadata, Viewport } from "next";
import Link from "next/link";
import { AccountLink } from "@/components/account/account-link";
import { OutboxFlusher } from "@/components/notes/outbox-flusher";
import { ServiceWorkerRegistration } from "@/components/offline/service-worker-registration";
import "./globals.css";
import { href } from "@/lib/routes";

export const metadata: Metadata = {
  title: { default: "Hallway", template: "%s · Hallway" },
  description: "The conference companion: the program by day and track, search, speakers, and your own notes.",
};

export const viewport: Viewport = {
  themeColor: [
    { media: "(prefers-color-scheme: light)", color: "#fafafa" },
    { media: "(prefers-color-scheme: dark)", color: "#09090b" },
  ],
};

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en">
      <body className="min-h-dvh">
        <a
          href="#main"
          className="sr-only focus:not-sr-only focus:absolute focus:left-4 focus:top-4 focus:z-50 focus:rounded-md focus:bg-white focus:px-3 focus:py-2 focus:shadow dark:focus:bg-zinc-900"
        >
          Skip to content
        </a>
        <header className="border-b border-zinc-200 bg-white/80 dark:border-zinc-800 dark:bg-zinc-950/80">
          <div className="mx-auto flex h-12 max-w-5xl items-center justify-between px-4 sm:px-6">
            <Link href={href.home()} className="flex items-center gap-2 text-sm font-semibold tracking-tight">
              <span aria-hidden className="grid size-6 place-items-center rounded-md bg-accent-600 text-xs font-bold text-white">
                H
              </span>
              Hallway
            </Link>
            <AccountLink />
          </div>
        </header>
        {children}
        <OutboxFlusher />
        <ServiceWorkerRegistration />
      </body>
    </html>
  );
}
