"use client";

import Link from "next/link";
import { useEffect, useState } from "react";
import { href } from "@/lib/routes";
import { readLastViewer } from "./note-draft";
import { listOutbox, onOutboxChange } from "./note-outbox";
import type { OutboxEntry } from "./outbox-entry";

const stateText: Record<OutboxEntry["state"], string> = {
  waiting: "will be sent when you're back online",
  "signed-out": "sign in to send it",
  conflict: "changed on another device: open it to choose which to keep",
  refused: "not accepted by the server: open it to see why",
};

/** On the notes list: this person's notes of this conference that are kept on this device and not yet saved. */
export function QueuedNotes({ conferenceSlug }: { conferenceSlug: string }) {
  const [entries, setEntries] = useState<OutboxEntry[]>([]);
  useEffect(() => {
    let current = true;
    const refresh = async () => {
      const viewer = readLastViewer();
      const all = viewer ? await listOutbox() : [];
      if (current) setEntries(all.filter((e) => e.userId === viewer && e.conferenceSlug === conferenceSlug).sort((a, b) => a.queuedAt - b.queuedAt));
    };
    void refresh();
    const stop = onOutboxChange(() => void refresh());
    return () => {
      current = false;
      stop();
    };
  }, [conferenceSlug]);

  if (entries.length === 0) return null;
  return (
    <section aria-labelledby="queued-notes-heading" className="rounded-xl border border-amber-300 bg-amber-50 px-4 py-3 text-sm text-amber-950 dark:border-amber-700 dark:bg-amber-950/40 dark:text-amber-100">
      <h2 id="queued-notes-heading" className="font-semibold">Saved on this device, not yet sent</h2>
      <ul className="mt-2 space-y-1">
        {entries.map((entry) => (
          <li key={entry.key}>
            <Link href={href.session(entry.conferenceSlug, entry.sessionSlug)} className="font-medium underline">
              {entry.sessionTitle ?? entry.sessionSlug}
            </Link>
            {": "}
            {stateText[entry.state]}
          </li>
        ))}
      </ul>
    </section>
  );
}
