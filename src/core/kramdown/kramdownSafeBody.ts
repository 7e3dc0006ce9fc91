import { htmlTokens, type HtmlAttribute, type HtmlToken } from './htmlTokens.ts';
import { readKramdownStartTag, scanForKramdown, type MarkdownZone } from './markdownZones.ts';

/**
 * A body written so that Jekyll's kramdown renders it to the HTML the editor holds. Where kramdown
 * would read markdown (see `markdownZones.ts`), markdown characters in text become character
 * references (`[` is `&#91;`: the same text to a browser, no link to kramdown), kramdown's own syntax
 * (attribute lists, extensions, reference definitions) is removed, and the markup in those places is
 * written so that kramdown reads the same tags a browser does. Anywhere in the body, tags that kramdown
 * would read otherwise than a browser are rewritten: an attribute given twice (a browser keeps the
 * first, kramdown the last), `<` or `>` in an attribute value, and comments a browser ends at the
 * first `>` (`<!x …>`, `<?x …>`), where kramdown would find tags inside.
 */
export interface KramdownFinding {
  /**
   * `syntax`: a kramdown attribute list, extension or definition, removed. `markdown`: text kramdown
   * would turn into markup (a link, emphasis, a list…), now written as text. `markup`: a tag or comment
   * kramdown reads otherwise than a browser, rewritten or removed. `typography`: only quotes, dashes or
   * ellipses kramdown would turn into typographic characters, now written as they are.
   */
  kind: 'syntax' | 'markdown' | 'markup' | 'typography';
  /** Offset in the body given. */
  offset: number;
  message: string;
  snippet: string;
}

export interface KramdownSafeBody {
  body: string;
  findings: KramdownFinding[];
}

/**
 * Markup a browser and kramdown may read differently: `<!` other than a comment, `<?`, `</` not before
 * a name, a quoted `<` or `>`. (A comment kramdown ends no earlier than a browser does: it hides more.)
 */
const SUSPECT_MARKUP = /<!(?!--)|<\?|<\/[^A-Za-z]|["'][^"'<>]*[<>][^"'<>]*["']|=\s*[^\s"'>]*</;
const LIQUID = /\{%-?\s*comment\s*-?%\}[\s\S]*?\{%-?\s*endcomment\s*-?%\}|\{\{[\s\S]*?\}\}|\{%[\s\S]*?%\}/g;
// kramdown's attribute lists, ALDs and extensions (`{: …}`, `{::options … /}`, `{:/}`).
const KRAMDOWN_SYNTAX = /\{:(?:\\\}|[^}])*\}/g;
// Reference, footnote and abbreviation definitions, at the start of a line.
const DEFINITION = /^[ \t]*\*?\[[^\]\n]*\]:[^\n]*/gm;
// What kramdown turns into markup in text: links, emphasis, code, escapes, tables, math, strikethrough…
const MARKDOWN_TEXT = /[\\`*_\[\]{}|$~^]|(?:^|\n)[ \t]*(?:[#>+=:-]|\d+\.)/;
const TYPOGRAPHY = /--|\.\.\.|<<|>>|["']/;
// The markdown that can make a link, an image or an attribute (the rest only formats text).
const LINKS_OR_ATTRIBUTES = /[[\]<]|\{:/;
const HAS_LIQUID = /\{\{|\{%/;
// Characters kramdown gives a meaning somewhere: written as character references in a zone.
const MARKDOWN_CHARACTERS = /[\\`*_{}[\]()#+\-.!|:<>$~^="']/g;
const KRAMDOWN_NAME = /^[A-Za-z_][-A-Za-z0-9._]*(?::[A-Za-z_][-A-Za-z0-9._]*)?$/;
const WHITESPACE_KEEPERS = /<(?:pre|textarea|listing)\b/i;
const SNIPPET_LENGTH = 120;

interface Edit {
  start: number;
  end: number;
  text: string;
}

/** `body` as kramdown will render it the way the editor shows it, and what had to change for that. */
export function kramdownSafeBody(body: string): KramdownSafeBody {
  const { zones, repeatedAttribute } = scanForKramdown(body);
  // The common case: block HTML only, and nothing a browser and kramdown could read differently.
  if (zones.length === 0 && !repeatedAttribute && !SUSPECT_MARKUP.test(body)) return { body, findings: [] };
  const tokens = htmlTokens(body);
  const edits = new Map<number, Edit>();
  const findings: KramdownFinding[] = [];
  const find = (kind: KramdownFinding['kind'], offset: number, message: string, snippet: string) =>
    findings.push({ kind, offset, message, snippet: snip(snippet) });

  for (const token of tokens) {
    if (token.kind === 'startTag') {
      const source = body.slice(token.start, token.end);
      if (hasDuplicate(token.attributes)) {
        edits.set(token.start, { start: token.start, end: token.end, text: canonicalTag(token, body, false) });
        find('markup', token.start, 'Removed an attribute given twice (kramdown would publish the second, the editor shows the first).', source);
      } else if (token.attributes.some((a) => /[<>]/.test(a.value))) {
        edits.set(token.start, { start: token.start, end: token.end, text: canonicalTag(token, body, false) });
        find('markup', token.start, 'Wrote < and > in an attribute value as &lt; and &gt;: kramdown could publish a tag hidden in it.', source);
      }
    } else if (token.kind === 'comment' && token.bogus && body.slice(token.start + 1, token.end).includes('<')) {
      edits.set(token.start, { start: token.start, end: token.end, text: newlinesOf(body.slice(token.start, token.end)) });
      find('markup', token.start, 'Removed a malformed comment (kramdown would read the markup inside it).', body.slice(token.start, token.end));
    }
  }

  let first = 0;
  for (const zone of zones) {
    while (first < tokens.length && tokens[first]!.end <= zone.start) first++;
    let last = first;
    while (last < tokens.length && tokens[last]!.start < zone.end) last++;
    neutraliseZone(body, zone, tokens.slice(first, last), edits, find);
  }
  if (edits.size === 0) return { body, findings };
  const parts: string[] = [];
  let cursor = 0;
  for (const edit of [...edits.values()].sort((a, b) => a.start - b.start)) {
    if (edit.start < cursor) continue;
    parts.push(body.slice(cursor, edit.start), edit.text);
    cursor = edit.end;
  }
  parts.push(body.slice(cursor));
  findings.sort((a, b) => a.offset - b.offset);
  return { body: parts.join(''), findings };
}

type Find = (kind: KramdownFinding['kind'], offset: number, message: string, snippet: string) => void;

/** Rewrites one zone when kramdown would make anything of it; says what it found. */
function neutraliseZone(body: string, zone: MarkdownZone, tokens: HtmlToken[], edits: Map<number, Edit>, find: Find): void {
  const source = body.slice(zone.start, zone.end);
  const clip = (token: HtmlToken) => body.slice(Math.max(token.start, zone.start), Math.min(token.end, zone.end));
  // What kramdown reads as text: text, and comments and tags it does not read as a browser does.
  const text = tokens
    .filter(
      (t) =>
        (t.kind === 'text' && !isStyle(t)) ||
        (t.kind === 'comment' && (t.bogus || t.end > zone.end)) ||
        (t.kind === 'startTag' && !kramdownReadsAlike(body, t)),
    )
    .map(clip)
    .join('\n')
    .replace(LIQUID, ' ');
  const syntax = [...text.matchAll(KRAMDOWN_SYNTAX), ...source.matchAll(DEFINITION)].map((m) => m[0].trim());
  const strangeMarkup = tokens.some(
    (t) =>
      (t.kind === 'startTag' && !kramdownReadsAlike(body, t)) ||
      (t.kind === 'endTag' && !/^<\/[A-Za-z][A-Za-z0-9]*>$/.test(body.slice(t.start, t.end))) ||
      (t.kind === 'comment' && (t.bogus || t.end > zone.end)),
  );
  const indentedCode = /^(?: {4}|\t)/.test(source);
  const kind: KramdownFinding['kind'] | null =
    syntax.length > 0
      ? 'syntax'
      : MARKDOWN_TEXT.test(text) || indentedCode
        ? 'markdown'
        : strangeMarkup
          ? 'markup'
          : TYPOGRAPHY.test(text)
            ? 'typography'
            : null;
  if (kind === null) return;
  // Liquid builds this text when the site is built (a loop writing list items, say): what the editor
  // holds is the template, not the page. Only markdown that can make a link or an attribute is undone.
  if ((kind === 'markdown' || kind === 'typography') && HAS_LIQUID.test(source) && !LINKS_OR_ATTRIBUTES.test(text)) return;
  if (kind === 'syntax') {
    for (const item of syntax) find('syntax', zone.start, 'Removed kramdown syntax (an attribute list, extension or definition), which the editor cannot show.', item);
  }
  if (kind !== 'syntax' || MARKDOWN_TEXT.test(text.replace(KRAMDOWN_SYNTAX, ''))) {
    find(
      kind === 'syntax' ? 'markdown' : kind,
      zone.start,
      kind === 'typography'
        ? 'Wrote quotes, dashes or dots as character references: kramdown would publish them as typographic characters.'
        : 'Outside block HTML kramdown reads this as markdown (links, emphasis, lists…); it is now written to be published as the text shown.',
      source,
    );
  }
  const keepWhitespace = WHITESPACE_KEEPERS.test(source);
  for (const token of tokens) {
    // A text token may run over several zones: each rewrites its own part of it.
    const start = token.kind === 'text' ? Math.max(token.start, zone.start) : token.start;
    if (edits.has(start)) continue;
    if (token.kind === 'text') {
      if (isStyle(token)) continue;
      const end = Math.min(token.end, zone.end);
      const atLineStart = start === zone.start || body[start - 1] === '\n';
      edits.set(start, { start, end, text: neutraliseText(body.slice(start, end), atLineStart, keepWhitespace) });
    } else if (token.kind === 'startTag') {
      if (kramdownReadsAlike(body, token)) continue;
      if (!KRAMDOWN_NAME.test(token.name)) {
        edits.set(token.start, { start: token.start, end: token.end, text: '' });
        find('markup', token.start, `Removed a <${token.name}> tag kramdown cannot read.`, body.slice(token.start, token.end));
      } else {
        edits.set(token.start, { start: token.start, end: token.end, text: canonicalTag(token, body, true) });
      }
    } else if (token.kind === 'endTag') {
      edits.set(token.start, { start: token.start, end: token.end, text: KRAMDOWN_NAME.test(token.name) ? `</${token.name}>` : '' });
    } else {
      // A comment: invisible to a browser, and kramdown ends one in a paragraph only within it.
      edits.set(token.start, { start: token.start, end: token.end, text: newlinesOf(body.slice(token.start, token.end)) });
    }
  }
}

/** Text of a zone with kramdown syntax removed and markdown characters as character references. */
function neutraliseText(text: string, atLineStart: boolean, keepWhitespace: boolean): string {
  let result = '';
  let cursor = 0;
  const plain = (part: string, lineStart: boolean) => {
    // A definition starts a line: after a line break, or at the start of a part that starts one.
    let out = part.replace(KRAMDOWN_SYNTAX, '').replace(DEFINITION, (match, offset: number) => (offset > 0 || lineStart ? '' : match));
    if (!keepWhitespace) {
      out = out.replace(/[ \t]+\n/g, '\n').replace(/\n[ \t]+/g, '\n');
      if (lineStart) out = out.replace(/^[ \t]+/, '');
    }
    return out.replace(MARKDOWN_CHARACTERS, (c) => `&#${c.charCodeAt(0)};`);
  };
  for (const match of text.matchAll(LIQUID)) {
    result += plain(text.slice(cursor, match.index), cursor === 0 ? atLineStart : text[match.index! - 1] === '\n') + match[0];
    cursor = match.index! + match[0].length;
  }
  return result + plain(text.slice(cursor), cursor === 0 ? atLineStart : text[cursor - 1] === '\n');
}

/** Whether kramdown reads this start tag exactly as a browser does: same end, one line, plain values. */
function kramdownReadsAlike(body: string, token: Extract<HtmlToken, { kind: 'startTag' }>): boolean {
  const read = readKramdownStartTag(body, token.start);
  return read !== null && read.end === token.end && !/[\n\r]/.test(body.slice(token.start, token.end));
}

/** The tag written as kramdown and a browser read alike: `<name a="v">`, each attribute once. */
function canonicalTag(token: Extract<HtmlToken, { kind: 'startTag' }>, body: string, kramdownNamesOnly: boolean): string {
  const seen = new Set<string>();
  const attributes: string[] = [];
  for (const { name, value } of token.attributes) {
    if (seen.has(name) || (kramdownNamesOnly && !KRAMDOWN_NAME.test(name))) continue;
    seen.add(name);
    attributes.push(` ${name}="${value.replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\n/g, '&#10;').replace(/\r/g, '&#13;')}"`);
  }
  const selfClosing = body.slice(token.start, token.end).endsWith('/>');
  return `<${token.name}${attributes.join('')}${selfClosing ? ' />' : '>'}`;
}

function hasDuplicate(attributes: readonly HtmlAttribute[]): boolean {
  if (attributes.length < 2) return false;
  return new Set(attributes.map((a) => a.name)).size !== attributes.length;
}

/** Raw text of a `<style>` (or `<script>`), whose characters mean something else there. */
function isStyle(token: HtmlToken): boolean {
  return token.kind === 'text' && (token.rawIn === 'style' || token.rawIn === 'script');
}

function newlinesOf(text: string): string {
  return text.replace(/[^\n]/g, '');
}

function snip(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > SNIPPET_LENGTH ? `${flat.slice(0, SNIPPET_LENGTH)}…` : flat;
}
