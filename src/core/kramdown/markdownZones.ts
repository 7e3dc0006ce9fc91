/**
 * Where Jekyll's kramdown reads markdown in an HTML body. A tiptap page is still a `.md` file, so
 * kramdown (GFM input, Jekyll's settings) runs over its body. It leaves alone only block HTML: an
 * element that starts a block (at most 3 spaces into a line, or right after another block element)
 * whose tag is not one of kramdown's span elements. The content of such an element is raw (not
 * markdown) up to its matching end tag, unless a `markdown` attribute says otherwise. Everything else
 * is a markdown zone: top-level text, lines starting with span HTML (`<a>`, `<img>`, `<span>`…),
 * text after a closing tag or comment on the same line, lines after a block's end, attribute lists,
 * extensions, reference definitions, indented code and so on.
 *
 * The scanner errs one way only: a place it calls raw is raw to kramdown (its tag grammar is as strict
 * as kramdown's or stricter, it ends an element no later than kramdown does); anything it is unsure of
 * is a zone. One pass, no recursion on input depth.
 */

/** A run of the body, `[start, end)`, that kramdown parses as markdown. */
export interface MarkdownZone {
  start: number;
  end: number;
}

// kramdown's HTML_SPAN_ELEMENTS: a line starting with one of these is a paragraph.
export const SPAN_ELEMENTS = new Set(
  'a abbr acronym b big bdo br button cite code del dfn em i img input ins kbd label mark option q rb rbc rp rt rtc ruby samp select small span strong sub sup tt u var'.split(
    ' ',
  ),
);
// A line starting with one of these (or `script`) does not end a paragraph.
const LAZY_END_SPAN_ELEMENTS = new Set([...SPAN_ELEMENTS, 'script']);
// kramdown's HTML_ELEMENTS_WITHOUT_BODY: never wait for an end tag.
const WITHOUT_BODY = new Set('area base br col command embed hr img input keygen link meta param source track wbr'.split(' '));
// Their content is skipped up to the end tag, tags and all.
const RAW_TEXT = new Set(['script', 'style']);
// Constructs that may run over blank lines and end inside what would look like block HTML: a zone
// holding one of these runs to the end of the body.
const SPANS_BLANK_LINES = /```|~~~|\$\$|\{::/;

export interface KramdownScan {
  /** Every markdown zone, in order. Empty for a body of block HTML alone (the common case). */
  zones: MarkdownZone[];
  /**
   * Some tag read in block HTML has an attribute twice: a browser keeps the first, kramdown the last.
   * (Tags in zones are not read here.)
   */
  repeatedAttribute: boolean;
}

/** Every markdown zone of `body`, in order. */
export function findMarkdownZones(body: string): MarkdownZone[] {
  return scanForKramdown(body).zones;
}

/** The markdown zones of `body`, and whether block HTML in it repeats an attribute. */
export function scanForKramdown(body: string): KramdownScan {
  const scan: KramdownScan = { zones: [], repeatedAttribute: false };
  const zones = scan.zones;
  const length = body.length;
  let pos = 0;
  // After a zone and a blank line, only an element at the very start of a line is surely top-level
  // (an indented one may still be inside a list item or a footnote).
  let trusted = true;
  while (pos < length) {
    const lineEnd = endOfLine(body, pos);
    if (isBlank(body, pos, lineEnd)) {
      pos = lineEnd + 1;
      continue;
    }
    const blockEnd = blockHtmlEnd(body, pos, trusted, scan);
    if (blockEnd !== null) {
      pos = skipTrailingWhitespace(body, blockEnd);
      trusted = true;
      continue;
    }
    // A paragraph or any other markdown block: up to a blank line or a line that starts with HTML.
    let end = lineEnd;
    while (end < length) {
      const next = endOfLine(body, end + 1);
      if (isBlank(body, end + 1, next) || startsWithBlockHtml(body, end + 1)) break;
      end = next;
    }
    end = Math.min(end, length);
    if (SPANS_BLANK_LINES.test(body.slice(pos, end))) end = length;
    zones.push({ start: pos, end });
    pos = end;
    trusted = false;
  }
  return scan;
}

/**
 * Whether the line at `pos` ends the markdown block before it, as kramdown's LAZY_END_HTML_START and
 * LAZY_END_HTML_STOP say (a paragraph, list item, quote or code block stops there): at most 3 spaces,
 * then `<name` or `</name>` where the name does not start with a span element's name (case matters).
 */
function startsWithBlockHtml(body: string, pos: number): boolean {
  let at = pos;
  while (at < pos + 3 && body.charCodeAt(at) === 32) at++;
  if (body.charCodeAt(at) !== 60) return false;
  const closing = body.charCodeAt(at + 1) === 47;
  const nameStart = at + (closing ? 2 : 1);
  const nameEnd = readName(body, nameStart);
  if (nameEnd === -1) return false;
  let word = nameStart;
  while (word < nameEnd && isWordChar(body.charCodeAt(word))) word++;
  if (LAZY_END_SPAN_ELEMENTS.has(body.slice(nameStart, word))) return false;
  return !closing || body.charCodeAt(skipSpace(body, nameEnd)) === 62;
}

/** Where the block HTML (element or comment) starting at `pos` ends, or null when none starts there. */
function blockHtmlEnd(body: string, pos: number, trusted: boolean, scan: KramdownScan): number | null {
  let at = pos;
  while (at < pos + 3 && body.charCodeAt(at) === 32) at++;
  if (at !== pos && !trusted) return null;
  if (body.charCodeAt(at) !== 60 /* < */) return null;
  if (at === pos && body.startsWith('<!--', at)) {
    const close = body.indexOf('-->', at + 4);
    return close === -1 ? null : close + 3;
  }
  const tag = readKramdownStartTag(body, at);
  if (!tag || tag.markdown || SPAN_ELEMENTS.has(tag.name.toLowerCase())) return null;
  if (tag.repeatedAttribute) scan.repeatedAttribute = true;
  return elementEnd(body, tag, scan);
}

/**
 * The end of the element whose start tag is `tag`, as kramdown's raw HTML parsing finds it: nested
 * elements of any name are matched by their end tags, stray end tags are ignored, and an element never
 * closed runs to the end of the body. Null when some element inside has a `markdown` attribute.
 */
function elementEnd(body: string, tag: KramdownTag, scan: KramdownScan): number | null {
  const name = tag.name.toLowerCase();
  if (tag.selfClosed || WITHOUT_BODY.has(name)) return tag.end;
  if (RAW_TEXT.has(name)) return rawTextEnd(body, tag.end, name);
  const open: string[] = [name];
  let pos = tag.end;
  while (open.length > 0) {
    const lt = body.indexOf('<', pos);
    if (lt === -1) return body.length;
    if (body.startsWith('<!--', lt)) {
      const close = body.indexOf('-->', lt + 4);
      pos = close === -1 ? lt + 1 : close + 3;
      continue;
    }
    if (body.startsWith('<?', lt)) {
      const close = body.indexOf('?>', lt + 2);
      pos = close === -1 ? lt + 1 : close + 2;
      continue;
    }
    const nested = readKramdownStartTag(body, lt);
    if (nested) {
      if (nested.markdown) return null;
      if (nested.repeatedAttribute) scan.repeatedAttribute = true;
      const nestedName = nested.name.toLowerCase();
      if (nested.selfClosed || WITHOUT_BODY.has(nestedName)) pos = nested.end;
      else if (RAW_TEXT.has(nestedName)) pos = rawTextEnd(body, nested.end, nestedName);
      else {
        open.push(nestedName);
        pos = nested.end;
      }
      continue;
    }
    const endTag = readEndTag(body, lt);
    if (endTag) {
      // Any name matches case-insensitively here: ending too early is the safe side.
      if (endTag.name === open[open.length - 1]) open.pop();
      pos = endTag.end;
      continue;
    }
    pos = lt + 1;
  }
  return pos;
}

/** After `<script>` or `<style>`: the end of its end tag, or of the body. */
function rawTextEnd(body: string, from: number, name: string): number {
  const pattern = new RegExp(`</${name}[ \\t\\n\\v\\f\\r]*>`, 'ig');
  pattern.lastIndex = from;
  const match = pattern.exec(body);
  return match ? match.index + match[0].length : body.length;
}

export interface KramdownTag {
  name: string;
  /** Just after the `>`. */
  end: number;
  selfClosed: boolean;
  /** It has a `markdown` attribute (kramdown then parses its content as markdown). */
  markdown: boolean;
  /** It has some attribute twice (names compared in lower case). */
  repeatedAttribute: boolean;
}

/**
 * A start tag at `pos` as kramdown's HTML_TAG_RE reads it (`<name attr="v" attr=word attr>`), with
 * ASCII names and words only: a tag kramdown may not take for one is not taken for one here.
 */
export function readKramdownStartTag(body: string, pos: number): KramdownTag | null {
  if (body.charCodeAt(pos) !== 60) return null;
  let at = readName(body, pos + 1);
  if (at === -1) return null;
  const name = body.slice(pos + 1, at);
  let markdown = false;
  // The first attribute's name is only read when a second one comes.
  let firstAttribute = -1;
  let names: Set<string> | null = null;
  let repeatedAttribute = false;
  for (;;) {
    const afterSpace = skipSpace(body, at);
    if (body.charCodeAt(afterSpace) === 62) return { name, end: afterSpace + 1, selfClosed: false, markdown, repeatedAttribute };
    if (body.startsWith('/>', afterSpace)) return { name, end: afterSpace + 2, selfClosed: true, markdown, repeatedAttribute };
    if (afterSpace === at) return null;
    const nameEnd = readName(body, afterSpace);
    if (nameEnd === -1) return null;
    if (nameEnd - afterSpace === 8 && body.slice(afterSpace, nameEnd).toLowerCase() === 'markdown') markdown = true;
    if (firstAttribute === -1) firstAttribute = afterSpace;
    else {
      names ??= new Set([body.slice(firstAttribute, readName(body, firstAttribute)).toLowerCase()]);
      const attribute = body.slice(afterSpace, nameEnd).toLowerCase();
      if (names.has(attribute)) repeatedAttribute = true;
      names.add(attribute);
    }
    at = nameEnd;
    const equals = skipSpace(body, nameEnd);
    if (body.charCodeAt(equals) !== 61 /* = */) continue;
    const value = skipSpace(body, equals + 1);
    const quote = body[value];
    if (quote === '"' || quote === "'") {
      const close = body.indexOf(quote, value + 1);
      if (close === -1) return null;
      at = close + 1;
    } else {
      let end = value;
      while (end < body.length && isWordChar(body.charCodeAt(end))) end++;
      if (end === value) return null;
      at = end;
    }
  }
}

/** An end tag at `pos`, read loosely (any run of name characters), its name in lower case. */
function readEndTag(body: string, pos: number): { name: string; end: number } | null {
  if (!body.startsWith('</', pos)) return null;
  let at = pos + 2;
  while (at < body.length && !isSpace(body.charCodeAt(at)) && body.charCodeAt(at) !== 62 && body.charCodeAt(at) !== 60) at++;
  if (at === pos + 2) return null;
  const name = body.slice(pos + 2, at).toLowerCase();
  const close = skipSpace(body, at);
  return body.charCodeAt(close) === 62 ? { name, end: close + 1 } : null;
}

/** REXML's UNAME_STR (`prefix:name`), ASCII only; the offset after it, or -1. */
function readName(body: string, pos: number): number {
  const end = readNamePart(body, pos);
  if (end === -1) return -1;
  if (body.charCodeAt(end) === 58 /* : */) {
    const local = readNamePart(body, end + 1);
    if (local !== -1) return local;
  }
  return end;
}

function readNamePart(body: string, pos: number): number {
  const first = body.charCodeAt(pos);
  if (!(isAsciiLetter(first) || first === 95)) return -1;
  let at = pos + 1;
  for (; at < body.length; at++) {
    const c = body.charCodeAt(at);
    if (!(isAsciiLetter(c) || isDigit(c) || c === 45 || c === 46 || c === 95)) break;
  }
  return at;
}

function isAsciiLetter(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

function isWordChar(c: number): boolean {
  return isAsciiLetter(c) || isDigit(c) || c === 95;
}

/** Ruby's `\s`: space, tab, line feed, vertical tab, form feed, carriage return. */
function isSpace(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13);
}

function skipSpace(body: string, pos: number): number {
  while (pos < body.length && isSpace(body.charCodeAt(pos))) pos++;
  return pos;
}

function endOfLine(body: string, pos: number): number {
  const newline = body.indexOf('\n', pos);
  return newline === -1 ? body.length : newline;
}

/** Whether `[from, to)` holds only whitespace (kramdown's blank line). */
function isBlank(body: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (!isSpace(body.charCodeAt(i))) return false;
  return true;
}

/** kramdown's TRAILING_WHITESPACE after a block element: spaces and tabs, then one line break. */
function skipTrailingWhitespace(body: string, pos: number): number {
  let at = pos;
  while (body.charCodeAt(at) === 32 || body.charCodeAt(at) === 9) at++;
  return body.charCodeAt(at) === 10 ? at + 1 : pos;
}
