import { draftKeyPrefix } from "@/components/notes/note-draft";

/**
 * Whether this page holds text that is not saved yet: a note draft the server has
 * not acknowledged (components/notes/note-draft.ts keeps one until it has), or a
 * field changed from what the page loaded with. A new service worker waits while
 * any page says so, rather than take over under it.
 */
export function pageHasUnsavedText(): boolean {
  try {
    if (Object.keys(localStorage).some((key) => key.startsWith(draftKeyPrefix))) return true;
  } catch {
    // Storage unavailable: only the fields below can tell.
  }
  for (const field of document.querySelectorAll<HTMLTextAreaElement | HTMLInputElement>("textarea, input:not([type]), input[type=text], input[type=search]")) {
    if (field.value !== field.defaultValue && field.value.trim() !== "") return true;
  }
  return false;
}
