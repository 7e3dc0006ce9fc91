import { parseFragment } from 'parse5';

/** A run of the body source that becomes one top-level block (or a raw block). */
export interface TopLevelSegment {
  kind: 'element' | 'inline' | 'comment';
  /** The block's own source text, without the whitespace around it. */
  html: string;
  /** The whitespace that follows it, up to the next segment. */
  after: string;
  /** Offset of `html` in the body, for line numbers in reports. */
  start: number;
}

export interface SegmentedBody {
  leading: string;
  segments: TopLevelSegment[];
}

// Elements that stand on their own at the top level; anything else is inline and joins its neighbours.
const BLOCK_TAGS = new Set(
  (
    'address article aside blockquote center details dialog dd div dl dt fieldset figcaption figure footer ' +
    'form h1 h2 h3 h4 h5 h6 header hgroup hr li main nav ol p pre section table ul iframe style script ' +
    'link meta noscript template video audio object embed canvas svg math menu summary'
  ).split(' '),
);

interface LocatedNode {
  nodeName: string;
  tagName?: string;
  value?: string;
  attrs?: { name: string; value: string }[];
  sourceCodeLocation?: { startOffset: number; endOffset: number } | null;
}

/**
 * Splits an HTML body into its top-level blocks with their exact source text, as an HTML5 parser
 * sees them, so that a block nobody edited can be written back byte for byte.
 */
export function splitTopLevel(body: string): SegmentedBody {
  const fragment = parseFragment(body, { sourceCodeLocationInfo: true }) as unknown as {
    childNodes: LocatedNode[];
  };
  const segments: TopLevelSegment[] = [];
  let leading = '';
  let cursor = 0;
  let inlineStart = -1;

  const closeInline = (end: number) => {
    if (inlineStart < 0) return;
    const raw = body.slice(inlineStart, end);
    const html = raw.trimEnd();
    segments.push({ kind: 'inline', html, after: raw.slice(html.length), start: inlineStart });
    inlineStart = -1;
  };
  const addWhitespace = (end: number) => {
    const text = body.slice(cursor, end);
    const last = segments[segments.length - 1];
    if (last) last.after += text;
    else leading += text;
  };

  for (const node of fragment.childNodes) {
    const loc = node.sourceCodeLocation;
    if (!loc) continue;
    const { startOffset, endOffset } = loc;
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
      });
    } else if (inlineStart < 0) {
      // Whitespace before the first inline node belongs between blocks, not to the inline run.
      const text = body.slice(startOffset, endOffset);
      const start = node.nodeName === '#text' ? startOffset + (text.length - text.trimStart().length) : startOffset;
      addWhitespace(start);
      inlineStart = start;
    }
    cursor = endOffset;
  }
  closeInline(body.length);
  // A parser may stop early on broken input (e.g. an unclosed comment); the rest is kept as it was.
  if (cursor < body.length && inlineStart < 0) addWhitespace(body.length);
  return { leading, segments };
}

/** A link that wraps a block (a linked Isomer image) stands on its own, like a block. */
function isBlockLink(node: LocatedNode): boolean {
  if (node.tagName !== 'a') return false;
  const classes = (node.attrs?.find((a) => a.name === 'class')?.value ?? '').split(/\s+/);
  return classes.includes('isomer-image-wrapper');
}
