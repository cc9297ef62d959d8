/** Marks around matched words in highlights: control characters no user text can carry through. No imports: the browser renders them too. */
export const MARK_START = "\u0002";
export const MARK_END = "\u0003";
