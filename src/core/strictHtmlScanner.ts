import { MAX_NESTING_DEPTH, nestedTooDeeplyAt } from './nestingDepth.ts';

/**
 * A small scanner for well-formed HTML bodies: it builds the located tree an HTML5 parser would give
 * (`parseFragment` with source locations), but only for markup where tree construction does nothing
 * surprising. Anything else (an implied end tag, a misnested or unclosed element, foster parenting,
 * foreign content, a doctype, an odd comment…) gives null: "not sure", and the caller uses a full parser.
 * It exists so the full parser need not be loaded before a page is editable.
 */

export interface ScannedNode {
  nodeName: string;
  tagName?: string;
  attrs?: { name: string; value: string }[];
  childNodes?: ScannedNode[];
  sourceCodeLocation: { startOffset: number; endOffset: number; endTag?: { startOffset: number; endOffset: number } };
}

const VOID = new Set(['area', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'param', 'source', 'track', 'wbr']);
// Their content is text up to the matching end tag.
const RAW_TEXT = new Set(['script', 'style', 'iframe', 'xmp', 'noembed', 'noframes']);
// Start tags that close an open `<p>` (in button scope): bail when one comes while a `<p>` is open.
const CLOSES_P = new Set(
  (
    'address article aside blockquote center details dialog dir div dl fieldset figcaption figure footer form ' +
    'h1 h2 h3 h4 h5 h6 header hgroup hr li dd dt listing main menu nav ol p pre search section summary table ul xmp plaintext'
  ).split(' '),
);
const FORMATTING = new Set(['a', 'b', 'big', 'code', 'em', 'font', 'i', 's', 'small', 'strike', 'strong', 'tt', 'u']);
const HEADINGS = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6']);
// Elements the parser treats as any other element in a body (no implied ends, no special insertion).
const ORDINARY = new Set(
  (
    'span abbr acronym bdi bdo cite data dfn kbd mark q samp sub sup time var ins del label picture video audio ' +
    'canvas map output progress meter figure details summary address article aside blockquote center dialog dir div dl ' +
    'fieldset figcaption footer header hgroup main menu nav ol ul section p pre li dd dt h1 h2 h3 h4 h5 h6 button form object'
  ).split(' '),
);
// The "special" elements that stop the search for an open `<li>`/`<dd>`/`<dt>` to close (address, div and p do not).
const SPECIAL = new Set(
  (
    'applet area article aside base basefont bgsound blockquote body br button caption center col colgroup details dir ' +
    'dl embed fieldset figcaption figure footer form frame frameset h1 h2 h3 h4 h5 h6 head header hgroup hr html iframe img ' +
    'input keygen link listing main marquee menu meta nav noembed noframes noscript object ol param plaintext pre script ' +
    'search section select source style summary table tbody td template textarea tfoot th thead title tr track ul wbr xmp li dd dt'
  ).split(' '),
);
const TABLE_PARTS = new Set(['caption', 'col', 'colgroup', 'tbody', 'td', 'tfoot', 'th', 'thead', 'tr']);
// What each table element may hold directly (besides whitespace and comments).
const TABLE_CHILDREN: Record<string, Set<string>> = {
  table: new Set(['caption', 'colgroup', 'thead', 'tbody', 'tfoot']),
  thead: new Set(['tr']),
  tbody: new Set(['tr']),
  tfoot: new Set(['tr']),
  tr: new Set(['td', 'th']),
  colgroup: new Set(['col']),
};

// ASCII names only, so that lower-casing them is exactly what the parser does.
const TAG_NAME = /[a-zA-Z][a-zA-Z0-9-]*(?=[\t\n\f\r />])/y;
const WHITESPACE = /[\t\n\f\r ]*/y;
const ATTRIBUTE_NAME = /[^\t\n\f\r />=\0"'<][^\t\n\f\r />=\0"'<]*/y;
const UNQUOTED_VALUE = /[^\t\n\f\r >\0"'<=`]+/y;

function match(pattern: RegExp, text: string, at: number): string {
  pattern.lastIndex = at;
  return pattern.exec(text)?.[0] ?? '';
}

/**
 * The located top-level nodes of `body`, or null when an HTML5 parser might build anything else.
 * Throws `NestedTooDeeply` at an element nested deeper than the limit: up to there the tree is sure.
 */
export function scanStrictHtml(body: string): ScannedNode[] | null {
  if (body.includes('\0')) return null;
  const root: ScannedNode = { nodeName: '#root', childNodes: [], sourceCodeLocation: { startOffset: 0, endOffset: body.length } };
  const stack: ScannedNode[] = [root];
  const current = () => stack[stack.length - 1]!;
  const isOpen = (name: string) => stack.some((node) => node.tagName === name);
  // `pos`: where the text not yet added starts; `scan`: where to look for the next `<`.
  let pos = 0;
  let scan = 0;

  const addText = (start: number, end: number): boolean => {
    if (end <= start) return true;
    const parent = current();
    const text = body.slice(start, end);
    // Only whitespace may stand directly in a table, a section or a row (anything else is moved out).
    if (parent.tagName && TABLE_CHILDREN[parent.tagName] && !/^[\t\n\f\r ]*$/.test(text)) return false;
    const children = parent.childNodes!;
    const previous = children[children.length - 1];
    if (previous?.nodeName === '#text') previous.sourceCodeLocation.endOffset = end;
    else children.push({ nodeName: '#text', sourceCodeLocation: { startOffset: start, endOffset: end } });
    return true;
  };

  while (scan < body.length) {
    const lt = body.indexOf('<', scan);
    if (lt < 0) {
      if (!addText(pos, body.length)) return null;
      break;
    }
    const next = body[lt + 1] ?? '';
    if (next === '!') {
      if (!body.startsWith('<!--', lt)) return null;
      // Abrupt forms (`<!-->`, `<!--->`) and `--!>` endings are left to the full parser.
      if (body.startsWith('<!-->', lt) || body.startsWith('<!--->', lt)) return null;
      const close = body.indexOf('-->', lt + 4);
      if (close < 0) return null;
      const bang = body.indexOf('--!>', lt + 4);
      if (bang >= 0 && bang < close) return null;
      if (!addText(pos, lt)) return null;
      current().childNodes!.push({ nodeName: '#comment', sourceCodeLocation: { startOffset: lt, endOffset: close + 3 } });
      pos = scan = close + 3;
      continue;
    }
    if (next === '/') {
      const name = match(TAG_NAME, body, lt + 2);
      if (!name) return null;
      const after = lt + 2 + name.length;
      const gt = after + match(WHITESPACE, body, after).length;
      if (body[gt] !== '>') return null;
      const tag = asciiLower(name);
      const open = current();
      if (open.tagName !== tag) return null;
      if (!addText(pos, lt)) return null;
      open.sourceCodeLocation.endOffset = gt + 1;
      open.sourceCodeLocation.endTag = { startOffset: lt, endOffset: gt + 1 };
      stack.pop();
      pos = scan = gt + 1;
      continue;
    }
    if (next === '?') return null;
    const name = match(TAG_NAME, body, lt + 1);
    if (!name) {
      // A `<` that starts no tag (`a < b`) is text.
      if (/[a-zA-Z]/.test(next)) return null;
      scan = lt + 1;
      continue;
    }
    const tag = asciiLower(name);
    // The tag's attributes, as the tokenizer reads them; unusual forms are left to the full parser.
    let at = lt + 1 + name.length;
    const attrs: { name: string; value: string }[] = [];
    let selfClosing = false;
    for (;;) {
      at += match(WHITESPACE, body, at).length;
      const c = body[at];
      if (c === undefined) return null;
      if (c === '>') break;
      if (c === '/') {
        if (body[at + 1] !== '>') return null;
        selfClosing = true;
        at += 1;
        break;
      }
      const attrName = match(ATTRIBUTE_NAME, body, at);
      if (!attrName) return null;
      at += attrName.length;
      let value = '';
      const beforeEquals = at + match(WHITESPACE, body, at).length;
      if (body[beforeEquals] === '=') {
        at = beforeEquals + 1;
        at += match(WHITESPACE, body, at).length;
        const quote = body[at];
        if (quote === '"' || quote === "'") {
          const end = body.indexOf(quote, at + 1);
          if (end < 0) return null;
          value = body.slice(at + 1, end);
          at = end + 1;
          // A quoted value must be followed by whitespace, `/` or `>`.
          if (!/[\t\n\f\r />]/.test(body[at] ?? '')) return null;
        } else {
          value = match(UNQUOTED_VALUE, body, at);
          if (!value) return null;
          at += value.length;
          if (!/[\t\n\f\r >]/.test(body[at] ?? '')) return null;
        }
      }
      const lower = asciiLower(attrName);
      // Values are kept undecoded: a character reference in one the split reads is left to the full parser.
      if (lower === 'class' && value.includes('&')) return null;
      if (!attrs.some((a) => a.name === lower)) attrs.push({ name: lower, value });
    }
    const tagEnd = at + 1;

    if (!startTagIsPlain(tag, stack, isOpen)) return null;
    if (selfClosing && !VOID.has(tag)) return null;
    if (!addText(pos, lt)) return null;
    // The stack holds the root, so its length is the new element's depth.
    if (stack.length > MAX_NESTING_DEPTH) throw nestedTooDeeplyAt(body, lt);
    const element: ScannedNode = { nodeName: tag, tagName: tag, attrs, childNodes: [], sourceCodeLocation: { startOffset: lt, endOffset: tagEnd } };
    current().childNodes!.push(element);
    pos = scan = tagEnd;
    if (VOID.has(tag)) continue;
    if (RAW_TEXT.has(tag)) {
      const end = rawTextEnd(body, tag, pos);
      if (end === null) return null;
      if (end.start > pos) element.childNodes!.push({ nodeName: '#text', sourceCodeLocation: { startOffset: pos, endOffset: end.start } });
      element.sourceCodeLocation.endOffset = end.end;
      element.sourceCodeLocation.endTag = { startOffset: end.start, endOffset: end.end };
      pos = scan = end.end;
      continue;
    }
    stack.push(element);
  }
  // Elements left open at the end are closed by the parser without an end tag: left to it.
  if (stack.length > 1) return null;
  return root.childNodes!;
}

/** Whether a start tag goes in as written, with no element closed, moved or reinterpreted. */
function startTagIsPlain(tag: string, stack: ScannedNode[], isOpen: (name: string) => boolean): boolean {
  const parent = stack[stack.length - 1]!;
  const parentTag = parent.tagName;
  // Inside a table, a section, a row or a column group only the right parts go in as written.
  if (parentTag && TABLE_CHILDREN[parentTag]) return TABLE_CHILDREN[parentTag].has(tag);
  // Elsewhere a table part is ignored or closes a cell; at the top it switches the whole fragment to table mode.
  if (TABLE_PARTS.has(tag)) return false;
  if (CLOSES_P.has(tag) && isOpen('p')) return false;
  if (HEADINGS.has(tag) && parentTag !== undefined && HEADINGS.has(parentTag)) return false;
  if (tag === 'li' || tag === 'dd' || tag === 'dt') {
    const closes = tag === 'li' ? ['li'] : ['dd', 'dt'];
    for (let i = stack.length - 1; i > 0; i--) {
      const open = stack[i]!.tagName!;
      if (closes.includes(open)) return false;
      if (SPECIAL.has(open) && open !== 'address' && open !== 'div' && open !== 'p') break;
    }
  }
  // A formatting element, a button or a form inside one of its kind is not nested as written.
  if ((FORMATTING.has(tag) || tag === 'button' || tag === 'form') && isOpen(tag)) return false;
  if (tag === 'table') return true;
  return FORMATTING.has(tag) || VOID.has(tag) || RAW_TEXT.has(tag) || ORDINARY.has(tag) || tag.includes('-');
}

/** Where a raw text element's content ends: its first `</name` followed by whitespace, `/` or `>`. */
function rawTextEnd(body: string, tag: string, from: number): { start: number; end: number } | null {
  const endTag = new RegExp(`</${tag}(?=[\\t\\n\\f\\r />])`, 'gi');
  endTag.lastIndex = from;
  const found = endTag.exec(body);
  if (!found) return null;
  const start = found.index;
  // A script holding `<!--` has escaped states that can hide its end tag.
  if (tag === 'script' && body.slice(from, start).includes('<!--')) return null;
  const after = start + found[0].length;
  const gt = after + match(WHITESPACE, body, after).length;
  if (body[gt] !== '>') return null;
  return { start, end: gt + 1 };
}

function asciiLower(name: string): string {
  return name.replace(/[A-Z]+/g, (upper) => upper.toLowerCase());
}
