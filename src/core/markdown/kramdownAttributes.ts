import type MarkdownIt from 'markdown-it';
import type { StateCore, StateInline, Token } from 'markdown-it';

/** One attribute list, e.g. `{:target="_blank"}` or `{: .note #intro}`. */
export interface AttributeList {
  /** The list as written. */
  text: string;
  /** `key="value"` pairs, `.class` (as class) and `#id` (as id), in the order written. */
  attributes: [string, string][];
  /** Names of attribute definitions it refers to (`{: note}`), which this converter does not know. */
  references: string[];
}

/** What the plugin did, for the report; `line` is 0-based in the parsed source. */
export interface AttributeListEvent {
  kind: 'resolved' | 'removed';
  line: number;
  message: string;
  snippet: string;
  /** While parsing: the inline source and offset the event came from, to find its line. */
  at?: { src: string; offset: number };
}

export interface AttributeListEnv {
  attributeListEvents?: AttributeListEvent[];
}

// `{:` then attributes (quoted values may hold `}`), then `}`. `{::` starts a kramdown extension, not a list.
const ATTRIBUTE_LIST = /^\{:(?!:)[ \t]*((?:[^}"'\n]|"[^"\n]*"|'[^'\n]*')*)\}/;
const PART = /\.([\w-]+)|#([\w-]+)|([A-Za-z_:][\w:.-]*)=(?:"([^"]*)"|'([^']*)')|([A-Za-z_][\w-]*)|(\S+)/g;

/** Reads `{:…}` at the start of `text`; null when it is not an attribute list. */
export function readAttributeList(text: string): AttributeList | null {
  const match = ATTRIBUTE_LIST.exec(text);
  if (!match) return null;
  const attributes: [string, string][] = [];
  const references: string[] = [];
  const classes: string[] = [];
  for (const part of match[1]!.matchAll(PART)) {
    if (part[1] !== undefined) classes.push(part[1]);
    else if (part[2] !== undefined) attributes.push(['id', part[2]]);
    else if (part[3] !== undefined) attributes.push([part[3].toLowerCase(), part[4] ?? part[5] ?? '']);
    else if (part[6] !== undefined) references.push(part[6]);
    else return null;
  }
  if (classes.length > 0) attributes.unshift(['class', classes.join(' ')]);
  return { text: match[0], attributes, references };
}

// Block attributes that make sense on any block; anything else on a block is dropped and reported.
const BLOCK_ATTRIBUTES = new Set(['class', 'id', 'style', 'title', 'lang', 'dir']);

/**
 * kramdown attribute lists (IALs). A list right after a link, image or code span applies to it and
 * leaves the text; `target="_blank"` also gets `rel="noopener noreferrer"`. A list on its own line at the
 * end of a paragraph applies to that paragraph; a list standing alone applies to the block right above
 * it (or, after a blank line, to the next block). Lists that cannot apply anywhere are dropped and reported.
 */
export function kramdownAttributes(md: MarkdownIt): void {
  md.inline.ruler.after('text', 'kramdown_attribute_list', spanAttributeList);
  md.core.ruler.after('inline', 'kramdown_block_attribute_list', blockAttributeLists);
}

function events(env: AttributeListEnv): AttributeListEvent[] {
  env.attributeListEvents ??= [];
  return env.attributeListEvents;
}

function spanAttributeList(state: StateInline, silent: boolean): boolean {
  if (silent || state.src.charCodeAt(state.pos) !== 0x7b /* { */) return false;
  const list = readAttributeList(state.src.slice(state.pos, state.posMax));
  if (!list) return false;
  const end = state.pos + list.text.length;
  const previous = state.pending === '' ? state.tokens[state.tokens.length - 1] : undefined;
  const restOfLine = state.src.slice(end, state.posMax);
  const alone = (!previous || previous.type === 'softbreak') && /^[ \t]*(?:\n|$)/.test(restOfLine);

  const target = previous ? spanTarget(state.tokens, previous) : null;
  if (target) {
    applyToSpan(target, list, state.env as AttributeListEnv, { src: state.src, offset: state.pos });
  } else if (alone) {
    // A list on its own line: the block it belongs to is decided once the whole document is parsed.
    const marker = state.push('kramdown_block_ial', '', 0);
    marker.meta = { list, line: state.src.slice(0, state.pos).match(/\n/g)?.length ?? 0 };
    if (previous?.type === 'softbreak') state.tokens.splice(state.tokens.indexOf(previous), 1);
  } else {
    return false;
  }
  state.pos = end;
  return true;
}

/** The token a span attribute list right after `previous` applies to. */
function spanTarget(tokens: Token[], previous: Token): Token | null {
  if (previous.type === 'image' || previous.type === 'code_inline') return previous;
  if (previous.type === 'link_close') {
    for (let i = tokens.length - 2; i >= 0; i--) {
      const token = tokens[i]!;
      if (token.type === 'link_open' && token.level === previous.level) return token;
    }
  }
  return null;
}

function applyToSpan(token: Token, list: AttributeList, env: AttributeListEnv, at: { src: string; offset: number }): void {
  const applied: string[] = [];
  for (const [name, value] of list.attributes) {
    if (name.startsWith('on')) {
      events(env).push({ kind: 'removed', line: -1, at, message: `Removed the ${name} attribute of a kramdown attribute list.`, snippet: list.text });
      continue;
    }
    if (name === 'class') {
      const existing = token.attrGet('class');
      token.attrSet('class', existing ? `${existing} ${value}` : value);
    } else {
      token.attrSet(name, value);
    }
    applied.push(`${name}="${value}"`);
  }
  if (token.attrGet('target') === '_blank' && token.attrGet('rel') === null) {
    token.attrSet('rel', 'noopener noreferrer');
    applied.push('rel="noopener noreferrer"');
  }
  const what = token.type === 'link_open' ? 'link' : token.type === 'image' ? 'image' : 'code';
  events(env).push({
    kind: 'resolved',
    line: -1,
    at,
    message: `Applied the kramdown attribute list to the ${what} before it (${applied.join(' ') || 'no attributes'}).`,
    snippet: list.text,
  });
  if (list.references.length > 0) {
    events(env).push({
      kind: 'removed',
      line: -1,
      at,
      message: `Dropped the reference to the attribute definition ${list.references.join(', ')}: it is not defined on the page.`,
      snippet: list.text,
    });
  }
}

/** Moves block attribute lists onto their blocks and fills in report lines. */
function blockAttributeLists(state: StateCore): void {
  const env = state.env as AttributeListEnv;
  const tokens = state.tokens;
  // Span events were recorded while the inline tokens were parsed, in order: give each its line.
  const pending = events(env).filter((e) => e.at !== undefined);
  let cursor = 0;
  const placeLines = (inline: Token) => {
    while (cursor < pending.length && pending[cursor]!.at!.src === inline.content) {
      const event = pending[cursor++]!;
      const before = inline.content.slice(0, event.at!.offset);
      event.line = (inline.map?.[0] ?? 0) + (before.match(/\n/g)?.length ?? 0);
      delete event.at;
    }
  };

  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    if (token.type !== 'inline') continue;
    placeLines(token);
    const children = token.children ?? [];
    const markers = children.filter((c) => c.type === 'kramdown_block_ial');
    if (markers.length === 0) continue;
    token.children = children.filter((c) => c.type !== 'kramdown_block_ial');
    const open = tokens[i - 1];
    const close = tokens[i + 1];
    const onlyMarkers = token.children.every((c) => c.type === 'softbreak' || (c.type === 'text' && c.content.trim() === ''));

    for (const marker of markers) {
      const { list, line: lineInBlock } = marker.meta as { list: AttributeList; line: number };
      const line = (token.map?.[0] ?? 0) + lineInBlock;
      let block: Token | undefined;
      if (!onlyMarkers) {
        block = open;
      } else if (open?.type === 'paragraph_open') {
        // A paragraph made only of the list: it applies to the block right above (no blank line between)
        // or else to the next block.
        block = adjacentBlockAbove(tokens, i - 1) ?? nextBlockOpen(tokens, i + 2);
      }
      applyToBlock(block, list, line, env);
    }
    if (onlyMarkers && open?.type === 'paragraph_open' && close?.type === 'paragraph_close') {
      tokens.splice(i - 1, 3);
      i -= 2;
    }
  }
  for (const event of pending.slice(cursor)) {
    event.line = 0;
    delete event.at;
  }
}

function adjacentBlockAbove(tokens: Token[], openIndex: number): Token | undefined {
  const open = tokens[openIndex]!;
  const previousClose = tokens[openIndex - 1];
  if (!previousClose || previousClose.nesting !== -1 || previousClose.level !== open.level) return undefined;
  for (let j = openIndex - 2; j >= 0; j--) {
    const candidate = tokens[j]!;
    if (candidate.nesting === 1 && candidate.level === open.level) {
      return candidate.map && open.map && candidate.map[1] === open.map[0] ? candidate : undefined;
    }
  }
  return undefined;
}

function nextBlockOpen(tokens: Token[], from: number): Token | undefined {
  const next = tokens[from];
  return next && next.nesting === 1 ? next : undefined;
}

function applyToBlock(block: Token | undefined, list: AttributeList, line: number, env: AttributeListEnv): void {
  if (!block) {
    events(env).push({ kind: 'removed', line, message: 'Dropped a kramdown attribute list that belongs to no block.', snippet: list.text });
    return;
  }
  const applied: string[] = [];
  const dropped: string[] = [];
  for (const [name, value] of list.attributes) {
    if (!BLOCK_ATTRIBUTES.has(name)) {
      dropped.push(name);
      continue;
    }
    if (name === 'class') {
      const existing = block.attrGet('class');
      block.attrSet('class', existing ? `${existing} ${value}` : value);
    } else {
      block.attrSet(name, value);
    }
    applied.push(`${name}="${value}"`);
  }
  dropped.push(...list.references);
  if (applied.length > 0) {
    events(env).push({ kind: 'resolved', line, message: `Applied the kramdown attribute list to the <${block.tag}> (${applied.join(' ')}).`, snippet: list.text });
  }
  if (dropped.length > 0) {
    events(env).push({ kind: 'removed', line, message: `Dropped ${dropped.join(', ')} from a kramdown attribute list: it has no meaning on a <${block.tag}>.`, snippet: list.text });
  }
}
