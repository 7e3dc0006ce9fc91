// The array diff alone: the rest of the library loads with the screens that compare texts.
import { diffArrays } from 'diff/lib/diff/array.js';
import { domWindow, type DomWindow } from './dom.ts';
import { htmlTokens } from './kramdown/htmlTokens.ts';

/**
 * An edited block is serialised afresh, and a serialiser spells characters its own way (U+00A0 as
 * `&nbsp;`, `’` as itself). The page spelled them as its author did: `&nbsp;`, `&rsquo;`, `&#8217;`
 * or the character itself, text run by text run. So that a one-word edit changes one line of the
 * file, the fresh block's text is aligned with the block's source and every character the two share
 * is written as the source wrote it; a character typed anew takes the spelling its text run (or
 * else the block) used for it.
 */

interface Edit {
  start: number;
  end: number;
  text: string;
}

/** One character of text as written: what it means and how it is spelled. */
interface Spelled {
  char: string;
  spelling: string;
  /** The text token (run) it belongs to. */
  run: number;
  /** Offset of the spelling in the HTML. */
  start: number;
  /** Inside `<pre>`, where white space is text as written. */
  pre: boolean;
  /** White space alone between two tags (layout), not a space within text. */
  gap: boolean;
}

// A character reference ended by `;`, or one character (a whole code point).
const UNIT = /&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});|[\s\S]/gu;
// The same, with a run of white space as one unit.
const UNIT_OR_SPACE = /[ \t\n\f\r]+|&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});|[\s\S]/gu;
const SPACE = /^[ \t\n\f\r]+$/;
// Elements whose white space is text as written.
const PRE = new Set(['pre', 'listing']);
// Characters that mean markup when written as themselves in text: their fresh spelling stays.
const MARKUP_CHARS = new Set(['&', '<', '>']);
// The elements whose content's leading and trailing white space nobody sees.
const EDGE = '(?:p|li|dt|dd|td|th|h[1-6]|div|blockquote|figcaption|summary|caption)';
const EDGE_OPEN = new RegExp(`(?:<${EDGE}(?:[\\t\\n\\f\\r /][^<>]*)?>|<br\\b[^<>]*>)$`, 'i');
const EDGE_CLOSE = new RegExp(`^(?:</${EDGE}>|<br\\b)`, 'i');
const START_TAGS = /^(?:<[A-Za-z][^<>]*>)*/;
const END_TAGS = /(?:<\/[A-Za-z][A-Za-z0-9]*>)*$/;
// Beyond this many differences the texts are not the same text: the fresh spelling is kept.
const MAX_EDIT_LENGTH = 2_000;
const TIMEOUT_MS = 200;

const decoded = new Map<string, string | null>();
// A document of its own, with nothing to load or run, to read references in.
let inert: { window: DomWindow; document: Document } | null = null;

/** What a character reference means, or null when it is none (`&foo;` is text). */
function decodeReference(reference: string): string | null {
  let value = decoded.get(reference);
  if (value === undefined) {
    const win = domWindow();
    if (inert?.window !== win) inert = { window: win, document: win.document.implementation.createHTMLDocument('') };
    const element = inert.document.createElement('div');
    element.innerHTML = reference;
    const text = element.textContent ?? '';
    value = text === reference ? null : text;
    decoded.set(reference, value);
  }
  return value;
}

/**
 * The characters of the text of `html` (outside tags, comments and raw text elements), as spelled.
 * Outside `<pre>` a run of white space is one space to a browser, whichever way it is written.
 */
function spelledText(html: string): Spelled[] {
  const chars: Spelled[] = [];
  let pre = 0;
  htmlTokens(html).forEach((token, run) => {
    if ((token.kind === 'startTag' || token.kind === 'endTag') && PRE.has(token.name)) pre = Math.max(0, pre + (token.kind === 'startTag' ? 1 : -1));
    if (token.kind !== 'text' || token.rawIn !== null) return;
    const gap = !/[^ \t\n\f\r]/.test(html.slice(token.start, token.end));
    for (const match of html.slice(token.start, token.end).matchAll(pre > 0 ? UNIT : UNIT_OR_SPACE)) {
      const spelling = match[0];
      const start = token.start + match.index;
      const char = SPACE.test(spelling) ? ' ' : spelling.length > 2 && spelling.startsWith('&') ? decodeReference(spelling) : spelling;
      if (char === null) {
        let offset = start;
        for (const c of spelling) {
          chars.push({ char: c, spelling: c, run, start: offset, pre: pre > 0, gap });
          offset += c.length;
        }
      } else {
        chars.push({ char, spelling, run, start, pre: pre > 0, gap });
      }
    }
  });
  return chars;
}

/** Whether `spelling` may stand for `char` in fresh text: a reference always, the character itself unless it is markup. */
function safeSpelling(char: string, spelling: string): boolean {
  return spelling !== char || !MARKUP_CHARS.has(char);
}

/** The spellings `chars` use most for each character. */
function usualSpellings(chars: readonly Spelled[]): Map<string, string> {
  const counts = new Map<string, Map<string, number>>();
  for (const { char, spelling } of chars) {
    const byChar = counts.get(char) ?? new Map<string, number>();
    byChar.set(spelling, (byChar.get(spelling) ?? 0) + 1);
    counts.set(char, byChar);
  }
  const usual = new Map<string, string>();
  for (const [char, byChar] of counts) usual.set(char, [...byChar].sort((a, b) => b[1] - a[1])[0]![0]);
  return usual;
}

/**
 * `fresh` (a block serialised afresh) with the characters of its text spelled as `source` (the
 * block as it was read) spelled them. Markup and the order of things are not touched.
 */
export function respellLike(fresh: string, source: string): string {
  if (fresh === source) return fresh;
  // White space after the block is the gap to the next one: no typed space takes its spelling.
  const own = /\s$/.test(fresh) ? source : source.replace(/[ \t\n\f\r]+$/, '');
  return tagsLike(respellText(fresh, own), own);
}

function respellText(fresh: string, source: string): string {
  const before = spelledText(source);
  const after = spelledText(fresh);
  const changes = diffArrays(
    before.map((c) => c.char),
    after.map((c) => c.char),
    { maxEditLength: MAX_EDIT_LENGTH, timeout: TIMEOUT_MS },
  );
  if (!changes) return fresh;

  const blockUsual = usualSpellings(before);
  const runUsual = new Map<number, Map<string, string>>();
  const usualInRun = (run: number) => {
    let usual = runUsual.get(run);
    if (!usual) {
      usual = usualSpellings(before.filter((c) => c.run === run));
      runUsual.set(run, usual);
    }
    return usual;
  };

  // Each fresh character's spelling: the source's where the two align, else its run's usual one.
  const spellings: string[] = [];
  const inserts: Edit[] = [];
  let i = 0;
  let lastRun: number | null = null;
  changes.forEach((change, index) => {
    if (change.removed) {
      // Text typed at the edge comes after what the source had there.
      const next = changes[index + 1];
      const previous = after[spellings.length - 1 + (next?.added ? next.value.length : 0)];
      for (let k = 0; k < change.value.length; k++) {
        const at = before[i]!.char === ' ' && SPACE.test(before[i]!.spelling) && !before[i]!.pre ? keptSpaceAt(fresh, source, before[i]!, previous, after[spellings.length]) : null;
        if (at !== null && !inserts.some((edit) => edit.start === at)) inserts.push({ start: at, end: at, text: before[i]!.spelling });
        i++;
      }
      return;
    }
    for (let k = 0; k < change.value.length; k++) {
      const mine = after[spellings.length]!;
      if (!change.added) {
        const theirs = before[i++]!;
        lastRun = theirs.run;
        // A space within text never takes the spelling of layout white space between tags, nor the reverse.
        const sameKind = mine.char !== ' ' || mine.gap === theirs.gap;
        spellings.push(sameKind && safeSpelling(mine.char, theirs.spelling) ? theirs.spelling : mine.spelling);
        continue;
      }
      // White space typed anew is written as typed (a line break is no usual space).
      if (mine.char === ' ') {
        spellings.push(mine.spelling);
        continue;
      }
      const run = lastRun ?? before[i]?.run ?? null;
      const wanted = (run !== null ? usualInRun(run).get(mine.char) : undefined) ?? blockUsual.get(mine.char) ?? mine.spelling;
      spellings.push(safeSpelling(mine.char, wanted) ? wanted : mine.spelling);
    }
  });

  const edits = [...inserts];
  after.forEach((c, index) => {
    const spelling = spellings[index]!;
    if (spelling !== c.spelling) edits.push({ start: c.start, end: c.start + c.spelling.length, text: spelling });
  });
  if (edits.length === 0) return fresh;
  edits.sort((a, b) => a.start - b.start || a.end - b.end);
  const parts: string[] = [];
  let cursor = 0;
  for (const edit of edits) {
    parts.push(fresh.slice(cursor, edit.start), edit.text);
    cursor = edit.end;
  }
  parts.push(fresh.slice(cursor));
  return parts.join('');
}

/**
 * `fresh` with each start tag written as the source wrote a tag of the same name and attributes
 * (attribute order, quotes), so that an edit beside a link does not rewrite the link's tag. The
 * k-th such tag takes the k-th source spelling of it (or the first, when the source has fewer).
 */
function tagsLike(fresh: string, source: string): string {
  const spellings = new Map<string, string[]>();
  for (const token of htmlTokens(source)) {
    if (token.kind !== 'startTag') continue;
    const key = tagKey(token.name, token.attributes);
    if (key === null) continue;
    const list = spellings.get(key) ?? [];
    list.push(source.slice(token.start, token.end));
    spellings.set(key, list);
  }
  if (spellings.size === 0) return fresh;
  const seen = new Map<string, number>();
  const parts: string[] = [];
  let cursor = 0;
  for (const token of htmlTokens(fresh)) {
    if (token.kind !== 'startTag') continue;
    const key = tagKey(token.name, token.attributes);
    const list = key === null ? undefined : spellings.get(key);
    if (!list) continue;
    const count = seen.get(key!) ?? 0;
    seen.set(key!, count + 1);
    parts.push(fresh.slice(cursor, token.start), list[count] ?? list[0]!);
    cursor = token.end;
  }
  parts.push(fresh.slice(cursor));
  return parts.join('');
}

/**
 * What a start tag means: its name and its attributes with their values, in any order; null when a
 * value holds a `&` that is not a reference ended by `;` (a browser may read that otherwise than
 * text) or a name comes twice (a browser keeps only the first).
 */
function tagKey(name: string, attributes: readonly { name: string; value: string }[]): string | null {
  const pairs: string[] = [];
  const names = new Set<string>();
  for (const attribute of attributes) {
    if (names.has(attribute.name)) return null;
    names.add(attribute.name);
    let value = '';
    for (const match of attribute.value.matchAll(UNIT)) {
      const unit = match[0];
      if (unit === '&') return null;
      const char = unit.length > 2 && unit.startsWith('&') ? decodeReference(unit) : unit;
      if (char === null) return null;
      value += char;
    }
    pairs.push(JSON.stringify([attribute.name, value]));
  }
  return `${name} ${pairs.sort().join(' ')}`;
}

/**
 * Where in `fresh` to put back white space the source had at the edge of a paragraph, item, cell or
 * line (after its start tag or a `<br>`, before its end tag or a `<br>`), which the editor drops and
 * no reader sees; null when `fresh` has no such edge there.
 */
function keptSpaceAt(fresh: string, source: string, space: Spelled, previous: Spelled | undefined, next: Spelled | undefined): number | null {
  const end = space.start + space.spelling.length;
  if (next && EDGE_OPEN.test(source.slice(Math.max(0, space.start - 400), space.start))) {
    const openers = (START_TAGS.exec(source.slice(end, end + 400))?.[0].match(/</g) ?? []).length;
    const head = fresh.slice(Math.max(0, next.start - 400), next.start);
    const skipped = new RegExp(`(?:<[A-Za-z][^<>]*>){${openers}}$`).exec(head);
    if (skipped && EDGE_OPEN.test(head.slice(0, skipped.index))) return next.start - skipped[0].length;
  }
  if (previous && EDGE_CLOSE.test(source.slice(end, end + 40))) {
    const closers = (END_TAGS.exec(source.slice(Math.max(0, space.start - 400), space.start))?.[0] ?? '').match(/</g)?.length ?? 0;
    const from = previous.start + previous.spelling.length;
    const skipped = new RegExp(`^(?:</[A-Za-z][A-Za-z0-9]*>){${closers}}`).exec(fresh.slice(from, from + 400));
    if (skipped && EDGE_CLOSE.test(fresh.slice(from + skipped[0].length, from + skipped[0].length + 40))) return from + skipped[0].length;
  }
  return null;
}