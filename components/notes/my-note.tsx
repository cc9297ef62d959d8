"use client";

import Link from "next/link";
import { useCallback, useEffect, useRef, useState } from "react";
import { browserMayBeSignedIn, forgetSignedInHint } from "@/components/account/signed-in-hint";
import { noteConflictMessage, noteMaxLength, type NoteVisibility } from "@/lib/notes/limits";
import { copyKey, draftKey, readDraft, readText, writeDraft, writeText } from "./note-draft";
import { VisibilityChoice } from "./visibility-choice";
import { href } from "@/lib/routes";

type SavedNote = { body: string; visibility: NoteVisibility; version: number };
type Status = "idle" | "saved" | "saving" | "dirty" | "offline" | "signed-out" | "failed" | "conflict" | "deleted";

const autosaveDelayMs = 800;
const retryDelayMs = 15_000;
const countFrom = noteMaxLength * 0.9;
const statusText: Record<Status, string> = {
  idle: "",
  saved: "Saved",
  saving: "Saving…",
  dirty: "Unsaved changes",
  offline: "Offline – kept on this device",
  "signed-out": "Signed out – kept on this device",
  failed: "Not saved – kept on this device",
  conflict: "Not saved – see below",
  deleted: "Deleted",
};

/**
 * The viewer's own note on the session page. The page is cached and shared, so
 * the server renders only a link (which works without JavaScript); the editor
 * appears once the browser has asked the API who is signed in. Text lives in
 * localStorage until the server has it, and a version conflict never replaces
 * what the person typed.
 */
export function MyNote({ conferenceSlug, sessionSlug }: { conferenceSlug: string; sessionSlug: string }) {
  const sessionPath = href.session(conferenceSlug, sessionSlug);
  const apiUrl = href.api.note(conferenceSlug, sessionSlug);
  const draft = draftKey(conferenceSlug, sessionSlug);
  const setAside = copyKey(conferenceSlug, sessionSlug);

  const [mode, setMode] = useState<"link" | "offline" | "signed-out" | "editor">("link");
  const [text, setText] = useState("");
  const [visibility, setVisibility] = useState<NoteVisibility>("private");
  const [saved, setSaved] = useState<SavedNote | null>(null);
  const [status, setStatus] = useState<{ kind: Status; detail?: string; retry?: boolean }>({ kind: "idle" });
  const [conflict, setConflict] = useState<{ current: SavedNote | null } | null>(null);
  const [copy, setCopy] = useState<string | null>(null);

  // What saves read and write between renders: typing must never wait for React to catch up.
  const live = useRef({ text: "", visibility: "private" as NoteVisibility, saved: null as SavedNote | null, conflict: false, inFlight: false, again: false });
  const timer = useRef<number | undefined>(undefined);

  const accept = useCallback((note: SavedNote | null) => {
    live.current.saved = note;
    setSaved(note);
  }, []);

  const show = useCallback((body: string, vis: NoteVisibility) => {
    Object.assign(live.current, { text: body, visibility: vis });
    setText(body);
    setVisibility(vis);
  }, []);

  const enterConflict = useCallback((current: SavedNote | null) => {
    live.current.conflict = true;
    setConflict({ current });
    setStatus({ kind: "conflict" });
  }, []);

  /** Puts the text to the server until what it holds is what is on screen, one request at a time. */
  const save = useCallback(async () => {
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
        if (base ? sent.body === base.body && sent.visibility === base.visibility : sent.body === "" && sent.visibility === "private") {
          writeText(draft, null);
          setStatus({ kind: base ? "saved" : "idle" });
          return;
        }
        if (sent.body.length > noteMaxLength) {
          setStatus({ kind: "failed", detail: "Notes can be at most 50,000 characters." });
          return;
        }
        setStatus({ kind: "saving" });
        let response: Response;
        try {
          response = await fetch(apiUrl, {
            method: "PUT",
            credentials: "same-origin",
            headers: { "Content-Type": "application/json", "If-Match": `"${base?.version ?? 0}"` },
            body: JSON.stringify(sent),
          });
        } catch {
          setStatus({ kind: "offline", retry: true });
          return;
        }
        const payload = (await response.json().catch(() => null)) as (SavedNote & { error?: string; current?: SavedNote | null }) | null;
        if (response.ok && payload) {
          accept({ body: payload.body, visibility: payload.visibility, version: payload.version });
          // Typing during the request leaves more to save: go round again.
          s.again = s.text !== sent.body || s.visibility !== sent.visibility;
          if (!s.again) {
            writeText(draft, null);
            setStatus({ kind: "saved" });
          }
        } else if (response.status === 412) {
          enterConflict(payload?.current ?? null);
        } else if (response.status === 401) {
          setStatus({ kind: "signed-out" });
        } else {
          setStatus({ kind: "failed", detail: payload?.error ? `${payload.error}.` : undefined, retry: response.status >= 500 });
        }
      } while (s.again);
    } finally {
      s.inFlight = false;
    }
  }, [accept, apiUrl, draft, enterConflict]);

  // After a network failure or a server error, try again now and then; typing or reconnecting tries sooner.
  useEffect(() => {
    if (!status.retry) return;
    const id = window.setTimeout(() => void save(), retryDelayMs);
    return () => window.clearTimeout(id);
  }, [status, save]);

  /** Keeps the change on this device at once, then saves after a pause in typing (or now). */
  const edit = useCallback(
    (change: { text?: string; visibility?: NoteVisibility }, delay = autosaveDelayMs) => {
      const s = live.current;
      show(change.text ?? s.text, change.visibility ?? s.visibility);
      writeDraft(draft, { body: s.text, visibility: s.visibility, baseVersion: s.saved?.version ?? 0 });
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
    async function load() {
      // Never signed in here (or signed out since): the sign-in link, without asking.
      if (!browserMayBeSignedIn()) return setMode("signed-out");
      let response: Response;
      try {
        response = await fetch(apiUrl, { credentials: "same-origin", cache: "no-store" });
      } catch {
        if (cancelled) return;
        if (readDraft(draft)) setMode("offline");
        window.addEventListener("online", retryLoad, { once: true });
        return;
      }
      if (cancelled) return;
      if (response.status === 401) {
        forgetSignedInHint();
        return setMode("signed-out");
      }
      if (!response.ok && response.status !== 404) return;
      const server = response.ok ? ((await response.json()) as SavedNote) : null;
      if (cancelled) return;
      const current = server && { body: server.body, visibility: server.visibility, version: server.version };
      accept(current);
      const kept = readDraft(draft);
      const unsynced = kept && !(kept.body === (current?.body ?? "") && kept.visibility === (current?.visibility ?? "private"));
      if (kept && unsynced) {
        show(kept.body, kept.visibility);
        // A draft written over the version still stored is simply newer; over an older one, both versions matter.
        if (kept.baseVersion === (current?.version ?? 0)) {
          setStatus({ kind: "dirty" });
          timer.current = window.setTimeout(() => void save(), 0);
        } else {
          enterConflict(current);
        }
      } else {
        if (kept) writeText(draft, null);
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
  }, [accept, apiUrl, draft, enterConflict, save, setAside, show]);

  useEffect(() => {
    if (mode !== "editor") return;
    const flush = () => {
      if (document.visibilityState === "hidden" || navigator.onLine) void save();
    };
    window.addEventListener("online", flush);
    document.addEventListener("visibilitychange", flush);
    return () => {
      window.removeEventListener("online", flush);
      document.removeEventListener("visibilitychange", flush);
      window.clearTimeout(timer.current);
    };
  }, [mode, save]);

  function keepMine() {
    const current = conflict?.current ?? null;
    accept(current);
    live.current.conflict = false;
    setConflict(null);
    edit({}, 0);
  }

  function takeSaved() {
    const current = conflict?.current ?? null;
    writeText(setAside, live.current.text);
    setCopy(live.current.text);
    accept(current);
    live.current.conflict = false;
    setConflict(null);
    show(current?.body ?? "", current?.visibility ?? "private");
    writeText(draft, null);
    setStatus({ kind: current ? "saved" : "idle" });
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
        enterConflict(((await response.json().catch(() => null)) as { current?: SavedNote | null } | null)?.current ?? null);
      } else {
        setStatus({ kind: response.status === 401 ? "signed-out" : "failed", detail: "The note was not deleted." });
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
        {mode === "offline" && <p className="mt-1 text-zinc-600 dark:text-zinc-400">Offline – your unsaved note is kept on this device.</p>}
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
              {" "}
              <a href={signInAgain} className="font-medium text-accent-600 underline dark:text-accent-300">Sign in</a>
            </>
          )}
        </p>
      </div>

      {conflict && (
        <div role="alert" className="rounded-xl border border-amber-300 bg-amber-50 px-4 py-3 text-sm text-amber-950 dark:border-amber-700 dark:bg-amber-950/40 dark:text-amber-100">
          <p className="font-semibold">{noteConflictMessage}.</p>
          <p className="mt-1">
            {conflict.current ? "Your text below is not saved yet." : "It was deleted there; your text below is not saved."} Choose which to keep:
          </p>
          <div className="mt-3 flex flex-wrap gap-2">
            <button type="button" onClick={keepMine} className="rounded-lg bg-accent-600 px-3 py-2 font-semibold text-white hover:bg-accent-700">
              Keep mine (overwrite)
            </button>
            <button type="button" onClick={takeSaved} className="rounded-lg border border-amber-400 px-3 py-2 font-semibold hover:bg-amber-100 dark:border-amber-600 dark:hover:bg-amber-900/40">
              {conflict.current ? "Use the saved version" : "Let it stay deleted"}
            </button>
          </div>
          <p className="mt-2 text-xs">Either way, nothing you typed is lost: your text stays here as a copy.</p>
        </div>
      )}

      <div>
        <label htmlFor="my-note-body" className="block text-sm font-medium">
          Notes for yourself <span className="font-normal text-zinc-600 dark:text-zinc-400">(Markdown)</span>
        </label>
        <textarea
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
        {saved && (
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
