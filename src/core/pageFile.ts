import { Document, isMap, isScalar, parseDocument, type Pair } from 'yaml';
import { splitPageFile, type FrontMatterError, type LineEnding, type PageFile, type PageFileText } from './pageFileText.ts';

// Splitting a file needs no YAML (`pageFileText.ts`); reading and changing its front matter does.
export {
  detectLineEnding,
  splitPageFile,
  withBody,
  writePageFile,
  type FrontMatterError,
  type LineEnding,
  type PageFile,
  type PageFileText,
} from './pageFileText.ts';

export function readPageFile(text: string): PageFile {
  return parsePageFile(splitPageFile(text));
}

/** Adds the parsed front matter to a split file. */
export function parsePageFile(parts: PageFileText): PageFile {
  const parsed = parts.hasFrontMatter
    ? parseFrontMatter(parts.frontMatterText)
    : { frontMatter: null, frontMatterError: null, frontMatterWarnings: [] };
  return { ...parts, ...parsed };
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

/** Replaces the whole front matter text, as the "Advanced: YAML" view does. */
export function withFrontMatterText(page: PageFile, frontMatterText: string): PageFile {
  const fenced = page.hasFrontMatter
    ? page
    : { ...page, hasFrontMatter: true, openingFence: `---${page.eol}`, closingFence: `---${page.eol}` };
  return { ...fenced, frontMatterText, ...parseFrontMatter(frontMatterText) };
}

/**
 * Sets one key by rewriting only the text of that key's entry, so that the order, quoting, comments
 * and folding of every other key stay exactly as written. An absent key goes where a person would
 * write it (`newKeyOffset`). `undefined` removes the key.
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
  const at = key === 'variant' ? text.length : newKeyOffset(page.frontMatter, text);
  const separator = at === 0 || text[at - 1] === '\n' ? '' : page.eol;
  return withFrontMatterText(page, text.slice(0, at) + separator + entry + text.slice(at));
}

/**
 * Where a new key is written: after `title`/`permalink` and before `variant` (the order the Isomer
 * CMS writes), so a description added later reads as if it had always been there. Last otherwise.
 */
function newKeyOffset(doc: Document | null, text: string): number {
  const heading = ['title', 'permalink'].map((k) => findPair(doc, k)).filter((p): p is Pair => p !== undefined);
  const lastHeading = heading.map((p) => pairRange(text, p)).sort((a, b) => b[1] - a[1])[0];
  const variant = findPair(doc, 'variant');
  if (variant) {
    const [variantStart] = pairRange(text, variant);
    if (!lastHeading || lastHeading[1] <= variantStart) return variantStart;
  }
  return lastHeading ? lastHeading[1] : text.length;
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
