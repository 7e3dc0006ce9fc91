/**
 * How kramdown (Jekyll's markdown) reads raw HTML, where it differs from CommonMark. The names and
 * lists follow kramdown's own (kramdown/parser/html.rb).
 */

/** Elements kramdown reads as span-level: at a line start they begin a paragraph, not a block. */
export const SPAN_ELEMENTS = new Set(
  'a abbr acronym b big bdo br button cite code del dfn em i img input ins kbd label mark option q rb rbc rp rt rtc ruby samp select small span strong sub sup tt u var'.split(' '),
);

/** Elements that are text, not markup, when they appear inside a paragraph. */
export const BLOCK_ELEMENTS = new Set(
  'address article aside applet body blockquote caption col colgroup dd div dl dt fieldset figcaption footer form h1 h2 h3 h4 h5 h6 header hgroup hr html head iframe legend menu li main map nav ol optgroup p pre section summary table tbody td th thead tfoot tr ul'.split(
    ' ',
  ),
);

const WITHOUT_BODY = new Set('area base br col command embed hr img input keygen link meta param source track wbr'.split(' '));
const BLOCK_CONTENT = new Set(
  'address applet article aside blockquote body dd details div dl fieldset figure figcaption footer form header hgroup iframe li main map menu nav noscript object section summary td'.split(' '),
);
const SPAN_CONTENT = new Set('a abbr acronym b bdo big button cite caption del dfn dt em h1 h2 h3 h4 h5 h6 i ins label legend optgroup p q rb rbc rp rt rtc ruby select small span strong sub sup th tt'.split(' '));

/** How the content of an element is read: as markdown blocks, as markdown text, or as it stands. */
export type ContentModel = 'block' | 'span' | 'raw';

/** A start tag as kramdown reads one. */
export interface StartTag {
  name: string;
  start: number;
  /** Just after its `>`. */
  end: number;
  /** Written `<x/>` or an element without content (`<br>`, `<img>`). */
  closed: boolean;
  /** The `markdown` attribute (`markdown="1"`), which kramdown reads and never writes out. */
  markdown?: { value: string; start: number; end: number };
}

const NAME = /[A-Za-z_:][\w:.-]*/y;
const SPACE = /\s*/y;
const WORD_VALUE = /[\p{L}\p{N}_]+/uy;

function matchAt(pattern: RegExp, text: string, at: number): string | null {
  pattern.lastIndex = at;
  const match = pattern.exec(text);
  return match ? match[0] : null;
}

/**
 * Reads a start tag at `at` (`<name attr="v" other=word flag>`, over several lines if need be), or null
 * where kramdown sees none: then the `<` is text. Read by hand, in one pass, as kramdown's pattern matches it.
 */
export function readStartTag(src: string, at: number): StartTag | null {
  if (src[at] !== '<') return null;
  const name = matchAt(NAME, src, at + 1);
  if (!name) return null;
  let pos = at + 1 + name.length;
  let markdown: StartTag['markdown'];
  for (;;) {
    const space = matchAt(SPACE, src, pos)!;
    pos += space.length;
    if (src.startsWith('/>', pos)) return { name, start: at, end: pos + 2, closed: true, markdown };
    if (src[pos] === '>') return { name, start: at, end: pos + 1, closed: WITHOUT_BODY.has(name.toLowerCase()), markdown };
    if (space === '') return null;
    const attrStart = pos - space.length;
    const attr = matchAt(NAME, src, pos);
    if (!attr) return null;
    pos += attr.length;
    let value = '';
    const beforeValue = pos + matchAt(SPACE, src, pos)!.length;
    if (src[beforeValue] === '=') {
      const valueStart = beforeValue + 1 + matchAt(SPACE, src, beforeValue + 1)!.length;
      const quote = src[valueStart];
      if (quote === '"' || quote === "'") {
        const close = src.indexOf(quote, valueStart + 1);
        if (close === -1) return null;
        value = src.slice(valueStart + 1, close);
        pos = close + 1;
      } else {
        const word = matchAt(WORD_VALUE, src, valueStart);
        if (!word) return null;
        value = word;
        pos = valueStart + word.length;
      }
    }
    if (attr.toLowerCase() === 'markdown') markdown = { value, start: attrStart, end: pos };
  }
}

const CLOSE_TAG = /<\/([A-Za-z_:][\w:.-]*)\s*>/y;

/** A closing tag at `at`: its name and where it ends. */
export function readCloseTag(src: string, at: number): { name: string; end: number } | null {
  CLOSE_TAG.lastIndex = at;
  const match = CLOSE_TAG.exec(src);
  return match ? { name: match[1]!, end: at + match[0].length } : null;
}

/** How kramdown reads an element's content: raw unless its `markdown` attribute says otherwise. */
export function contentModel(tag: StartTag): ContentModel {
  const value = tag.markdown?.value;
  const name = tag.name.toLowerCase();
  if (value === '1') return BLOCK_CONTENT.has(name) ? 'block' : SPAN_CONTENT.has(name) ? 'span' : 'raw';
  if (value === 'block' || value === 'span') return value;
  return 'raw';
}

/** Where a `<!-- … -->` starting at `at` ends, or -1 when it is never closed. */
export function commentEnd(src: string, at: number): number {
  const close = src.indexOf('-->', at + 4);
  return close === -1 ? -1 : close + 3;
}

/** Where the text of a `script` or `style` element ends: after `</name>`, or at the end of the source. */
function rawTextEnd(src: string, from: number, name: string): number {
  const close = new RegExp(`</${name}\\s*>`, 'ig');
  close.lastIndex = from;
  const match = close.exec(src);
  return match ? match.index + match[0].length : -1;
}

/**
 * Where the element whose start tag is `tag` ends, read as kramdown reads raw HTML: nested elements are
 * counted, a closing tag that does not close the innermost open element is text, `script` and `style`
 * hold text, and an element never closed runs to the end of the source (`closed` is then false).
 */
export function elementEnd(src: string, tag: StartTag): { end: number; closed: boolean } {
  const unclosed = { end: src.length, closed: false };
  if (tag.closed) return { end: tag.end, closed: true };
  const name = tag.name.toLowerCase();
  if (name === 'script' || name === 'style') {
    const end = rawTextEnd(src, tag.end, name);
    return end === -1 ? unclosed : { end, closed: true };
  }
  const open: string[] = [name];
  let pos = tag.end;
  // Once a comment or instruction is never closed, none after it is: no second scan to the end.
  let commentsClose = true;
  let instructionsClose = true;
  while (open.length > 0) {
    const next = src.indexOf('<', pos);
    if (next === -1) return unclosed;
    pos = next + 1;
    if (src.startsWith('<!--', next)) {
      const end = commentsClose ? commentEnd(src, next) : -1;
      if (end !== -1) pos = end;
      else commentsClose = false;
      continue;
    }
    if (src[next + 1] === '?') {
      const end = instructionsClose ? src.indexOf('?>', next + 2) : -1;
      if (end !== -1) pos = end + 2;
      else instructionsClose = false;
      continue;
    }
    const close = readCloseTag(src, next);
    if (close) {
      if (close.name.toLowerCase() === open[open.length - 1]) open.pop();
      pos = close.end;
      continue;
    }
    const inner = readStartTag(src, next);
    if (!inner) continue;
    pos = inner.end;
    const innerName = inner.name.toLowerCase();
    if (innerName === 'script' || innerName === 'style') {
      pos = rawTextEnd(src, inner.end, innerName);
      if (pos === -1) return unclosed;
    } else if (!inner.closed) open.push(innerName);
  }
  return { end: pos, closed: true };
}
