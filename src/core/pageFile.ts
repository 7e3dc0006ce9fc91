import { Document, isMap, isScalar, parseDocument, type Pair } from 'yaml';

/** Where the YAML parser stopped, for an editor-facing message. Line and column are 1-based. */
export interface FrontMatterError {
  message: string;
  line: number;
  column: number;
}

export type LineEnding = '\n' | '\r\n';

/**
 * A page file split into the parts an editor changes independently. Every part is kept as the exact
 * text of the file, so that `writePageFile(readPageFile(x)) === x` for any input.
 */
export interface PageFile {
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
  /** The parsed front matter; null when absent or when it does not parse. */
  frontMatter: Document | null;
  frontMatterError: FrontMatterError | null;
  /** Things that parse here but that stricter YAML readers reject, such as a TAB after a value. */
  frontMatterWarnings: FrontMatterError[];
  /** Everything after the closing fence, exactly as written. */
  body: string;
}

// A byte order mark may precede the fence; it stays part of the fence text.
const OPENING_FENCE = /^\uFEFF?---[ \t]*(\r?\n)/;
// The closing fence as Jekyll finds it: a line of `---` (or `...`) after the opening one.
const CLOSING_FENCE = /^(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/m;

export function detectLineEnding(text: string): LineEnding {
  const lf = text.indexOf('\n');
  return lf > 0 && text[lf - 1] === '\r' ? '\r\n' : '\n';
}

export function readPageFile(text: string): PageFile {
  const eol = detectLineEnding(text);
  const opening = OPENING_FENCE.exec(text);
  if (!opening) return pageWithoutFrontMatter(text, eol);

  const afterOpening = text.slice(opening[0].length);
  const closing = CLOSING_FENCE.exec(afterOpening);
  if (!closing) return pageWithoutFrontMatter(text, eol);

  const frontMatterText = afterOpening.slice(0, closing.index);
  const page: PageFile = {
    eol,
    hasFrontMatter: true,
    openingFence: opening[0],
    frontMatterText,
    closingFence: closing[0],
    frontMatter: null,
    frontMatterError: null,
    frontMatterWarnings: [],
    body: afterOpening.slice(closing.index + closing[0].length),
  };
  return { ...page, ...parseFrontMatter(frontMatterText) };
}

export function writePageFile(page: PageFile): string {
  if (!page.hasFrontMatter) return page.body;
  return page.openingFence + page.frontMatterText + page.closingFence + page.body;
}

function pageWithoutFrontMatter(text: string, eol: LineEnding): PageFile {
  return {
    eol,
    hasFrontMatter: false,
    openingFence: '',
    frontMatterText: '',
    closingFence: '',
    frontMatter: null,
    frontMatterError: null,
    frontMatterWarnings: [],
    body: text,
  };
}

function parseFrontMatter(
  text: string,
): Pick<PageFile, 'frontMatter' | 'frontMatterError' | 'frontMatterWarnings'> {
  const frontMatterWarnings = findTabsAfterValues(text);
  const doc = parseDocument(text, { keepSourceTokens: true, prettyErrors: true, uniqueKeys: false });
  const error = doc.errors[0];
  if (error) {
    const pos = error.linePos?.[0];
    return {
      frontMatter: null,
      frontMatterWarnings,
      frontMatterError: {
        // The parser's own position refers to front matter lines; ours are file lines.
        message: (error.message.split('\n')[0] ?? error.message).replace(/ at line \d+, column \d+:?$/, '.'),
        // The fence line comes first in the file, so file lines are one more than front matter lines.
        line: (pos?.line ?? 1) + 1,
        column: pos?.col ?? 1,
      },
    };
  }
  if (doc.contents !== null && !isMap(doc.contents)) {
    return {
      frontMatter: null,
      frontMatterWarnings,
      frontMatterError: { message: 'The page settings must be a list of "key: value" lines.', line: 2, column: 1 },
    };
  }
  return { frontMatter: doc, frontMatterError: null, frontMatterWarnings };
}

// Jekyll (and this parser) accept a TAB after a value; PyYAML and some other tools do not.
function findTabsAfterValues(text: string): FrontMatterError[] {
  return text.split('\n').flatMap((line, index) => {
    const match = /\S([ \t]*\t[ \t]*)\r?$/.exec(line);
    if (!match) return [];
    return [
      {
        message: 'A TAB character follows the value on this line. Jekyll accepts it, but some tools reject it.',
        line: index + 2,
        column: match.index + 2,
      },
    ];
  });
}

/** The front matter as plain data (dates as Date objects); empty when absent or broken. */
export function frontMatterData(page: PageFile): Record<string, unknown> {
  const data: unknown = page.frontMatter?.toJS();
  return data && typeof data === 'object' ? (data as Record<string, unknown>) : {};
}

export function pageVariant(page: PageFile): 'tiptap' | 'markdown' {
  return frontMatterData(page)['variant'] === 'tiptap' ? 'tiptap' : 'markdown';
}

export function withBody(page: PageFile, body: string): PageFile {
  return { ...page, body };
}

/** Replaces the whole front matter text, as the "Advanced: YAML" view does. */
export function withFrontMatterText(page: PageFile, frontMatterText: string): PageFile {
  const fenced = page.hasFrontMatter
    ? page
    : { ...page, hasFrontMatter: true, openingFence: `---${page.eol}`, closingFence: `---${page.eol}` };
  return { ...fenced, frontMatterText, ...parseFrontMatter(frontMatterText) };
}

/**
 * Sets one key by rewriting only the text of that key's entry, so that the order, quoting, comments
 * and folding of every other key stay exactly as written. An absent key is appended last.
 * `undefined` removes the key.
 */
export function setFrontMatterValue(page: PageFile, key: string, value: unknown): PageFile {
  if (page.frontMatterError) throw new Error('The page settings cannot be changed while they do not parse.');
  const text = page.frontMatterText;
  const pair = findPair(page.frontMatter, key);
  const entry = value === undefined ? '' : serializeEntry(key, value, page.eol);

  if (pair) {
    const [start, end] = pairRange(text, pair);
    return withFrontMatterText(page, text.slice(0, start) + entry + text.slice(end));
  }
  if (value === undefined) return page;
  const separator = text === '' || text.endsWith('\n') ? '' : page.eol;
  return withFrontMatterText(page, text + separator + entry);
}

function findPair(doc: Document | null, key: string): Pair | undefined {
  if (!doc || !isMap(doc.contents)) return undefined;
  return doc.contents.items.find((item) => isScalar(item.key) && item.key.value === key) as Pair | undefined;
}

/** From the start of the key to the end of the entry's last line, including that line's ending. */
function pairRange(text: string, pair: Pair): [number, number] {
  const keyNode = pair.key as { range?: [number, number, number] };
  const valueNode = pair.value as { range?: [number, number, number] } | null;
  const start = keyNode.range?.[0] ?? 0;
  let end = valueNode?.range?.[1] ?? keyNode.range?.[1] ?? start;
  // A block value's range can stop before its line ending; an entry always owns its last line break.
  const lineEnd = text.indexOf('\n', end);
  end = lineEnd === -1 ? text.length : lineEnd + 1;
  // Keep a trailing comment that sits on its own after the value? It belongs to the next key: the
  // range above stops at the value's own line, so following comment lines are untouched.
  return [start, end];
}

function serializeEntry(key: string, value: unknown, eol: LineEnding): string {
  const doc = new Document({ [key]: value });
  const text = doc.toString({ lineWidth: 0 });
  return eol === '\r\n' ? text.replace(/\r?\n/g, '\r\n') : text;
}
