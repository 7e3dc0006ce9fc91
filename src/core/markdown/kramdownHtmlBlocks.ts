import type MarkdownIt from 'markdown-it';
import type { StateBlock } from 'markdown-it';
import { SPAN_ELEMENTS, commentEnd, contentModel, elementEnd, readCloseTag, readStartTag, type StartTag } from './kramdownHtml.ts';

/** What the rule did that the report should say; `line` is 0-based in the parsed source. */
export interface HtmlBlockEvent {
  kind: 'resolved' | 'keptRaw';
  line: number;
  message: string;
  snippet: string;
}

export interface HtmlBlockEnv {
  /**
   * Where a block element (or the start tag of one whose content is markdown) ends with more text on its
   * line. kramdown starts a new block there; the caller breaks the line, starting the new one with
   * `prefix` (the quote markers and indentation that keep it in the same list item or quote), and
   * parses again.
   */
  htmlLineBreaks?: { offset: number; prefix: string }[];
  htmlBlockEvents?: HtmlBlockEvent[];
  /** Where the source's last `-->` starts: a comment opened after it is never closed (found without a scan). */
  lastCommentClose?: number;
}

export interface HtmlBlockOptions {
  /** Comments that stand for blocks of their own (placeholders), which end a paragraph as a block does. */
  blockComment?: RegExp;
}

// kramdown ends a paragraph at a line starting with the tag of an element that is not span-level (or script).
const NOT_BLOCK_START = new RegExp(`^(?:${[...SPAN_ELEMENTS, 'script'].join('|')})\\b`);
const TAG_NAME = /^<([A-Za-z_:][\w:.-]*)/;

/**
 * Block HTML as kramdown reads it (CommonMark's HTML blocks replaced): a block element starting a line
 * runs to its own closing tag, blank lines and nested elements included, and what follows that tag is
 * markdown; its content stays as written unless `markdown="1"` (or `"block"`, `"span"`) asks for markdown.
 * Span-level elements at a line start begin a paragraph. A comment at a line start is a block of its own.
 */
export function kramdownHtmlBlocks(md: MarkdownIt, options: HtmlBlockOptions = {}): void {
  const rule = (state: StateBlock, startLine: number, endLine: number, silent: boolean) => htmlBlock(state, startLine, endLine, silent, options);
  md.block.ruler.at('html_block', rule, { alt: ['paragraph', 'reference', 'blockquote', 'list'] });
}

function htmlBlock(state: StateBlock, startLine: number, endLine: number, silent: boolean, options: HtmlBlockOptions): boolean {
  if (state.sCount[startLine]! - state.blkIndent >= 4) return false;
  const src = state.src;
  const pos = state.bMarks[startLine]! + state.tShift[startLine]!;
  if (src.charCodeAt(pos) !== 0x3c /* < */) return false;
  const placeholder = options.blockComment?.test(src.slice(pos, state.eMarks[startLine])) ?? false;
  if (silent) {
    const name = TAG_NAME.exec(src.slice(pos, pos + 64))?.[1];
    return placeholder || (name !== undefined && !NOT_BLOCK_START.test(name));
  }

  if (src.startsWith('<!--', pos)) {
    // kramdown reads a comment as a block only where the line starts; indented, it is text of a paragraph.
    if (state.sCount[startLine] !== state.blkIndent && !placeholder) return false;
    const env = state.env as HtmlBlockEnv;
    env.lastCommentClose ??= src.lastIndexOf('-->');
    if (pos + 4 > env.lastCommentClose) return false;
    const end = commentEnd(src, pos);
    if (end === -1) return false;
    pushRaw(state, startLine, endLine, end, null);
    return true;
  }

  const tag = readStartTag(src, pos);
  if (!tag || SPAN_ELEMENTS.has(tag.name.toLowerCase())) return false;
  const model = contentModel(tag);
  const name = tag.name.toLowerCase();
  // Past the parser's nesting limit, content that asks for markdown is kept as written rather than dropped.
  const tooDeep = state.level >= ((state.md.options as { maxNesting?: number }).maxNesting ?? 100);
  const raw = model === 'raw' || tag.closed || name === 'script' || name === 'style' || tooDeep;
  if (tag.markdown) {
    const how = raw ? 'kept its content as written' : 'read its content as markdown';
    event(state, startLine, 'resolved', `Left out the markdown="${tag.markdown.value}" attribute and ${how}, as kramdown does.`, src.slice(tag.start, tag.end));
  }
  if (raw) {
    const { end, closed } = elementEnd(src, tag);
    if (!closed) {
      event(state, startLine, 'keptRaw', `This <${tag.name}> is never closed: kramdown publishes the rest of the page as written, and so it is kept.`, src.slice(tag.start, tag.end));
    }
    pushRaw(state, startLine, endLine, end, tag);
    return true;
  }
  return model === 'block' ? pushBlockContent(state, startLine, endLine, tag) : pushSpanContent(state, startLine, endLine, tag);
}

function event(state: StateBlock, line: number, kind: HtmlBlockEvent['kind'], message: string, snippet: string): void {
  const env = state.env as HtmlBlockEnv;
  (env.htmlBlockEvents ??= []).push({ kind, line, message, snippet });
}

/** The line holding `offset`, from `from` on (an offset at a line's end belongs to that line). */
function lineAt(state: StateBlock, from: number, endLine: number, offset: number): number {
  let line = from;
  while (line < endLine - 1 && state.eMarks[line]! < offset) line++;
  return line;
}

/** Notes a line break kramdown makes after `offset` when text follows it on its line. */
function breakAfter(state: StateBlock, line: number, offset: number): void {
  if (state.src.slice(offset, state.eMarks[line]).trim() === '') return;
  // What precedes the line's content: quote markers stay, a list marker becomes the item's indentation.
  const lineStart = state.src.lastIndexOf('\n', state.bMarks[line]! - 1) + 1;
  const quoteMarkers = /^(?:[ \t]*>[ \t]?)*/.exec(state.src.slice(lineStart, state.bMarks[line]))![0];
  const env = state.env as HtmlBlockEnv;
  (env.htmlLineBreaks ??= []).push({ offset, prefix: quoteMarkers + ' '.repeat(state.blkIndent) });
}

/** The lines from `startLine` through the one holding `end`, as written, less any `markdown` attribute. */
function linesThrough(state: StateBlock, startLine: number, line: number, tag: StartTag | null): string {
  const content = state.getLines(startLine, line + 1, state.blkIndent, true);
  return tag?.markdown ? content.replace(state.src.slice(tag.markdown.start, tag.markdown.end), '') : content;
}

/** One raw HTML block from `startLine` to the line holding `end`. */
function pushRaw(state: StateBlock, startLine: number, endLine: number, end: number, tag: StartTag | null): void {
  const last = lineAt(state, startLine, endLine, end);
  breakAfter(state, last, end);
  const token = state.push('html_block', '', 0);
  token.map = [startLine, last + 1];
  token.content = linesThrough(state, startLine, last, tag);
  state.line = last + 1;
}

/** `<div markdown="1">`: the tags stay raw and the lines between them are parsed as markdown blocks. */
function pushBlockContent(state: StateBlock, startLine: number, endLine: number, tag: StartTag): boolean {
  const src = state.src;
  const name = tag.name.toLowerCase();
  const tagLine = lineAt(state, startLine, endLine, tag.end);
  breakAfter(state, tagLine, tag.end);
  const open = state.push('html_block', '', 0);
  open.map = [startLine, tagLine + 1];
  open.content = linesThrough(state, startLine, tagLine, tag);

  // The closing tag is the first at a line start, past any element of the same name nested in raw.
  let closeLine = endLine;
  for (let line = tagLine + 1; line < endLine; line++) {
    if (state.sCount[line]! - state.blkIndent >= 4) continue;
    const at = state.bMarks[line]! + state.tShift[line]!;
    if (readCloseTag(src, at)?.name.toLowerCase() === name) {
      closeLine = line;
      break;
    }
    const nested = readStartTag(src, at);
    if (nested && nested.name.toLowerCase() === name) line = lineAt(state, line, endLine, elementEnd(src, nested).end);
  }

  const oldLineMax = state.lineMax;
  state.lineMax = closeLine;
  state.level++;
  state.md.block.tokenize(state, tagLine + 1, closeLine);
  state.level--;
  state.lineMax = oldLineMax;

  if (closeLine === endLine) {
    event(state, startLine, 'keptRaw', `This <${tag.name}> is never closed: kramdown reads the rest of the page as its content.`, src.slice(tag.start, tag.end));
    state.line = endLine;
    return true;
  }
  const closeEnd = readCloseTag(src, state.bMarks[closeLine]! + state.tShift[closeLine]!)!.end;
  breakAfter(state, closeLine, closeEnd);
  const close = state.push('html_block', '', 0);
  close.map = [closeLine, closeLine + 1];
  close.content = state.getLines(closeLine, closeLine + 1, state.blkIndent, true);
  state.line = closeLine + 1;
  return true;
}

/** `<p markdown="1">`: the content up to the first closing tag is markdown text. */
function pushSpanContent(state: StateBlock, startLine: number, endLine: number, tag: StartTag): boolean {
  const src = state.src;
  const closing = new RegExp(`</${tag.name.replace(/\./g, '\\.')}\\s*>`, 'ig');
  closing.lastIndex = tag.end;
  const match = closing.exec(src);
  const contentEnd = match ? match.index : src.length;
  const end = match ? match.index + match[0].length : src.length;
  const last = lineAt(state, startLine, endLine, end);
  breakAfter(state, last, end);

  const startOffset = state.bMarks[startLine]! + state.tShift[startLine]!;
  const open = state.push('html_block', '', 0);
  open.map = [startLine, last + 1];
  open.content = src.slice(startOffset, tag.end).replace(src.slice(tag.markdown!.start, tag.markdown!.end), '');
  const inline = state.push('inline', '', 0);
  inline.map = [startLine, last + 1];
  inline.content = src.slice(tag.end, contentEnd);
  inline.children = [];
  if (match) {
    const close = state.push('html_block', '', 0);
    close.content = `${match[0]}\n`;
  } else {
    inline.content += '\n';
  }
  state.line = last + 1;
  return true;
}
