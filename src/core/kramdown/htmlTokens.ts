/**
 * The tokens of an HTML body as a browser's tokenizer reads them (start and end tags with their
 * attributes, comments, text), with source offsets: what the editor and the sanitiser see, to be set
 * against what kramdown reads. One pass, no recursion.
 */

export interface HtmlAttribute {
  /** Lower case, as a browser stores it. */
  name: string;
  /** The value's source text, without its quotes (entities not decoded). */
  value: string;
}

export type HtmlToken =
  /** `rawIn`: the raw text element (`style`, `textarea`…) it is the content of, if any. */
  | { kind: 'text'; start: number; end: number; rawIn: string | null }
  | { kind: 'startTag'; start: number; end: number; name: string; attributes: HtmlAttribute[] }
  | { kind: 'endTag'; start: number; end: number; name: string }
  /** `bogus`: `<!x>`, `<?x>`, `</ x>`, which a browser reads as a comment and kramdown does not. */
  | { kind: 'comment'; start: number; end: number; bogus: boolean };

// Elements whose content a browser reads as text up to their end tag.
const RAW_TEXT = new Set(['script', 'style', 'textarea', 'title', 'xmp', 'iframe', 'noembed', 'noframes', 'noscript']);

/** The tokens of `html`, in order; text between them as text tokens. */
export function htmlTokens(html: string): HtmlToken[] {
  const tokens: HtmlToken[] = [];
  const length = html.length;
  let pos = 0;
  let textStart = 0;
  const flushText = (end: number) => {
    if (end > textStart) tokens.push({ kind: 'text', start: textStart, end, rawIn: null });
  };
  while (pos < length) {
    const lt = html.indexOf('<', pos);
    if (lt === -1) break;
    const next = html.charCodeAt(lt + 1);
    if (isAsciiLetter(next)) {
      flushText(lt);
      const tag = readStartTag(html, lt);
      tokens.push(tag);
      pos = tag.end;
      // (A `/>` does not end an HTML element's content.)
      if (tag.name === 'plaintext') {
        if (length > pos) tokens.push({ kind: 'text', start: pos, end: length, rawIn: tag.name });
        pos = length;
      } else if (RAW_TEXT.has(tag.name)) {
        const close = new RegExp(`</${tag.name}(?=[\\t\\n\\f\\r />])`, 'ig');
        close.lastIndex = pos;
        const found = close.exec(html);
        const end = found ? found.index : length;
        if (end > pos) tokens.push({ kind: 'text', start: pos, end, rawIn: tag.name });
        pos = end;
      }
      textStart = pos;
    } else if (next === 47 /* / */ && isAsciiLetter(html.charCodeAt(lt + 2))) {
      flushText(lt);
      const nameEnd = scanWhile(html, lt + 2, (c) => !isSpace(c) && c !== 47 && c !== 62);
      const tag = readStartTag(html, lt + 1);
      tokens.push({ kind: 'endTag', start: lt, end: tag.end, name: html.slice(lt + 2, nameEnd).toLowerCase() });
      pos = textStart = tag.end;
    } else if (html.startsWith('<!--', lt)) {
      flushText(lt);
      const end = commentEnd(html, lt);
      tokens.push({ kind: 'comment', start: lt, end, bogus: false });
      pos = textStart = end;
    } else if (next === 33 /* ! */ || next === 63 /* ? */ || next === 47) {
      flushText(lt);
      const close = html.indexOf('>', lt + 2);
      const end = close === -1 ? length : close + 1;
      // `</>` is dropped by a browser; the rest are comments.
      tokens.push({ kind: 'comment', start: lt, end, bogus: true });
      pos = textStart = end;
    } else {
      pos = lt + 1;
    }
  }
  flushText(length);
  return tokens;
}

/** A start tag at `lt` (`<` then a letter), attributes read as a browser reads them. */
function readStartTag(html: string, lt: number): Extract<HtmlToken, { kind: 'startTag' }> {
  const length = html.length;
  let pos = scanWhile(html, lt + 1, (c) => !isSpace(c) && c !== 47 && c !== 62);
  const name = html.slice(lt + 1, pos).toLowerCase();
  const attributes: HtmlAttribute[] = [];
  while (pos < length) {
    pos = scanWhile(html, pos, (c) => isSpace(c) || c === 47);
    if (pos >= length) break;
    if (html.charCodeAt(pos) === 62) return { kind: 'startTag', start: lt, end: pos + 1, name, attributes };
    // The first character of a name may be `=`.
    const nameEnd = scanWhile(html, pos + 1, (c) => !isSpace(c) && c !== 47 && c !== 62 && c !== 61);
    const attribute = { name: html.slice(pos, nameEnd).toLowerCase(), value: '' };
    attributes.push(attribute);
    pos = scanWhile(html, nameEnd, isSpace);
    if (html.charCodeAt(pos) !== 61) continue;
    pos = scanWhile(html, pos + 1, isSpace);
    const quote = html[pos];
    if (quote === '"' || quote === "'") {
      const close = html.indexOf(quote, pos + 1);
      const end = close === -1 ? length : close;
      attribute.value = html.slice(pos + 1, end);
      pos = end + 1;
    } else {
      const end = scanWhile(html, pos, (c) => !isSpace(c) && c !== 62);
      attribute.value = html.slice(pos, end);
      pos = end;
    }
  }
  return { kind: 'startTag', start: lt, end: length, name, attributes };
}

/** The end of a comment starting at `lt`: after `-->` or `--!>`, or `<!-->` and `<!--->` alone. */
function commentEnd(html: string, lt: number): number {
  if (html.startsWith('>', lt + 4)) return lt + 5;
  if (html.startsWith('->', lt + 4)) return lt + 6;
  const pattern = /--!?>/g;
  pattern.lastIndex = lt + 4;
  const found = pattern.exec(html);
  return found ? found.index + found[0].length : html.length;
}

function scanWhile(html: string, pos: number, test: (c: number) => boolean): number {
  while (pos < html.length && test(html.charCodeAt(pos))) pos++;
  return pos;
}

function isAsciiLetter(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

/** A browser's whitespace in tags: tab, line feed, form feed, carriage return, space. */
function isSpace(c: number): boolean {
  return c === 9 || c === 10 || c === 12 || c === 13 || c === 32;
}
