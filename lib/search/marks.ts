/**
 * Marks around matched words in highlights: control characters no user text can
 * carry through. Every search engine marks with these; components/ui/highlighted-text.tsx
 * turns them into <mark>.
 */
export const MARK_START = "\u0002";
export const MARK_END = "\u0003";
