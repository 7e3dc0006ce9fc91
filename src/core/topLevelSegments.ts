import { domDocument } from './dom.ts';
import { checkNestingDepth } from './nestingDepth.ts';
import { scanStrictHtml } from './strictHtmlScanner.ts';

/** A run of the body source that becomes one top-level block (or a raw block). */
export interface TopLevelSegment {
  kind: 'element' | 'inline' | 'comment';
  /** The block's own source text, without the whitespace around it. */
  html: string;
  /** The whitespace that follows it, up to the next segment. */
  after: string;
  /** Offset of `html` in the body, for line numbers in reports. */
  start: number;
  /** Index of the segment's (first) node among the top-level nodes of the parsed body. */
  node: number;
}

export interface SegmentedBody {
  leading: string;
  segments: TopLevelSegment[];
  /** The top-level nodes of the parsed body by name (`#text`, `#comment`, or the tag name). */
  topLevel: string[];
  /**
   * True when every element segment parses to the same tree alone as within the whole body (no
   * formatting element carried over from an earlier block, nothing moved across blocks, no `<p>`
   * closed by a `<table>`, which a quirks-mode parser would not close). Then one parse of the whole
   * body serves for all its blocks.
   */
  selfContained: boolean;
}

// Elements that stand on their own at the top level; anything else is inline and joins its neighbours.
const BLOCK_TAGS = new Set(
  (
    'address article aside blockquote center details dialog dd div dl dt fieldset figcaption figure footer ' +
    'form h1 h2 h3 h4 h5 h6 header hgroup hr li main nav ol p pre section table ul iframe style script ' +
    'link meta noscript template video audio object embed canvas svg math menu summary'
  ).split(' '),
);

export interface LocatedNode {
  nodeName: string;
  tagName?: string;
  value?: string;
  attrs?: { name: string; value: string }[];
  childNodes?: LocatedNode[];
  /** A `<template>`'s content. */
  content?: LocatedNode;
  sourceCodeLocation?: { startOffset: number; endOffset: number; endTag?: unknown } | null;
}

/** A full HTML5 parser's located top-level nodes of a body (`parseFragment` with source locations). */
export type FullParser = (body: string) => LocatedNode[];

// Most bodies are well-formed and split with the strict scanner; the full parser (parse5, a large
// download) is for the rest. Node registers it up front; the browser loads it on demand.
let fullParser: FullParser | null = null;
let loadingFullParser: Promise<void> | null = null;
let scannerEnabled = true;

/** Registers the full parser (Node, at start); null takes it away again (tests of the browser path). */
export function setFullParser(parser: FullParser | null): void {
  fullParser = parser;
  loadingFullParser = null;
}

/** Loads the full parser (once). Whoever may split a body it could need must await this first. */
export function loadFullParser(): Promise<void> {
  if (fullParser) return Promise.resolve();
  loadingFullParser ??= import('parse5').then(({ parseFragment }) => {
    fullParser = (body) => (parseFragment(body, { sourceCodeLocationInfo: true }) as unknown as { childNodes: LocatedNode[] }).childNodes;
  });
  return loadingFullParser;
}

/** Thrown by a split that needs the full parser before it is loaded: never a guess instead. */
export class FullParserNotLoaded extends Error {
  constructor() {
    super('This body needs the full HTML parser, which is not loaded yet: await loadFullParser() and try again.');
    this.name = 'FullParserNotLoaded';
  }
}

/** For tests: split every body with the full parser only. */
export function useStrictScanner(enabled: boolean): void {
  scannerEnabled = enabled;
  last = null;
}

// The last body split, for a caller that splits the same body again right after (a markdown import).
let last: { body: string; result: SegmentedBody } | null = null;

/**
 * Splits an HTML body into its top-level blocks with their exact source text, as an HTML5 parser
 * sees them, so that a block nobody edited can be written back byte for byte.
 */
export function splitTopLevel(body: string): SegmentedBody {
  if (last?.body !== body) {
    const scanned = topLevelNodes(body);
    last = { body, result: scanned ? split(body, scanned, true) : split(body, parseTopLevel(body)) };
  }
  return last.result;
}

/** The split of `body` by the full parser alone, for tests that compare it with the scanner's. */
export function splitTopLevelWithFullParser(body: string): SegmentedBody {
  if (!fullParser) throw new Error('The full HTML parser is not loaded.');
  return split(body, parsedWithFullParser(body, fullParser));
}

/** The split of `body` by the strict scanner alone, or null where it is not sure. */
export function splitTopLevelWithScanner(body: string): SegmentedBody | null {
  const nodes = scanStrictHtml(body);
  return nodes ? split(body, nodes, true) : null;
}

/** The full parser's top-level nodes of `body`; throws `NestedTooDeeply` for a body nested too deeply. */
function parseTopLevel(body: string): LocatedNode[] {
  if (!fullParser) throw new FullParserNotLoaded();
  return parsedWithFullParser(body, fullParser);
}

/** The full parser's top-level nodes of `body`; throws `NestedTooDeeply` for a body nested too deeply. */
function parsedWithFullParser(body: string, parser: FullParser): LocatedNode[] {
  const nodes = parser(body);
  checkNestingDepth(body, nodes);
  return nodes;
}

/** The scanner's top-level nodes of `body`, when it is sure of them and a DOM at hand agrees. */
function topLevelNodes(body: string): LocatedNode[] | null {
  if (!scannerEnabled) return null;
  const nodes = scanStrictHtml(body);
  return nodes && agreesWithDom(body, nodes) ? nodes : null;
}

/**
 * In a browser, a check of the scanner against the browser's own parser: the same top-level nodes. A
 * `<template>`'s content is parsed as a fragment is (not run, nothing loaded). Node tests compare the
 * scanner with the full parser instead.
 */
function agreesWithDom(body: string, nodes: LocatedNode[]): boolean {
  if (typeof window === 'undefined' || /jsdom/i.test(window.navigator.userAgent)) return true;
  const template = domDocument().createElement('template');
  template.innerHTML = body;
  const children = template.content.childNodes;
  if (children.length !== nodes.length) return false;
  for (let i = 0; i < nodes.length; i++) {
    const child = children[i]!;
    const name = child.nodeType === 1 ? (child as Element).localName : child.nodeName;
    if (name !== (nodes[i]!.tagName ?? nodes[i]!.nodeName)) return false;
  }
  return true;
}

/**
 * The segments of `body` from its located top-level nodes. `scanned`: the strict scanner built them, so
 * every element has its end tag and lies within its own source (it gives up on anything else), and the
 * walks over the whole tree that look for a parser's surprises are skipped.
 */
function split(body: string, childNodes: LocatedNode[], scanned = false): SegmentedBody {
  const fragment = { childNodes };
  const segments: TopLevelSegment[] = [];
  let leading = '';
  let cursor = 0;
  let inlineStart = -1;
  let inlineNode = -1;
  let selfContained = !startsWithTablePart(fragment.childNodes) && (scanned || !hasQuirksSensitiveTable(fragment.childNodes));

  const closeInline = (end: number) => {
    if (inlineStart < 0) return;
    const raw = body.slice(inlineStart, end);
    const html = raw.trimEnd();
    segments.push({ kind: 'inline', html, after: raw.slice(html.length), start: inlineStart, node: inlineNode });
    inlineStart = -1;
  };
  const addWhitespace = (end: number) => {
    const text = body.slice(cursor, end);
    const last = segments[segments.length - 1];
    if (last) last.after += text;
    else leading += text;
  };

  fragment.childNodes.forEach((node, index) => {
    const loc = node.sourceCodeLocation;
    if (!loc) {
      selfContained = false;
      return;
    }
    const { startOffset, endOffset } = loc;
    // Nodes out of source order were moved by the parser (text fostered out of a table).
    if (startOffset < cursor) selfContained = false;
    const isWhitespaceText = node.nodeName === '#text' && /^\s*$/.test(body.slice(startOffset, endOffset));
    const isBlock = node.tagName !== undefined && (BLOCK_TAGS.has(node.tagName) || isBlockLink(node));
    const isComment = node.nodeName === '#comment';

    if (isWhitespaceText && inlineStart < 0) {
      addWhitespace(endOffset);
    } else if (isBlock || isComment) {
      if (inlineStart >= 0) closeInline(startOffset);
      else addWhitespace(startOffset);
      segments.push({
        kind: isComment ? 'comment' : 'element',
        html: body.slice(startOffset, endOffset),
        after: '',
        start: startOffset,
        node: index,
      });
      if (isBlock && selfContained && !scanned && !parsedWithin(node, startOffset, endOffset)) selfContained = false;
    } else if (inlineStart < 0) {
      // Whitespace before the first inline node belongs between blocks, not to the inline run.
      const text = body.slice(startOffset, endOffset);
      const start = node.nodeName === '#text' ? startOffset + (text.length - text.trimStart().length) : startOffset;
      addWhitespace(start);
      inlineStart = start;
      inlineNode = index;
    }
    cursor = endOffset;
  });
  closeInline(body.length);
  // A parser may stop early on broken input (e.g. an unclosed comment); the rest is kept as it was.
  if (cursor < body.length && inlineStart < 0) addWhitespace(body.length);
  const topLevel = fragment.childNodes.map((node) => node.tagName ?? node.nodeName);
  return { leading, segments, topLevel, selfContained };
}

// Elements a table implies where its markup leaves them out: they have no location of their own.
const IMPLIED_TABLE_PARTS = new Set(['tbody', 'tr', 'colgroup']);

/**
 * Whether every node under `node` came from the source between `start` and `end`: a node from
 * elsewhere (a formatting element reopened from an earlier block) has no location or one outside.
 */
function parsedWithin(node: LocatedNode, start: number, end: number): boolean {
  const pending = [node];
  while (pending.length > 0) {
    const next = pending.pop()!;
    const loc = next.sourceCodeLocation;
    if (!loc ? !IMPLIED_TABLE_PARTS.has(next.tagName ?? '') : loc.startOffset < start || loc.endOffset > end) return false;
    for (const child of next.childNodes ?? []) pending.push(child);
    for (const child of next.content?.childNodes ?? []) pending.push(child);
  }
  return true;
}

// A fragment that starts with a table part is parsed in table mode to its end (a body never is).
const TABLE_PARTS = new Set(['caption', 'colgroup', 'col', 'tbody', 'tfoot', 'thead', 'tr', 'td', 'th']);

function startsWithTablePart(nodes: LocatedNode[]): boolean {
  const first = nodes.find((node) => node.tagName !== undefined);
  return first !== undefined && TABLE_PARTS.has(first.tagName!);
}

/** A `<p>` left open before a `<table>`: closed by it here, but not by a parser in quirks mode. */
function hasQuirksSensitiveTable(nodes: LocatedNode[]): boolean {
  // Each list of siblings in turn, without recursion: a body may nest deeply.
  const lists = [nodes];
  while (lists.length > 0) {
    let previous: LocatedNode | undefined;
    for (const node of lists.pop()!) {
      if (node.tagName === 'table' && previous?.tagName === 'p' && !previous.sourceCodeLocation?.endTag) return true;
      if (node.childNodes) lists.push(node.childNodes);
      if (node.content?.childNodes) lists.push(node.content.childNodes);
      previous = node;
    }
  }
  return false;
}

/** A link that wraps a block (a linked Isomer image) stands on its own, like a block. */
function isBlockLink(node: LocatedNode): boolean {
  if (node.tagName !== 'a') return false;
  const classes = (node.attrs?.find((a) => a.name === 'class')?.value ?? '').split(/\s+/);
  return classes.includes('isomer-image-wrapper');
}
