import type { Document } from 'yaml';

// The parts of a page file that need no YAML: fences, front matter text and body. The browser opens a
// tiptap page with these alone and loads the YAML parser (`pageFile.ts`) only afterwards.

/** Where the YAML parser stopped, for an editor-facing message. Line and column are 1-based. */
export interface FrontMatterError {
  message: string;
  line: number;
  column: number;
}

export type LineEnding = '\n' | '\r\n';

/** A page file split into its texts, before its front matter is parsed. */
export interface PageFileText {
  /** The line ending the file uses (the first one found; LF when the file has none). */
  eol: LineEnding;
  /** True when the file opens with a `---` line followed by a closing `---` line. */
  hasFrontMatter: boolean;
  /** The opening fence line with its line ending, e.g. `---\n`. Empty without front matter. */
  openingFence: string;
  /** The text between the fences, exactly as written. */
  frontMatterText: string;
  /** The closing fence line with its line ending when it has one, e.g. `---\n` or `---`. */
  closingFence: string;
  /** Everything after the closing fence, exactly as written. */
  body: string;
}

/**
 * A page file split into the parts an editor changes independently. Every part is kept as the exact
 * text of the file, so that `writePageFile(readPageFile(x)) === x` for any input.
 */
export interface PageFile extends PageFileText {
  /** The parsed front matter; null when absent or when it does not parse. */
  frontMatter: Document | null;
  frontMatterError: FrontMatterError | null;
  /** Things that parse here but that stricter YAML readers reject, such as a TAB after a value. */
  frontMatterWarnings: FrontMatterError[];
}

// A byte order mark may precede the fence; it stays part of the fence text.
const OPENING_FENCE = /^\uFEFF?---[ \t]*(\r?\n)/;
// The closing fence as Jekyll finds it: a line of `---` (or `...`) after the opening one.
const CLOSING_FENCE = /^(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/m;

export function detectLineEnding(text: string): LineEnding {
  const lf = text.indexOf('\n');
  return lf > 0 && text[lf - 1] === '\r' ? '\r\n' : '\n';
}

/** Splits a file into fences, front matter text and body, all byte-exact. */
export function splitPageFile(text: string): PageFileText {
  const eol = detectLineEnding(text);
  const opening = OPENING_FENCE.exec(text);
  const closing = opening ? CLOSING_FENCE.exec(text.slice(opening[0].length)) : null;
  if (!opening || !closing) {
    return { eol, hasFrontMatter: false, openingFence: '', frontMatterText: '', closingFence: '', body: text };
  }
  const afterOpening = text.slice(opening[0].length);
  return {
    eol,
    hasFrontMatter: true,
    openingFence: opening[0],
    frontMatterText: afterOpening.slice(0, closing.index),
    closingFence: closing[0],
    body: afterOpening.slice(closing.index + closing[0].length),
  };
}

export function writePageFile(page: PageFileText): string {
  if (!page.hasFrontMatter) return page.body;
  return page.openingFence + page.frontMatterText + page.closingFence + page.body;
}

export function withBody<T extends PageFileText>(page: T, body: string): T {
  return { ...page, body };
}

// `variant: tiptap` as a whole top-level line, the value plain or quoted, maybe with a comment.
const PLAIN_TIPTAP_LINE = /^variant:[ \t]*(?:tiptap|"tiptap"|'tiptap')(?:[ \t]+#.*)?[ \t]*\r?$/m;

/**
 * True only when the front matter certainly makes a tiptap page, judged from its text alone: one
 * top-level line `variant: tiptap` and no other mention of `variant` (which could be a second key).
 * False means "unknown": the YAML parse decides. A top-level line cannot be inside another value
 * (block scalars are indented; quoted and flow values continued at column 0 fail to parse), so
 * whenever the front matter parses, its variant is tiptap too. Front matter that does not parse
 * opens as tiptap and shows its error in the settings.
 */
export function isCertainlyTiptap(frontMatterText: string): boolean {
  return PLAIN_TIPTAP_LINE.test(frontMatterText) && frontMatterText.split('variant').length === 2;
}
