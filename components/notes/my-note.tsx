"use client";

import Link from "next/link";
import { useCallback, useEffect, useRef, useState } from "react";
import { browserMayBeSignedIn, forgetSignedInHint } from "@/components/account/signed-in-hint";
import { noteMaxLength, viewerHeader, type NoteVisibility } from "@/lib/notes/limits";
import { copyKey, draftKey, readDraft, readLastViewer, readText, writeDraft, writeLastViewer, writeText } from "./note-draft";
import { claimNote, dropEntriesOf, getQueued, queueSave, removeQueued } from "./note-outbox";
import { mergedText, newestKept } from "./outbox-entry";
import { putNote } from "./put-note";
import { NoteConflict } from "./note-conflict";
import { VisibilityChoice } from "./visibility-choice";
import { href } from "@/lib/routes";

type SavedNote = { body: string; visibility: NoteVisibility; version: number };
type Status = "idle" | "saved" | "saving" | "dirty" | "queued" | "offline" | "signed-out" | "failed" | "conflict" | "deleted";

const autosaveDelayMs = 800;
const retryDelayMs = 15_000;
const saveTimeoutMs = 20_000;
const countFrom = noteMaxLength * 0.9;
const statusText: Record<Status, string> = {
  idle: "",
  saved: "Saved",
  saving: "Saving…",
  dirty: "Unsaved changes",
  queued: "Saved on this device – will be sent when you're back online",
  offline: "Offline – kept on this device",
  "signed-out": "Saved on this device",
  failed: "Not saved – kept on this device",
  conflict: "Not saved – see below",
  deleted: "Deleted",
};

/**
 * The viewer's own note on the session page. The page is cached and shared, so
 * the server renders only a link (which works without JavaScript); the editor
 * appears once the browser has asked the API who is signed in. Text lives in
 * localStorage until the server has it; a save that cannot reach the server goes
 * into the outbox (note-outbox.ts), and a version conflict never replaces what the
 * person typed. Opened offline, or signed out, over queued text, the editor shows
 * that text and keeps queuing ("provisional": only the base version is known).
 */
export function MyNote({ conferenceSlug, sessionSlug, sessionTitle }: { conferenceSlug: string; sessionSlug: string; sessionTitle?: string }) {
  const sessionPath = href.session(conferenceSlug, sessionSlug);
  const apiUrl = href.api.note(conferenceSlug, sessionSlug);
  const draft = draftKey(conferenceSlug, sessionSlug);
  const setAside = copyKey(conferenceSlug, sessionSlug);

  const [mode, setMode] = useState<"link" | "signed-out" | "editor">("link");
  const [provisional, setProvisional] = useState(false);
  const [text, setText] = useState("");
  const [visibility, setVisibility] = useState<NoteVisibility>("private");
  const [saved, setSaved] = useState<SavedNote | null>(null);
  const [status, setStatus] = useState<{ kind: Status; detail?: string; retry?: boolean }>({ kind: "idle" });
  const [conflict, setConflict] = useState<{ current: SavedNote | null; takeFocus: boolean } | null>(null);
  const [copy, setCopy] = useState<string | null>(null);

  // What saves read and write between renders: typing must never wait for React to catch up.
  const live = useRef({
    text: "",
    visibility: "private" as NoteVisibility,
    saved: null as SavedNote | null,
    conflict: false,
    inFlight: false,
    again: false,
    viewer: null as string | null,
    provisional: null as null | "offline" | "signed-out",
  });
  const timer = useRef<number | undefined>(undefined);
  const reload = useRef<() => void>(() => {});
  const textArea = useRef<HTMLTextAreaElement>(null);

  const accept = useCallback((note: SavedNote | null) => {
    live.current.saved = note;
    setSaved(note);
  }, []);

  const show = useCallback((body: string, vis: NoteVisibility) => {
    Object.assign(live.current, { text: body, visibility: vis });
    setText(body);
    setVisibility(vis);
  }, []);

  /** `takeFocus` when found by a replay or a load rather than by saving what was just typed: the choice is what comes next. */
  const enterConflict = useCallback((current: SavedNote | null, takeFocus: boolean) => {
    live.current.conflict = true;
    setConflict({ current, takeFocus });
    setStatus({ kind: "conflict" });
  }, []);

  /** Keeps a save that cannot go now in the outbox, sent when the connection (or the sign-in) returns. */
  const queue = useCallback(
    async (sent: { body: string; visibility: NoteVisibility }, baseVersion: number, kind: "queued" | "signed-out", retry = false) => {
      const viewer = live.current.viewer;
      const kept = viewer && (await queueSave({ userId: viewer, conferenceSlug, sessionSlug, sessionTitle, ...sent, baseVersion }));
      setStatus(kept ? { kind, retry } : { kind: kind === "queued" ? "offline" : "signed-out", retry });
    },
    [conferenceSlug, sessionSlug, sessionTitle],
  );

  /** Puts the text to the server until what it holds is what is on screen, one request at a time. */
  const save = useCallback(async (replay = false) => {
    window.clearTimeout(timer.current);
    const s = live.current;
    if (s.inFlight) {
      s.again = true;
      return;
    }
    s.inFlight = true;
    try {
      do {
        s.again = false;
        if (s.conflict) return;
        const sent = { body: s.text, visibility: s.visibility };
        const base = s.saved;
        const unchanged = base ? sent.body === base.body && sent.visibility === base.visibility : sent.body === "" && sent.visibility === "private";
        if (unchanged && !s.provisional) {
          writeText(draft, null);
          setStatus({ kind: base ? "saved" : "idle" });
          return;
        }
        if (sent.body.length > noteMaxLength) {
          setStatus({ kind: "failed", detail: "Notes can be at most 50,000 characters." });
          return;
        }
        if (s.provisional || !navigator.onLine) return await queue(sent, base?.version ?? 0, s.provisional === "signed-out" ? "signed-out" : "queued");
        setStatus({ kind: "saving" });
        const answer = await putNote({ conferenceSlug, sessionSlug, ...sent, baseVersion: base?.version ?? 0, viewer: s.viewer, timeoutMs: saveTimeoutMs });
        const { outcome } = answer;
        // `already`: the stored note is exactly what this save sent (the outbox's replay of the same
        // text, begun when the connection came back, landed first): saved, not a conflict.
        if (outcome.kind === "sent" || outcome.kind === "already") {
          accept(outcome.note);
          // Typing during the request leaves more to save: go round again.
          s.again = s.text !== sent.body || s.visibility !== sent.visibility;
          if (!s.again) {
            writeText(draft, null);
            setStatus({ kind: "saved" });
          }
          if (s.viewer) void removeQueued(s.viewer, conferenceSlug, sessionSlug);
        } else if (outcome.kind === "conflict") {
          enterConflict(outcome.current, replay);
        } else if (outcome.kind === "signed-out") {
          return await queue(sent, base?.version ?? 0, "signed-out");
        } else if (outcome.kind === "retry") {
          return await queue(sent, base?.version ?? 0, "queued", answer.status === "network" ? navigator.onLine : true);
        } else {
          setStatus({ kind: "failed", detail: answer.error ? `${answer.error}.` : undefined });
        }
      } while (s.again);
    } finally {
      s.inFlight = false;
    }
  }, [accept, conferenceSlug, draft, enterConflict, queue, sessionSlug]);

  // After a network failure or a server error, try again now and then; typing or reconnecting tries sooner.
  useEffect(() => {
    if (!status.retry) return;
    const id = window.setTimeout(() => void save(true), retryDelayMs);
    return () => window.clearTimeout(id);
  }, [status, save]);

  /** Keeps the change on this device at once, then saves after a pause in typing (or now). */
  const edit = useCallback(
    (change: { text?: string; visibility?: NoteVisibility }, delay = autosaveDelayMs) => {
      const s = live.current;
      show(change.text ?? s.text, change.visibility ?? s.visibility);
      writeDraft(draft, { body: s.text, visibility: s.visibility, baseVersion: s.saved?.version ?? 0, ...(s.viewer ? { userId: s.viewer } : {}) });
      if (s.conflict) return;
      setStatus({ kind: "dirty" });
      window.clearTimeout(timer.current);
      timer.current = window.setTimeout(() => void save(), delay);
    },
    [draft, save, show],
  );

  useEffect(() => {
    let cancelled = false;
    const retryLoad = () => {
      if (!cancelled) void load();
    };
    reload.current = retryLoad;

    /** Offline or signed out: the text this browser keeps for the person last signed in, if any, in an editor that only queues. */
    async function openKept(why: "offline" | "signed-out") {
      const viewer = readLastViewer();
      const draftNow = readDraft(draft);
      const entry = viewer ? await getQueued(viewer, conferenceSlug, sessionSlug) : null;
      if (cancelled) return;
      const kept = newestKept(draftNow && (!draftNow.userId || draftNow.userId === viewer) ? draftNow : null, entry);
      if (!kept) return setMode(why === "offline" ? "link" : "signed-out");
      Object.assign(live.current, { viewer, provisional: why });
      setProvisional(true);
      accept({ body: kept.body, visibility: kept.visibility, version: kept.baseVersion });
      show(kept.body, kept.visibility);
      setStatus({ kind: entry ? (why === "offline" ? "queued" : "signed-out") : why === "offline" ? "offline" : "signed-out" });
      setCopy(readText(setAside));
      setMode("editor");
    }

    async function load() {
      // Never signed in here (or signed out since): the sign-in link, without asking.
      if (!browserMayBeSignedIn()) return openKept("signed-out");
      let response: Response;
      try {
        response = await fetch(apiUrl, { credentials: "same-origin", cache: "no-store" });
      } catch {
        if (cancelled) return;
        window.addEventListener("online", retryLoad, { once: true });
        return openKept("offline");
      }
      if (cancelled) return;
      if (response.status === 401) {
        forgetSignedInHint();
        return openKept("signed-out");
      }
      if (!response.ok && response.status !== 404) return;
      const server = response.ok ? ((await response.json()) as SavedNote) : null;
      const viewer = response.headers.get(viewerHeader);
      if (viewer) {
        // Someone else signed in since: the earlier person's queued saves are neither shown nor sent (decision 22).
        const previous = readLastViewer();
        if (previous && previous !== viewer) await dropEntriesOf(previous);
        writeLastViewer(viewer);
      }
      const entry = viewer ? await getQueued(viewer, conferenceSlug, sessionSlug) : null;
      if (cancelled) return;
      Object.assign(live.current, { viewer, provisional: null });
      setProvisional(false);
      const current = server && { body: server.body, visibility: server.visibility, version: server.version };
      accept(current);
      let draftNow = readDraft(draft);
      if (draftNow?.userId && draftNow.userId !== viewer) {
        writeText(draft, null);
        draftNow = null;
      }
      const kept = newestKept(draftNow, entry);
      const unsynced = kept && !(kept.body === (current?.body ?? "") && kept.visibility === (current?.visibility ?? "private"));
      if (kept && unsynced) {
        show(kept.body, kept.visibility);
        // A draft written over the version still stored is simply newer; over an older one, both versions matter.
        if (kept.baseVersion === (current?.version ?? 0)) {
          setStatus({ kind: "dirty" });
          timer.current = window.setTimeout(() => void save(true), 0);
        } else {
          enterConflict(current, true);
        }
      } else {
        if (draftNow) writeText(draft, null);
        if (entry && viewer) void removeQueued(viewer, conferenceSlug, sessionSlug);
        show(current?.body ?? "", current?.visibility ?? "private");
        setStatus({ kind: current ? "saved" : "idle" });
      }
      setCopy(readText(setAside));
      setMode("editor");
    }
    void load();
    return () => {
      cancelled = true;
      window.removeEventListener("online", retryLoad);
    };
  }, [accept, apiUrl, conferenceSlug, draft, enterConflict, save, sessionSlug, setAside, show]);

  useEffect(() => {
    if (mode !== "editor") return;
    const flush = () => {
      const s = live.current;
      const visible = document.visibilityState === "visible";
      // Back online (or back on the page, perhaps signed in elsewhere) over queued text: load again, which sends or shows a conflict.
      if (s.provisional && navigator.onLine && visible) reload.current();
      else if (!visible || navigator.onLine) void save(true);
    };
    window.addEventListener("online", flush);
    document.addEventListener("visibilitychange", flush);
    const viewer = live.current.viewer;
    const release = viewer ? claimNote(viewer, conferenceSlug, sessionSlug, flush) : undefined;
    return () => {
      window.removeEventListener("online", flush);
      document.removeEventListener("visibilitychange", flush);
      release?.();
      window.clearTimeout(timer.current);
    };
  }, [conferenceSlug, mode, save, sessionSlug]);

  /** After a choice, the person goes on in the editor. */
  const resolved = (current: SavedNote | null) => {
    accept(current);
    live.current.conflict = false;
    setConflict(null);
    window.setTimeout(() => textArea.current?.focus(), 0);
  };

  function keepMine() {
    resolved(conflict?.current ?? null);
    edit({}, 0);
  }

  function takeSaved() {
    const current = conflict?.current ?? null;
    writeText(setAside, live.current.text);
    setCopy(live.current.text);
    resolved(current);
    show(current?.body ?? "", current?.visibility ?? "private");
    writeText(draft, null);
    if (live.current.viewer) void removeQueued(live.current.viewer, conferenceSlug, sessionSlug);
    setStatus({ kind: current ? "saved" : "idle" });
  }

  function mergeByHand() {
    const current = conflict?.current ?? null;
    const mine = live.current.text;
    resolved(current);
    edit({ text: mergedText(mine, current?.body ?? "") });
  }

  async function remove() {
    if (!window.confirm("Delete your note on this session? This cannot be undone.")) return;
    window.clearTimeout(timer.current);
    try {
      const response = await fetch(apiUrl, { method: "DELETE", credentials: "same-origin", headers: { "If-Match": `"${live.current.saved?.version ?? 0}"` } });
      if (response.status === 204 || response.status === 404) {
        accept(null);
        show("", "private");
        writeText(draft, null);
        setStatus({ kind: "deleted" });
      } else if (response.status === 412) {
        enterConflict(((await response.json().catch(() => null)) as { current?: SavedNote | null } | null)?.current ?? null, true);
      } else {
        setStatus({ kind: "failed", detail: response.status === 401 ? "The note was not deleted: sign in again first." : "The note was not deleted." });
      }
    } catch {
      setStatus({ kind: "offline", detail: "The note was not deleted." });
    }
  }

  const noteLink = (
    <Link href={href.sessionNote(conferenceSlug, sessionSlug)} prefetch={false} className="font-medium text-accent-600 hover:underline dark:text-accent-300">
      Your notes on this session →
    </Link>
  );

  if (mode !== "editor") {
    return (
      <section aria-label="Your notes" className="max-w-3xl text-sm">
        {mode === "signed-out" ? (
          <Link href={href.signIn(sessionPath)} className="font-medium text-accent-600 hover:underline dark:text-accent-300">
            Sign in to keep your own notes on this session
          </Link>
        ) : (
          noteLink
        )}
      </section>
    );
  }

  const signInAgain = href.signIn(sessionPath);
  return (
    <section aria-labelledby="my-note-heading" className="max-w-3xl space-y-4 rounded-xl border border-zinc-200 bg-white p-4 sm:p-5 dark:border-zinc-800 dark:bg-zinc-900">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id="my-note-heading" className="text-lg font-semibold tracking-tight">Your notes</h2>
        <p role="status" className="text-sm text-zinc-600 dark:text-zinc-400">
          {[statusText[status.kind], status.detail].filter(Boolean).join(". ")}
          {status.kind === "signed-out" && (
            <>
              .{" "}
              <a href={signInAgain} className="font-medium text-accent-600 underline dark:text-accent-300">Sign in to send your note</a>
            </>
          )}
        </p>
      </div>

      {conflict && <NoteConflict current={conflict.current} takeFocus={conflict.takeFocus} onKeepMine={keepMine} onTakeTheirs={takeSaved} onMerge={mergeByHand} />}

      <div>
        <label htmlFor="my-note-body" className="block text-sm font-medium">
          Notes for yourself <span className="font-normal text-zinc-600 dark:text-zinc-400">(Markdown)</span>
        </label>
        <textarea
          ref={textArea}
          id="my-note-body"
          rows={8}
          value={text}
          onChange={(event) => edit({ text: event.target.value })}
          onBlur={() => void save()}
          aria-describedby="my-note-help"
          aria-invalid={text.length > noteMaxLength || undefined}
          className="mt-2 block w-full rounded-lg border border-zinc-300 bg-white px-3 py-2.5 text-sm leading-relaxed dark:border-zinc-700 dark:bg-zinc-950"
        />
        <div id="my-note-help" className="mt-1 flex flex-wrap justify-between gap-2 text-xs text-zinc-600 dark:text-zinc-400">
          <span>Saved as you type. Markdown works: **bold**, - lists, [links](https://…).</span>
          {text.length >= countFrom && (
            <span className={text.length > noteMaxLength ? "font-semibold text-red-700 dark:text-red-300" : ""}>
              {text.length.toLocaleString("en-GB")} / {noteMaxLength.toLocaleString("en-GB")} characters
            </span>
          )}
        </div>
      </div>

      <VisibilityChoice name="my-note-visibility" idPrefix="my-note" value={visibility} onChange={(next) => edit({ visibility: next }, 0)} />

      <div className="flex flex-wrap items-center justify-between gap-3 text-sm">
        <span className="flex flex-wrap gap-x-4 gap-y-1">
          <Link href={href.sessionNote(conferenceSlug, sessionSlug)} prefetch={false} className="font-medium text-accent-600 hover:underline dark:text-accent-300">
            Preview and full editor
          </Link>
          <Link href={href.notes(conferenceSlug)} prefetch={false} className="font-medium text-accent-600 hover:underline dark:text-accent-300">
            All your notes
          </Link>
        </span>
        {saved && !provisional && (
          <button type="button" onClick={() => void remove()} className="rounded-md px-2 py-1 font-medium text-red-700 hover:underline dark:text-red-300">
            Delete note
          </button>
        )}
      </div>

      {copy !== null && (
        <div className="space-y-2 border-t border-zinc-200 pt-4 dark:border-zinc-800">
          <label htmlFor="my-note-copy" className="block text-sm font-medium">
            Your earlier text (not saved)
          </label>
          <textarea
            id="my-note-copy"
            readOnly
            rows={5}
            value={copy}
            className="block w-full rounded-lg border border-dashed border-zinc-300 bg-zinc-50 px-3 py-2.5 text-sm dark:border-zinc-700 dark:bg-zinc-950"
          />
          <button
            type="button"
            onClick={() => {
              writeText(setAside, null);
              setCopy(null);
            }}
            className="rounded-md px-2 py-1 text-sm font-medium text-zinc-700 hover:underline dark:text-zinc-300"
          >
            Discard this copy
          </button>
        </div>
      )}
    </section>
  );
}
