import { isMap, isScalar, isSeq, parseDocument, stringify, type Document, type Node as YamlNode, type Scalar } from 'yaml';
import { replaceBlockScalar, type ScalarValue } from './yamlTextEdit.ts';

/**
 * The homepage (`layout: homepage`): its sections as the theme reads them, the limits the spec gives,
 * and edits of its front matter that rewrite only the text of what changed (the YAML parser's source
 * ranges say where each value is written), so comments, quoting and folding elsewhere stay as written.
 */

export type YamlPath = readonly (string | number)[];

/** One finding about one field; `path` leads from the front matter to the field. */
export interface FieldIssue {
  path: YamlPath;
  severity: 'error' | 'warning';
  message: string;
}

// ---------------------------------------------------------------------------------------------------
// Edits of front matter text

/** Parses front matter text with the source ranges the edits below rely on. */
export function parseFrontMatterText(text: string): Document {
  return parseDocument(text, { keepSourceTokens: true, uniqueKeys: false });
}

function nodeAt(doc: Document, path: YamlPath): unknown {
  return path.length === 0 ? doc.contents : doc.getIn(path, true);
}

function lineStart(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

function lineEndAfter(text: string, offset: number): number {
  if (offset > 0 && text[offset - 1] === '\n') return offset;
  const end = text.indexOf('\n', offset);
  return end === -1 ? text.length : end + 1;
}

function eolOf(text: string): string {
  return text.includes('\r\n') ? '\r\n' : '\n';
}

/** `value` as YAML lines (no trailing line break), each indented by `indent` spaces. */
function indentedYaml(value: unknown, indent: number, eol: string): string {
  const lines = stringify(value, { lineWidth: 0 }).replace(/\n$/, '').split('\n');
  return lines.map((line) => ' '.repeat(indent) + line).join(eol);
}

/** A string written as one YAML scalar on one line, in the style the old one used where it can. */
function scalarText(value: unknown, old: Scalar | null): string {
  if (typeof value === 'string' && /[\r\n]/.test(value)) return JSON.stringify(value);
  // An empty string has to be quoted, so its quotes say nothing about how its author writes values.
  const quoted = old && old.value !== '' && (old.type === 'QUOTE_DOUBLE' || old.type === 'QUOTE_SINGLE');
  const type = quoted ? old.type : undefined;
  const text = stringify(value, { lineWidth: 0, defaultStringType: type ?? 'PLAIN' }).replace(/\n$/, '');
  return text.includes('\n') ? JSON.stringify(value) : text;
}

/** The text of a block collection: true when every item starts on a line of its own, as block YAML does. */
function isBlockCollection(node: unknown): boolean {
  return (isMap(node) || isSeq(node)) && !node.flow;
}

/**
 * Sets the value at `path`. A scalar that is there is rewritten in place; an absent key is added as the
 * last key of its map, at that map's indentation; `undefined` removes the key. Returns null when the
 * text cannot be edited in place (a flow collection, say), so the caller can say so.
 */
export function setIn(text: string, path: YamlPath, value: unknown): string | null {
  const doc = parseFrontMatterText(text);
  const key = path[path.length - 1];
  const parent = nodeAt(doc, path.slice(0, -1));
  if (isSeq(parent) && typeof key === 'number') {
    const item = parent.items[key];
    if (!isScalar(item) || !item.range || (value !== null && typeof value === 'object') || value === undefined) return null;
    return text.slice(0, item.range[0]) + scalarText(value, item) + text.slice(item.range[1]);
  }
  if (!isMap(parent) || typeof key !== 'string') return null;
  const pairIndex = parent.items.findIndex((p) => isScalar(p.key) && p.key.value === key);
  const pair = parent.items[pairIndex];
  const eol = eolOf(text);
  if (!pair) {
    if (value === undefined) return text;
    if (!isBlockCollection(parent) || parent.items.length === 0) return null;
    const firstKey = parent.items[0]!.key as YamlNode;
    const indent = firstKey.range![0] - lineStart(text, firstKey.range![0]);
    const last = parent.items[parent.items.length - 1]!;
    const lastEnd = lineEndAfter(text, ((last.value ?? last.key) as YamlNode).range![1]);
    const separator = lastEnd > 0 && text[lastEnd - 1] !== '\n' ? eol : '';
    return text.slice(0, lastEnd) + separator + indentedYaml({ [key]: value }, indent, eol) + eol + text.slice(lastEnd);
  }
  const keyNode = pair.key as YamlNode;
  if (value === undefined) {
    const start = keyNode.range![0];
    const end = lineEndAfter(text, ((pair.value ?? pair.key) as YamlNode).range![1]);
    const prefix = text.slice(lineStart(text, start), start);
    if (/^[ \t]*$/.test(prefix)) return text.slice(0, lineStart(text, start)) + text.slice(end);
    // The first key of a list item (`- title: …`): the next key takes its place after the dash.
    const next = parent.items[pairIndex + 1];
    if (!next || !isBlockCollection(parent)) return null;
    return text.slice(0, start) + text.slice((next.key as YamlNode).range![0]);
  }
  const old = pair.value;
  if ((old === null || isScalar(old)) && (value === null || typeof value !== 'object')) {
    if (old === null || !old.range) {
      const end = keyNode.range![1];
      const colon = text.indexOf(':', end);
      return text.slice(0, colon + 1) + ' ' + scalarText(value, null) + text.slice(colon + 1);
    }
    if (old.type === 'BLOCK_FOLDED' || old.type === 'BLOCK_LITERAL') return replaceBlockScalar(text, old.range[0], old.range[1], value as ScalarValue);
    return text.slice(0, old.range[0]) + scalarText(value, old) + text.slice(old.range[1]);
  }
  return null;
}

/** Where each item of a block list is written: from its line's start to the next item's line. */
function itemBlocks(text: string, seq: YamlNode): [number, number][] | null {
  if (!isSeq(seq) || seq.flow) return null;
  const blocks: [number, number][] = [];
  for (const [i, item] of seq.items.entries()) {
    const node = item as YamlNode | null;
    if (!node?.range) return null;
    const start = lineStart(text, node.range[0]);
    if (!/^[ \t]*-[ \t]+$/.test(text.slice(start, node.range[0]))) return null;
    blocks.push([start, 0]);
    if (i > 0) blocks[i - 1]![1] = start;
  }
  const last = seq.items[seq.items.length - 1] as YamlNode | undefined;
  if (last?.range) blocks[blocks.length - 1]![1] = lineEndAfter(text, last.range[1]);
  return blocks;
}

function withEol(block: string, eol: string): string {
  return block.endsWith('\n') ? block : block + eol;
}

/** Moves list item `from` to position `to` by moving its text. Null when the list is not block YAML. */
export function moveItem(text: string, path: YamlPath, from: number, to: number): string | null {
  const blocks = itemBlocks(text, nodeAt(parseFrontMatterText(text), path) as YamlNode);
  if (!blocks || !blocks[from] || !blocks[to]) return null;
  if (from === to) return text;
  const eol = eolOf(text);
  const pieces = blocks.map(([s, e]) => withEol(text.slice(s, e), eol));
  const [moved] = pieces.splice(from, 1);
  pieces.splice(to, 0, moved!);
  const [start] = blocks[0]!;
  const end = blocks[blocks.length - 1]![1];
  const joined = pieces.join('');
  // The last item had no line break of its own at the end of the text: neither does the new last one.
  const tail = text.slice(start, end).endsWith('\n') ? joined : joined.replace(/\r?\n$/, '');
  return text.slice(0, start) + tail + text.slice(end);
}

/** Removes list item `index` with its lines. Null when the list is not block YAML or would be left empty. */
export function removeItem(text: string, path: YamlPath, index: number): string | null {
  const blocks = itemBlocks(text, nodeAt(parseFrontMatterText(text), path) as YamlNode);
  if (!blocks || !blocks[index] || blocks.length < 2) return null;
  const [start, end] = blocks[index]!;
  return text.slice(0, start) + text.slice(end);
}

/**
 * Adds `value` as list item `index` (the end when it equals the length), written as block YAML at the
 * list's indentation. An absent list is added as a key of its map. Null when that cannot be done in place.
 */
export function insertItem(text: string, path: YamlPath, index: number, value: unknown): string | null {
  const doc = parseFrontMatterText(text);
  const seq = nodeAt(doc, path);
  if (isSeq(seq) && seq.items.length === 0 && seq.flow && seq.range) {
    // `key: []` becomes a block list in the same place, its items indented under the key.
    const keyColumn = seq.range[0] - lineStart(text, seq.range[0]) - text.slice(lineStart(text, seq.range[0]), seq.range[0]).trimStart().length;
    const colon = text.lastIndexOf(':', seq.range[0]);
    return text.slice(0, colon + 1) + eolOf(text) + indentedYaml([value], keyColumn + 2, eolOf(text)) + text.slice(seq.range[1]);
  }
  if (seq === undefined || seq === null) return setIn(text, path, [value]);
  const blocks = itemBlocks(text, seq as YamlNode);
  if (!blocks || blocks.length === 0) return null;
  const eol = eolOf(text);
  const firstStart = (seq as { items: YamlNode[] }).items[0]!.range![0];
  const dash = text.slice(lineStart(text, firstStart), firstStart).indexOf('-');
  const written = indentedYaml([value], dash, eol) + eol;
  if (index >= blocks.length) {
    const end = blocks[blocks.length - 1]![1];
    const separator = text[end - 1] === '\n' ? '' : eol;
    return text.slice(0, end) + separator + written + text.slice(end);
  }
  const at = blocks[index]![0];
  return text.slice(0, at) + written + text.slice(at);
}

/** The YAML text of the node at `path`, as written (for showing what the editor keeps but does not edit). */
export function sourceText(text: string, path: YamlPath): string {
  const node = nodeAt(parseFrontMatterText(text), path) as YamlNode | undefined;
  if (!node?.range) return '';
  return text.slice(lineStart(text, node.range[0]), node.range[1]).replace(/\s+$/, '');
}

// ---------------------------------------------------------------------------------------------------
// The homepage's sections

export const SECTION_TYPES = ['hero', 'infobar', 'infopic', 'textcards', 'infocols', 'announcements', 'resources'] as const;
export type SectionType = (typeof SECTION_TYPES)[number];

/** One entry of `sections:`: a one-key map whose key names its type. */
export interface SectionView {
  index: number;
  /** The section's key, known or not; null when the entry is not a one-key map. */
  type: string | null;
  known: boolean;
  fields: Record<string, unknown>;
}

export interface HomepageView {
  notification: unknown;
  sections: SectionView[];
}

function record(value: unknown): Record<string, unknown> {
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

export function readHomepage(data: Record<string, unknown>): HomepageView {
  const sections = Array.isArray(data['sections']) ? (data['sections'] as unknown[]) : [];
  return {
    notification: data['notification'],
    sections: sections.map((entry, index) => {
      const keys = Object.keys(record(entry));
      const type = keys.length === 1 ? keys[0]! : null;
      const value = type === null ? undefined : record(entry)[type];
      const known = type !== null && (SECTION_TYPES as readonly string[]).includes(type) && record(value) === value;
      return { index, type, known, fields: type ? record(record(entry)[type]) : {} };
    }),
  };
}

/** How many characters a field may hold, and whether it must be filled in (the official CMS's rules). */
export interface FieldRule {
  max?: number;
  required?: boolean;
}

/** Per section type, its fields' rules; `items` are the rules of each entry of its list. */
export const SECTION_RULES: Record<SectionType, { fields: Record<string, FieldRule>; list?: { key: string; max: number; min?: number; fields: Record<string, FieldRule> } }> = {
  hero: {
    fields: { title: { max: 60 }, subtitle: { max: 160 }, button: { max: 30 } },
    list: { key: 'key_highlights', max: 4, fields: { title: { max: 60 }, description: { max: 30 } } },
  },
  infobar: { fields: { subtitle: { max: 30 }, title: { max: 60 }, description: { max: 160 }, button: { max: 30 } } },
  infopic: { fields: { subtitle: { max: 30 }, title: { max: 60 }, description: { max: 160 }, button: { max: 30 }, alt: { max: 30 } } },
  resources: { fields: { subtitle: { max: 30 }, title: { max: 60 }, button: { max: 30 } } },
  announcements: {
    fields: { subtitle: { max: 30 }, title: { max: 50 } },
    list: {
      key: 'announcement_items',
      max: 5,
      fields: { title: { max: 100, required: true }, date: { required: true }, announcement: { max: 300, required: true }, link_text: { max: 50 } },
    },
  },
  textcards: {
    fields: { title: { max: 49, required: true }, subtitle: { max: 29 }, description: { max: 199 } },
    list: { key: 'cards', max: 4, min: 1, fields: { title: { max: 49, required: true }, description: { max: 79 }, linktext: { max: 49, required: true }, url: { required: true } } },
  },
  infocols: {
    fields: { title: { max: 49, required: true }, subtitle: { max: 29 }, linktext: { max: 49 } },
    list: { key: 'infoboxes', max: 4, min: 1, fields: { title: { max: 49, required: true }, description: { max: 119 } } },
  },
};

/** Pairs of fields that only show together (a button needs its link). */
const PAIRS: Record<string, [string, string][]> = {
  hero: [['button', 'url']],
  infobar: [['button', 'url']],
  infopic: [['button', 'url'], ['image', 'alt']],
  infocols: [['linktext', 'url']],
};

/** Pairs of fields of a list's items that only show together (an announcement's link and its text). */
const ITEM_PAIRS: Record<string, [string, string][]> = {
  announcements: [['link_text', 'link_url']],
};

/** A warning on the missing half of each pair where only one half is filled in. */
function pairIssues(fields: Record<string, unknown>, pairs: [string, string][], path: YamlPath): FieldIssue[] {
  const has = (k: string) => typeof fields[k] === 'string' && (fields[k] as string).trim() !== '';
  return pairs
    .filter(([a, b]) => has(a) !== has(b))
    .map(([a, b]) => ({ path: [...path, has(a) ? b : a], severity: 'warning' as const, message: `The ${a} is shown only with its ${b}.` }));
}

/** The limits and required fields of one map of fields, by the given rules. */
export function fieldIssues(fields: Record<string, unknown>, rules: Record<string, FieldRule>, path: YamlPath): FieldIssue[] {
  const issues: FieldIssue[] = [];
  for (const [key, rule] of Object.entries(rules)) {
    const value = fields[key];
    const text = typeof value === 'string' ? value : value === null || value === undefined ? '' : String(value);
    if (rule.required && text.trim() === '') issues.push({ path: [...path, key], severity: 'error', message: 'This must be filled in.' });
    if (rule.max !== undefined && [...text].length > rule.max) {
      issues.push({ path: [...path, key], severity: 'error', message: `At most ${rule.max} characters (now ${[...text].length}).` });
    }
  }
  return issues;
}

/** The hero's dropdown: its title and options' limits, and a button it hides. */
export const DROPDOWN_RULES = { title: { max: 30 }, options: { title: { max: 30, required: true }, url: { required: true } } } satisfies Record<string, unknown>;

function dropdownIssues(hero: Record<string, unknown>, path: YamlPath): FieldIssue[] {
  if (!('dropdown' in hero)) return [];
  const dropdown = record(hero['dropdown']);
  const at = [...path, 'dropdown'];
  const issues = fieldIssues(dropdown, { title: DROPDOWN_RULES.title }, at);
  const options = Array.isArray(dropdown['options']) ? (dropdown['options'] as unknown[]) : [];
  if (options.length === 0) issues.push({ path: [...at, 'options'], severity: 'error', message: 'A dropdown needs at least one option.' });
  options.forEach((option, i) => issues.push(...fieldIssues(record(option), DROPDOWN_RULES.options, [...at, 'options', i])));
  if (typeof hero['button'] === 'string' && hero['button'].trim() !== '') {
    issues.push({ path: [...path, 'button'], severity: 'warning', message: 'The dropdown takes the place of the button: this button is not shown.' });
  }
  return issues;
}

/** Every limit and required field of the homepage's sections, with the theme's own rules on their order. */
export function homepageIssues(data: Record<string, unknown>): FieldIssue[] {
  const view = readHomepage(data);
  const issues: FieldIssue[] = [];
  if (view.sections.length > 0 && view.sections[0]!.type !== 'hero') {
    issues.push({ path: ['sections', 0], severity: 'error', message: 'The first section must be the hero: the site shows an error without it.' });
  }
  for (const once of ['resources', 'announcements']) {
    const at = view.sections.filter((s) => s.type === once).slice(1);
    for (const s of at) issues.push({ path: ['sections', s.index], severity: 'error', message: `Only one ${once} section can be shown; the site shows an error for a second.` });
  }
  for (const section of view.sections) {
    if (!section.known || !section.type) continue;
    const rules = SECTION_RULES[section.type as SectionType];
    const path = ['sections', section.index, section.type];
    issues.push(...fieldIssues(section.fields, rules.fields, path));
    issues.push(...pairIssues(section.fields, PAIRS[section.type] ?? [], path));
    if (section.type === 'hero') issues.push(...dropdownIssues(section.fields, path));
    if (rules.list) {
      const items = Array.isArray(section.fields[rules.list.key]) ? (section.fields[rules.list.key] as unknown[]) : [];
      if (items.length > rules.list.max) {
        issues.push({ path: [...path, rules.list.key], severity: 'error', message: `At most ${rules.list.max} items (now ${items.length}).` });
      }
      if (rules.list.min && items.length < rules.list.min) {
        issues.push({ path: [...path, rules.list.key], severity: 'error', message: `At least ${rules.list.min} item is needed.` });
      }
      items.forEach((item, i) => {
        const at = [...path, rules.list!.key, i];
        issues.push(...fieldIssues(record(item), rules.list!.fields, at), ...pairIssues(record(item), ITEM_PAIRS[section.type!] ?? [], at));
      });
    }
  }
  return issues;
}

/** A new section of the given type, with words an editor replaces (as the official CMS adds them). */
export function newSection(type: SectionType): Record<string, unknown> {
  const fields: Record<SectionType, Record<string, unknown>> = {
    // No empty strings: the theme prints an empty button or image rather than none.
    hero: { title: 'Hero title', subtitle: 'Hero subtitle' },
    infobar: { title: 'Infobar title', subtitle: 'Subtitle', description: 'About a sentence worth of description here' },
    infopic: { title: 'Infopic title', subtitle: 'Subtitle', description: 'About a sentence worth of description here' },
    resources: { title: 'Resources title', subtitle: 'Resources subtitle', button: 'MORE' },
    announcements: { title: 'Announcements', announcement_items: [{ title: 'Announcement title', date: '01 January 2026', announcement: 'Announcement text' }] },
    textcards: { title: 'Text cards title', cards: [{ title: 'Card title', description: 'Card description', linktext: 'Learn more', url: '/' }] },
    infocols: { title: 'Info columns title', infoboxes: [{ title: 'Column title', description: 'Column description' }] },
  };
  return { [type]: fields[type] };
}
