import type MarkdownIt from 'markdown-it';
import type { StateCore, Token } from 'markdown-it';

/**
 * The typography Jekyll's kramdown gives markdown text: straight quotes become curly ones, `--` and
 * `---` dashes, `...` an ellipsis, `<<` and `>>` guillemets. With Jekyll's `entity_output: as_char`
 * kramdown publishes the characters themselves, so a converted page holds them as characters too: it
 * reads and publishes as the markdown page did. The rules are kramdown's own (its smart-quote rules,
 * in its order), applied to each text of a paragraph, heading or cell as kramdown's span parser meets
 * it: a text that follows other markup (emphasis, a link, an entity) has no character before it.
 */
export function kramdownTypography(md: MarkdownIt): void {
  md.core.ruler.before('text_join', 'kramdown_typography', (state: StateCore) => {
    for (const token of state.tokens) {
      if (token.type === 'inline' && token.children) typesetChildren(token.children);
    }
  });
}

/** Marks a text token that kramdown publishes exactly as written (markup it reads as text). */
export function markWrittenAsIs(token: Token): void {
  token.meta = { ...(token.meta as object | null), kramdownAsWritten: true };
}

function typesetChildren(children: Token[]): void {
  children.forEach((token, index) => {
    if (token.type !== 'text' || (token.meta as { kramdownAsWritten?: boolean } | null)?.kramdownAsWritten) return;
    const previous = children[index - 1];
    const lead = previous && (previous.type === 'softbreak') ? '\n' : '';
    token.content = typeset(token.content, lead, nextSource(children[index + 1]));
  });
}

/** The first character kramdown sees after a text: the start of the markup that follows it. */
function nextSource(token: Token | undefined): string {
  if (!token) return '';
  switch (token.type) {
    case 'softbreak':
    case 'hardbreak':
      return '\n';
    case 'link_open':
      return '[';
    case 'link_close':
      return ']';
    case 'image':
      return '!';
    case 'code_inline':
      return '`';
    case 'html_inline':
      return '<';
    case 'text_special':
      return token.markup.startsWith('&') ? '&' : '\\';
    default:
      return token.markup.slice(0, 1);
  }
}

const LSQUO = '\u2018';
const RSQUO = '\u2019';
const LDQUO = '\u201c';
const RDQUO = '\u201d';
const NBSP = '\u00a0';
const SYMBOLS: [string, string][] = [
  ['---', '\u2014'],
  ['--', '\u2013'],
  ['...', '\u2026'],
  ['<< ', `\u00ab${NBSP}`],
  [' >>', `${NBSP}\u00bb`],
  ['<<', '\u00ab'],
  ['>>', '\u00bb'],
];

// kramdown's smart-quote rules (Ruby: `\s` and `\w` are ASCII, `$` ends a line), tried in order at
// the place its span parser stopped: a quote, or the character before one.
const PUNCT = `[!"#$%'()*+,\\-./:;<=>?@\\[\\\\\\]^_\`{|}~]`;
const CLOSE = `[^ \\\\\\t\\r\\n\\[{(-]`;
const S = '[ \\t\\r\\n\\f\\v]';
const W = '[A-Za-z0-9_]';
type Quote = 'left' | 'right';
interface QuoteRule {
  pattern: RegExp;
  /** Group of the text kept before the quotes, if any. */
  lead?: number;
  /** Each quote written: its side, and the group holding its character (or the character). */
  quotes: [Quote, number | string][];
}
const QUOTE_RULES: QuoteRule[] = [
  { pattern: /("|')(?=[_*]{1,2}[^ \t\r\n\f\v])/y, quotes: [['left', 1]] },
  // (After the punctuation, `\B`: see `noBoundaryAfterPunctuation`.)
  { pattern: new RegExp(`("|')(?=${PUNCT}(?!\\.\\.))`, 'y'), quotes: [['right', 1]] },
  { pattern: new RegExp(`(${S}?)"'(?=${W})`, 'y'), lead: 1, quotes: [['left', '"'], ['left', "'"]] },
  { pattern: new RegExp(`(${S}?)'"(?=${W})`, 'y'), lead: 1, quotes: [['left', "'"], ['left', '"']] },
  { pattern: new RegExp(`(${S}?)'(?=\\d\\ds)`, 'y'), lead: 1, quotes: [['right', "'"]] },
  { pattern: new RegExp(`(${S})('|")(?=${W})`, 'y'), lead: 1, quotes: [['left', 2]] },
  { pattern: new RegExp(`(${CLOSE})('|")`, 'y'), lead: 1, quotes: [['right', 2]] },
  { pattern: new RegExp(`("|')(?=${S}|s(?![\\p{L}\\p{M}\\p{N}_])|$)`, 'yu'), quotes: [['right', 1]] },
  { pattern: /([\s\S]?)'/y, lead: 1, quotes: [['left', "'"]] },
  { pattern: /([\s\S]?)"/y, lead: 1, quotes: [['left', '"']] },
];
const WORD_CHAR = /[\p{L}\p{M}\p{N}_]/u;

function curly(side: Quote, quote: string): string {
  if (quote === '"') return side === 'left' ? LDQUO : RDQUO;
  return side === 'left' ? LSQUO : RSQUO;
}

/**
 * `text` as kramdown publishes it. `lead`: what kramdown read just before it in the same text (a line
 * break), `next`: the first character of the markup after it, which its rules look ahead to.
 */
export function typeset(text: string, lead = '', next = ''): string {
  if (!/["'.<>-]/.test(text)) return text;
  const s = lead + text + next;
  const end = lead.length + text.length;
  let out = '';
  let pos = 0;
  while (pos < end) {
    const at = nextStart(s, pos, end);
    if (at === -1) break;
    out += s.slice(pos, at);
    pos = at;
    const quoted = isQuote(s[at]) || (s[at] !== '\\' && isQuote(s[at + 1]) && at + 1 < end);
    if (quoted) {
      const rule = QUOTE_RULES.find((r, index) => {
        r.pattern.lastIndex = at;
        const match = r.pattern.exec(s);
        return match !== null && (index !== 1 || noBoundaryAfterPunctuation(s, at + 2));
      })!;
      rule.pattern.lastIndex = at;
      const match = rule.pattern.exec(s)!;
      if (rule.lead !== undefined) out += match[rule.lead];
      for (const [side, quote] of rule.quotes) out += curly(side, typeof quote === 'number' ? match[quote]! : quote);
      pos = at + match[0].length;
      continue;
    }
    const [sequence, character] = SYMBOLS.find(([sequence]) => s.startsWith(sequence, at))!;
    out += character;
    pos = at + sequence.length;
  }
  out += s.slice(pos);
  return out.slice(lead.length, out.length - next.length);
}

function isQuote(c: string | undefined): boolean {
  return c === '"' || c === "'";
}

/** Where kramdown's span parser next stops in `s` from `pos`: a quote or the character before one, or a symbol. */
function nextStart(s: string, pos: number, end: number): number {
  for (let i = pos; i < end; i++) {
    if (isQuote(s[i]) || (s[i] !== '\\' && i + 1 < end && isQuote(s[i + 1]))) return i;
    if (SYMBOLS.some(([sequence]) => s.startsWith(sequence, i) && i + sequence.length <= end)) return i;
  }
  return -1;
}

/** Ruby's `\B` after the punctuation character before `at` (Unicode word characters, `_` among them). */
function noBoundaryAfterPunctuation(s: string, at: number): boolean {
  const word = (c: string | undefined) => c !== undefined && WORD_CHAR.test(c);
  return word(s[at - 1]) === word(s[at]);
}
