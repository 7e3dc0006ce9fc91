/**
 * Edits of a site's YAML data files made on the text itself, located with the `yaml` Document API's
 * source ranges: a value is changed by replacing that value's characters only, a list item is moved or
 * removed as its own lines, so comments, key order, quoting, flow lists and unknown keys stay as written.
 * The text is the state: an editor applies edits to it, and a file never edited is saved unchanged.
 */
import { isCollection, isMap, isScalar, isSeq, parseDocument, stringify, type Document, type Node, type Scalar, type YAMLMap, type YAMLSeq } from 'yaml';

export type YamlPath = readonly (string | number)[];
export type ScalarValue = string | number | boolean | null;

export class SiteYamlError extends Error {
  override name = 'SiteYamlError';
}

/** Parses a data file; a file that does not parse is refused (never rewritten). */
export function parseSiteYaml(text: string): Document {
  const doc = parseDocument(text, { logLevel: 'silent', prettyErrors: true });
  const error = doc.errors[0];
  if (error) throw new SiteYamlError(`The file does not parse as YAML: ${error.message.split('\n')[0]}`);
  return doc;
}

/** The file as plain data. */
export function siteYamlData(text: string): unknown {
  return parseSiteYaml(text).toJS({ maxAliasCount: 100 });
}

const eolOf = (text: string) => (text.includes('\r\n') ? '\r\n' : '\n');
const lineStart = (text: string, at: number) => text.lastIndexOf('\n', at - 1) + 1;
/** Index just after the line break of the line holding `at` (or the end of the text). */
const afterLine = (text: string, at: number) => {
  const i = text.indexOf('\n', at);
  return i === -1 ? text.length : i + 1;
};
const withEol = (block: string, eol: string) => (eol === '\n' ? block : block.replace(/\r?\n/g, '\r\n'));
const indentBlock = (block: string, indent: string) =>
  block
    .split('\n')
    .map((line, i, all) => (line === '' && i === all.length - 1 ? line : indent + line))
    .join('\n');

function nodeAt(doc: Document, path: YamlPath): unknown {
  return path.length === 0 ? doc.contents : doc.getIn(path, true);
}

function rangeOf(node: unknown): [number, number, number] {
  const range = (node as Node).range;
  if (!range) throw new SiteYamlError('The file has no source position for this value.');
  return range;
}

/** A scalar written in the style the old one was (plain, single or double quotes); one line always. */
export function formatScalar(value: ScalarValue, style: Scalar['type'], inFlow: boolean): string {
  if (typeof value !== 'string') return value === null ? '""' : String(value);
  const type = style === 'QUOTE_SINGLE' || style === 'QUOTE_DOUBLE' ? style : style === 'PLAIN' || style === undefined ? 'PLAIN' : 'QUOTE_DOUBLE';
  let out = stringify(value, { defaultStringType: type, lineWidth: 0, minContentWidth: 0 }).replace(/\n$/, '');
  if (out.includes('\n') || (inFlow && type === 'PLAIN' && /[,[\]{}#]/.test(out))) {
    out = stringify(value, { defaultStringType: 'QUOTE_DOUBLE', lineWidth: 0, minContentWidth: 0 }).replace(/\n$/, '');
  }
  return out;
}

function inFlowAt(doc: Document, path: YamlPath): boolean {
  for (let i = path.length - 1; i >= 0; i--) {
    const node = nodeAt(doc, path.slice(0, i));
    if (isCollection(node) && node.flow) return true;
  }
  return false;
}

/**
 * Sets the value at `path`. An existing scalar is replaced in place in its own quoting; a missing key
 * is added as a line at the end of the nearest existing mapping (in block style, indented as its keys).
 */
export function setValue(text: string, path: YamlPath, value: unknown): string {
  const doc = parseSiteYaml(text);
  const node = nodeAt(doc, path);
  if (isScalar(node) && (value === null || typeof value !== 'object')) {
    const [start, end] = rangeOf(node);
    if (node.value === value || (node.value === null && value === null)) return text;
    if (node.type === 'BLOCK_FOLDED' || node.type === 'BLOCK_LITERAL') return replaceBlockScalar(text, start, end, value as ScalarValue);
    const formatted = formatScalar(value as ScalarValue, node.type, inFlowAt(doc, path));
    // An empty value (`key:`) has no characters of its own: keep a space after the colon.
    const gap = start === end && text[start - 1] === ':' ? ' ' : '';
    return text.slice(0, start) + gap + formatted + text.slice(end);
  }
  if (node !== undefined && node !== null) return replaceValue(text, doc, path, value);
  // Missing: add it under the deepest mapping that exists.
  let depth = path.length - 1;
  while (depth > 0 && nodeAt(doc, path.slice(0, depth)) == null) depth--;
  // A number in the path is a list index: what is created under it is a list.
  const nested = path.slice(depth + 1).reduceRight<unknown>((inner, key) => (typeof key === 'number' ? Object.assign([], { [key]: inner }) : { [key]: inner }), value);
  return addKey(text, doc, path.slice(0, depth), path[depth]!, nested);
}

/**
 * A block scalar (`>-`, `|`) rewritten: as a block of the same kind, indented as before, when the new
 * text can be one; otherwise as a one-line quoted value. Either way the header's comment and the line
 * break after the block stay (the block's range takes in that line break).
 */
export function replaceBlockScalar(text: string, start: number, end: number, value: ScalarValue): string {
  const headerEnd = text.indexOf('\n', start);
  const header = /^([>|])[-+0-9]*(.*?)\r?$/.exec(text.slice(start, headerEnd < 0 || headerEnd > end ? end : headerEnd));
  const content = headerEnd < 0 || headerEnd > end ? '' : text.slice(headerEnd + 1, end);
  const tail = content.slice(content.trimEnd().length);
  const comment = header?.[2] ?? '';
  const indent = /^(?:[ \t]*\r?\n)*([ \t]+)/.exec(content)?.[1];
  const eol = eolOf(text);
  if (header && indent && typeof value === 'string') {
    const trailing = value.endsWith('\n');
    const body = trailing ? value.slice(0, -1) : value;
    // Only text a block of this kind reads back exactly: no edge spaces, no line break a fold would eat.
    const fits = body.trim() === body && body !== '' && !body.endsWith('\n') && !body.includes('\r') && (header[1] === '|' || !body.includes('\n'));
    if (fits) {
      const lines = body.split('\n').map((line) => (line === '' ? '' : indent + line));
      return `${text.slice(0, start)}${header[1]}${trailing ? '' : '-'}${comment}${eol}${lines.join(eol)}${tail}${text.slice(end)}`;
    }
  }
  return `${text.slice(0, start)}${formatScalar(value, 'QUOTE_DOUBLE', false)}${comment}${tail}${text.slice(end)}`;
}

/** Removes the key at `path` with its lines (a block mapping), or rewrites the flow mapping holding it. */
export function removeKey(text: string, path: YamlPath): string {
  const doc = parseSiteYaml(text);
  const parent = nodeAt(doc, path.slice(0, -1));
  if (!isMap(parent)) return text;
  const pair = parent.items.find((p) => isScalar(p.key) && p.key.value === path[path.length - 1]);
  if (!pair) return text;
  if (parent.flow) return rewriteNode(text, parent, (parent.toJSON() as Record<string, unknown>), path[path.length - 1]);
  const start = lineStart(text, rangeOf(pair.key)[0]);
  const valueEnd = pair.value ? rangeOf(pair.value)[1] : rangeOf(pair.key)[1];
  return text.slice(0, start) + text.slice(afterLine(text, Math.max(valueEnd - 1, start)));
}

function rewriteNode(text: string, node: YAMLMap | YAMLSeq, data: unknown, dropKey?: string | number): string {
  if (dropKey !== undefined && data && typeof data === 'object') delete (data as Record<string | number, unknown>)[dropKey];
  const [start, end] = rangeOf(node);
  const out = stringify(data, { flow: true, lineWidth: 0 }).replace(/\n$/, '');
  return text.slice(0, start) + out + text.slice(end);
}

function addKey(text: string, doc: Document, mapPath: YamlPath, key: string | number, value: unknown): string {
  const eol = eolOf(text);
  const parent = nodeAt(doc, mapPath);
  if (parent == null && mapPath.length === 0) {
    const sep = text === '' || text.endsWith('\n') ? '' : eol;
    return text + sep + withEol(stringify({ [key]: value }, { lineWidth: 0 }), eol);
  }
  if (!isMap(parent)) throw new SiteYamlError(`"${mapPath.join('.')}" is not a list of settings, so "${key}" cannot be added to it.`);
  if (parent.flow) {
    const data = parent.toJSON() as Record<string, unknown>;
    data[key] = value;
    return rewriteNode(text, parent, data);
  }
  const first = parent.items[0];
  if (!first) throw new SiteYamlError(`"${mapPath.join('.')}" is empty and cannot take "${key}".`);
  const keyStart = rangeOf(first.key)[0];
  const indent = text.slice(lineStart(text, keyStart), keyStart).replace(/[^ ]/g, ' ');
  const last = parent.items[parent.items.length - 1]!;
  const lastEnd = last.value ? rangeOf(last.value)[1] : rangeOf(last.key)[1];
  let at = afterLine(text, Math.max(lastEnd - 1, keyStart));
  const entry = withEol(indentBlock(stringify({ [key]: value }, { lineWidth: 0 }), indent), eol);
  const needsBreak = at === text.length && !text.endsWith('\n');
  if (needsBreak) at = text.length;
  return text.slice(0, at) + (needsBreak ? eol : '') + entry + text.slice(at);
}

/** Replaces a collection (or puts a collection where a scalar was), written in flow style on the key's line. */
function replaceValue(text: string, doc: Document, path: YamlPath, value: unknown): string {
  const node = nodeAt(doc, path);
  const [start, end] = rangeOf(node);
  const eol = eolOf(text);
  const out =
    value !== null && typeof value === 'object'
      ? stringify(value, { flow: true, lineWidth: 0 }).replace(/\n$/, '')
      : formatScalar(value as ScalarValue, 'PLAIN', false);
  if (isCollection(node) && !node.flow) {
    // A block collection starts on the line after its key (or is the whole file).
    const rest = text.slice(afterLine(text, Math.max(end - 1, start)));
    if (path.length === 0) return text.slice(0, lineStart(text, start)) + out + eol + rest;
    const keyEnd = text.lastIndexOf(':', start);
    return text.slice(0, keyEnd + 1) + ' ' + out + eol + rest;
  }
  return text.slice(0, start) + out + text.slice(end);
}

/** The list at `path` and each item's text: from its line (with `- `) to the next item's line. */
function listAt(text: string, path: YamlPath): { seq: YAMLSeq; chunks: [number, number][]; dashColumn: number } {
  const doc = parseSiteYaml(text);
  const seq = nodeAt(doc, path);
  if (!isSeq(seq)) throw new SiteYamlError(`"${path.join('.') || 'the file'}" is not a list.`);
  const starts = seq.items.map((item) => {
    let i = rangeOf(item)[0] - 1;
    while (i >= 0 && (text[i] === ' ' || text[i] === '\n' || text[i] === '\r' || text[i] === '\t')) i--;
    return lineStart(text, text[i] === '-' ? i : rangeOf(item)[0]);
  });
  const chunks = starts.map<[number, number]>((start, i) => {
    if (i + 1 < starts.length) return [start, starts[i + 1]!];
    const end = rangeOf(seq.items[i])[1];
    return [start, afterLine(text, Math.max(end - 1, start))];
  });
  const firstDash = starts.length ? text.indexOf('-', starts[0]) - starts[0]! : 0;
  return { seq, chunks, dashColumn: firstDash };
}

function rewriteList(text: string, path: YamlPath, order: (string | { value: unknown })[]): string {
  const { seq, chunks } = listAt(text, path);
  if (seq.flow) {
    const data = seq.toJSON() as unknown[];
    const next = order.map((o) => (typeof o === 'string' ? data[Number(o)] : o.value));
    return rewriteNode(text, seq, next);
  }
  if (!chunks.length) throw new SiteYamlError('An empty list cannot be rewritten item by item.');
  const eol = eolOf(text);
  const { dashColumn } = listAt(text, path);
  const pieces = chunks.map(([s, e]) => {
    const piece = text.slice(s, e);
    return piece.endsWith('\n') ? piece : piece + eol;
  });
  const indent = ' '.repeat(dashColumn);
  const body = order
    .map((o) => (typeof o === 'string' ? pieces[Number(o)]! : withEol(indentBlock(stringify([o.value], { lineWidth: 0 }), indent), eol)))
    .join('');
  const start = chunks[0]![0];
  const end = chunks[chunks.length - 1]![1];
  const lastHadBreak = text.slice(start, end).endsWith('\n');
  return text.slice(0, start) + (lastHadBreak ? body : body.slice(0, -eol.length)) + text.slice(end);
}

const indexes = (n: number) => Array.from({ length: n }, (_, i) => String(i));

/** Moves the list item at `from` to `to` (its lines move with their comments). */
export function moveListItem(text: string, path: YamlPath, from: number, to: number): string {
  const { seq } = listAt(text, path);
  const order = indexes(seq.items.length);
  if (from < 0 || from >= order.length || to < 0 || to >= order.length) throw new SiteYamlError('No such list item.');
  if (from === to) return text;
  const [moved] = order.splice(from, 1);
  order.splice(to, 0, moved!);
  return rewriteList(text, path, order);
}

/** Removes the list item at `index`; the last item of a list leaves `[]`. */
export function removeListItem(text: string, path: YamlPath, index: number): string {
  const { seq } = listAt(text, path);
  if (index < 0 || index >= seq.items.length) throw new SiteYamlError('No such list item.');
  if (seq.items.length === 1) return setValue(text, path, []);
  const order = indexes(seq.items.length).filter((i) => i !== String(index));
  return rewriteList(text, path, order);
}

/** Inserts `value` into the list at `path` (creating the list when missing or empty). */
export function insertListItem(text: string, path: YamlPath, index: number, value: unknown): string {
  const doc = parseSiteYaml(text);
  const node = nodeAt(doc, path);
  if (!isSeq(node) || node.items.length === 0) {
    return setValue(text, path, [value]);
  }
  const order: (string | { value: unknown })[] = indexes(node.items.length);
  order.splice(Math.max(0, Math.min(index, order.length)), 0, { value });
  return rewriteList(text, path, order);
}
