/**
 * Bidirectional control characters (embeddings, overrides and isolates) make text show in another
 * order than it is stored in: a title or file name could read "report.pdf" while being something else.
 */
const BIDI_CONTROL = /[\u202a-\u202e\u2066-\u2069]/u;

/** The first bidirectional control character in `text` as "U+202E", or null when there is none. */
export function findBidiControl(text: string): string | null {
  const found = BIDI_CONTROL.exec(text);
  return found ? `U+${found[0].codePointAt(0)!.toString(16).toUpperCase()}` : null;
}

/** Why `text` is refused, for an editor: names the invisible character found. */
export function bidiControlMessage(code: string): string {
  return `It holds an invisible character (${code}) that changes the direction of the text, so it would read differently from what it is. Remove it.`;
}
