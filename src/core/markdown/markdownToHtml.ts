import MarkdownIt from 'markdown-it';
import type { StateCore, Token } from 'markdown-it';
import { parseFragment } from 'parse5';
import { kramdownAttributes, type AttributeListEnv } from './kramdownAttributes.ts';
import { kramdownExtensions, type ExtensionEnv } from './kramdownExtensions.ts';
import { kramdownHtmlBlocks, type HtmlBlockEnv } from './kramdownHtmlBlocks.ts';
import { kramdownSpanHtml } from './kramdownSpanHtml.ts';
import { kramdownTypography } from './kramdownTypography.ts';
import { scriptLinksAsText } from './scriptLinks.ts';
import { scanLiquid, type LiquidRegion, type SiteOptions } from './liquid.ts';
import { lineCounter, lineStarts } from '../lines.ts';

/** Something the conversion did that the user should know about. */
export interface MarkdownReportItem {
  /** `resolved`: rewritten to what it means (Liquid with a static value, attribute lists, old embeds).
   *  `keptRaw`: kept as written (Liquid logic, markup no block edits). `removed`: left out. */
  kind: 'resolved' | 'keptRaw' | 'removed';
  /** 1-based line in the markdown body. */
  line: number;
  message: string;
  snippet: string;
}

export interface MarkdownOptions {
  site?: SiteOptions;
}

export interface MarkdownResult {
  /** The body as an HTML fragment for `BodyCodec.importHtml`. */
  html: string;
  report: MarkdownReportItem[];
  /** For each line of `html` (index 0 is line 1), the markdown line it came from. */
  lineMap: number[];
}

const SNIPPET_LENGTH = 120;
const BLOCK_PLACEHOLDER = /^isomer-liquid-(\d+)$/;
const INLINE_PLACEHOLDER = /IsomerLiquid(\d+)Q/g;

/** A piece of Liquid taken out before parsing and put back afterwards. */
interface KeptLiquid {
  text: string;
  /** Its report item, whose message says where it ended up. */
  report: MarkdownReportItem;
  what: string;
  /** Indentation removed with it (when it was deep enough to make a code block), restored with it. */
  indent: string;
}

interface ConversionEnv extends AttributeListEnv, HtmlBlockEnv, ExtensionEnv {
  kept: KeptLiquid[];
  report: MarkdownReportItem[];
  /** 0-based line of the parsed source to 1-based line of the markdown. */
  lineOf: (parsedLine: number) => number;
}

let parser: MarkdownIt | null = null;

/** The one markdown parser: CommonMark with GFM tables, raw HTML read as kramdown reads it, kramdown's typography. */
function markdownParser(): MarkdownIt {
  if (parser) return parser;
  const md = new MarkdownIt('default', { html: true, linkify: false, typographer: false });
  // Kept Liquid on lines of its own stands as a block, as it did before it was taken out.
  md.use(kramdownHtmlBlocks, { blockComment: /^<!--isomer-liquid-\d+-->\s*$/ });
  md.use(kramdownExtensions);
  md.use(kramdownSpanHtml);
  md.use(scriptLinksAsText);
  md.use(kramdownAttributes);
  md.use(kramdownTypography);
  md.core.ruler.before('inline', 'kramdown_spaced_destinations', spacedDestinations);
  md.core.ruler.push('restore_inline_liquid', restoreInlineLiquid);
  md.core.ruler.push('old_embeds', oldEmbeds);
  md.core.ruler.push('table_cell_paragraphs', tableCellParagraphs);
  md.core.ruler.push('image_blocks', imageBlocks);
  parser = md;
  return md;
}

/**
 * Converts a markdown page body (kramdown or CommonMark, with Liquid and raw HTML) to an HTML body.
 *
 * Liquid is found with liquidjs's tokenizer before parsing. Output tags with a static meaning
 * (`absolute_url`, `relative_url`, `site.baseurl`, `site.url`, quoted strings) are replaced by their
 * value. Every other top-level piece (a block tag through its end tag, a standalone tag, an output tag
 * that needs the site's data) is taken out and put back verbatim after rendering: on lines of its own
 * as a raw block (`<div data-raw-html>`), inside HTML as the HTML's own text, inside a paragraph as text.
 */
export function markdownToHtml(markdown: string, options: MarkdownOptions = {}): MarkdownResult {
  const site = options.site ?? {};
  const report: MarkdownReportItem[] = [];
  const lineOfOffset = lineCounter(markdown);
  const kept: KeptLiquid[] = [];
  const edits: Edit[] = [];

  for (const region of scanLiquid(markdown, site)) {
    const line = lineOfOffset(region.start);
    if (region.kind === 'unclosed') {
      report.push({ kind: 'keptRaw', line, message: 'Kept as text: this Liquid tag is never closed.', snippet: snip(lineAt(markdown, region.start)) });
      continue;
    }
    if (region.kind === 'resolved') {
      edits.push(resolvedEdit(markdown, region));
      const value = edits[edits.length - 1]!.text;
      report.push({ kind: 'resolved', line, message: `Resolved Liquid ${region.what} to "${value}".`, snippet: snip(region.text) });
      continue;
    }
    const n = kept.length;
    const placement = placeKept(markdown, region);
    const item: MarkdownReportItem = {
      kind: 'keptRaw',
      line,
      message: `Kept the Liquid ${region.what} as written, ${placement.block ? 'as a raw block' : 'as text'}.`,
      snippet: snip(region.text),
    };
    report.push(item);
    // The rest of the converted body has LF line endings; the kept Liquid follows it.
    kept.push({ text: region.text.replace(/\r\n?/g, '\n'), indent: placement.indent, report: item, what: region.what });
    if (placement.block) edits.push({ start: placement.start, end: region.end, text: `<!--isomer-liquid-${n}-->` });
    else edits.push({ start: region.start, end: region.end, text: `IsomerLiquid${n}Q` });
  }

  const md = markdownParser();
  const prepared = withHtmlLineBreaks(md, applyEdits(markdown, edits));
  const preparedLineStarts = lineStarts(prepared.text);
  const lineOf = (parsedLine: number) => lineOfOffset(prepared.toOriginal(preparedLineStarts[Math.min(parsedLine, preparedLineStarts.length - 1)]!));
  const env: ConversionEnv = { kept, report, lineOf };

  const tokens = md.parse(prepared.text, env);
  for (const event of [...(env.attributeListEvents ?? []), ...(env.htmlBlockEvents ?? []), ...(env.extensionEvents ?? [])]) {
    report.push({ kind: event.kind, line: lineOf(event.line), message: event.message, snippet: snip(event.snippet) });
  }

  // Render one top-level block at a time, to know which markdown line each part of the HTML comes from.
  let html = '';
  const anchors: Anchor[] = [];
  for (const group of topLevelGroups(tokens)) {
    const first = group[0]!;
    anchors.push({ offset: html.length, line: first.map ? lineOf(first.map[0]) : anchors[anchors.length - 1]?.line ?? 1, verbatim: first.type === 'html_block' });
    html += md.renderer.render(group, md.options, env);
  }
  html = restoreBlockLiquid(html, kept, anchors);
  report.sort((a, b) => a.line - b.line);
  return { html, report, lineMap: htmlLineMap(html, anchors) };
}

// ---------------------------------------------------------------------------------------------------
// Liquid: taking it out and putting it back

interface Edit {
  start: number;
  end: number;
  text: string;
}

/** A resolved output tag's replacement, with Liquid's whitespace control applied as Jekyll applies it. */
function resolvedEdit(source: string, region: LiquidRegion): Edit {
  let start = region.start;
  let end = region.end;
  if (region.trimLeft) while (start > 0 && /\s/.test(source[start - 1]!)) start--;
  if (region.trimRight) while (end < source.length && /\s/.test(source[end]!)) end++;
  let text = region.value;
  // Inside a markdown link destination a space would end the address: Jekyll's URL filters encode it.
  if (/\]\([^()\s]*$/.test(source.slice(lineStartOf(source, start), start))) text = text.replace(/ /g, '%20');
  return { start, end, text };
}

/** Whether kept Liquid stands on lines of its own (a block) or sits inside other text. */
function placeKept(source: string, region: LiquidRegion): { block: boolean; start: number; indent: string } {
  const lineStart = lineStartOf(source, region.start);
  const before = source.slice(lineStart, region.start);
  const lineEnd = source.indexOf('\n', region.end);
  const after = source.slice(region.end, lineEnd === -1 ? source.length : lineEnd);
  if (!/^[ \t]*$/.test(before) || !/^[ \t\r]*$/.test(after)) return { block: false, start: region.start, indent: '' };
  // Four columns of indentation would make the placeholder a code block: it goes to the line start.
  const columns = before.replace(/\t/g, '    ').length;
  return columns >= 4 ? { block: true, start: lineStart, indent: before } : { block: true, start: region.start, indent: '' };
}

/** Puts kept Liquid back into text, code and attributes; HTML keeps the inline placeholders' original text. */
function restoreInlineLiquid(state: StateCore): void {
  const env = state.env as ConversionEnv;
  const restore = (text: string, withBlocks: boolean) => {
    let out = text.replace(INLINE_PLACEHOLDER, (whole, n: string) => env.kept[Number(n)]?.text ?? whole);
    if (withBlocks) {
      out = out.replace(/<!--isomer-liquid-(\d+)-->/g, (whole, n: string) => {
        const liquid = env.kept[Number(n)];
        if (!liquid) return whole;
        liquid.report.message = `Kept the Liquid ${liquid.what} as written, as text.`;
        return liquid.indent + liquid.text;
      });
    }
    return out;
  };
  const visit = (tokens: Token[]) => {
    for (const token of tokens) {
      // In HTML the block placeholders stay: where they stand in the HTML decides how they come back.
      const isHtml = token.type === 'html_block' || token.type === 'html_inline';
      if (token.content) token.content = restore(token.content, !isHtml);
      if (token.attrs) for (const attr of token.attrs) if (typeof attr[1] === 'string') attr[1] = restore(attr[1], true);
      if (token.children) visit(token.children);
    }
  };
  visit(state.tokens);
}

/**
 * Block placeholders at the top level of the HTML become raw blocks holding the Liquid; inside other
 * HTML they become the Liquid text again, in place.
 */
function restoreBlockLiquid(html: string, kept: KeptLiquid[], anchors: Anchor[]): string {
  if (!html.includes('<!--isomer-liquid-')) return html;
  const fragment = parseFragment(html, { sourceCodeLocationInfo: true }) as unknown as ParsedNode;
  const replacements: Edit[] = [];
  const visit = (node: ParsedNode, topLevel: boolean) => {
    for (const child of node.childNodes ?? []) {
      const match = child.nodeName === '#comment' ? BLOCK_PLACEHOLDER.exec(child.data ?? '') : null;
      const loc = child.sourceCodeLocation;
      if (match && loc) {
        const liquid = kept[Number(match[1])];
        if (!liquid) continue;
        const text = topLevel ? rawBlock(liquid.text) : liquid.indent + liquid.text;
        if (!topLevel) liquid.report.message = `Kept the Liquid ${liquid.what} as written, inside the HTML around it.`;
        replacements.push({ start: loc.startOffset, end: loc.endOffset, text });
      }
      // Template contents and elements alike: placeholders anywhere below the top level are nested.
      visit(child, false);
      if (child.content) visit(child.content, false);
    }
  };
  visit(fragment, true);
  replacements.sort((a, b) => b.start - a.start);
  for (const r of replacements) {
    html = html.slice(0, r.start) + r.text + html.slice(r.end);
    const delta = r.text.length - (r.end - r.start);
    for (const anchor of anchors) if (anchor.offset > r.start) anchor.offset += delta;
  }
  return html;
}

interface ParsedNode {
  nodeName: string;
  data?: string;
  childNodes?: ParsedNode[];
  content?: ParsedNode;
  sourceCodeLocation?: { startOffset: number; endOffset: number } | null;
}

/** A raw block as the RawHtml node reads it; on one line, so that the lines after it keep their numbers. */
export function rawBlock(text: string): string {
  const escaped = text
    .replace(/&/g, '&amp;')
    .replace(/"/g, '&quot;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/\r/g, '&#13;')
    .replace(/\n/g, '&#10;');
  return `<div data-raw-html="${escaped}"></div>`;
}

// ---------------------------------------------------------------------------------------------------
// kramdown compatibility and the blocks of the editor

/**
 * kramdown reads a link address up to its closing parenthesis, spaces included
 * (`[Guide](/files/Park Guide.pdf)`); CommonMark needs angle brackets for that. Such addresses get them.
 */
function spacedDestinations(state: StateCore): void {
  const env = state.env as ConversionEnv;
  for (const token of state.tokens) {
    if (token.type !== 'inline' || !token.content.includes('](')) continue;
    token.content = token.content.replace(/(\]\()([^()<>\s"'`][^()<>"'`\n]*?)(\))/g, (whole, open: string, address: string, close: string, offset: number) => {
      if (!/ /.test(address.trim()) || /\s/.test(address[address.length - 1]!)) return whole;
      // Inside a code span it is text, not a link.
      if ((token.content.slice(0, offset).match(/`/g)?.length ?? 0) % 2 === 1) return whole;
      const before = token.content.slice(0, offset);
      env.report.push({
        kind: 'resolved',
        line: env.lineOf((token.map?.[0] ?? 0) + (before.match(/\n/g)?.length ?? 0)),
        message: 'Read a link address with spaces as kramdown reads it.',
        snippet: snip(`](${address})`),
      });
      return `${open}<${address}>${close}`;
    });
  }
}

/** `<div class="bp-youtube">` (the old embed wrapper) becomes `<div class="iframe-wrapper">`, the embed block. */
function oldEmbeds(state: StateCore): void {
  const env = state.env as ConversionEnv;
  for (const token of state.tokens) {
    if (token.type !== 'html_block' || !token.content.includes('bp-youtube')) continue;
    token.content = token.content.replace(/<div\b[^>]*>/gi, (tag: string, offset: number) => {
      const replaced = tag.replace(/(\sclass\s*=\s*)(["'])([^"']*)\2/i, (whole, prefix: string, quote: string, classes: string) => {
        const list = classes.split(/\s+/).filter(Boolean);
        if (!list.includes('bp-youtube')) return whole;
        return `${prefix}${quote}${list.map((c) => (c === 'bp-youtube' ? 'iframe-wrapper' : c)).join(' ')}${quote}`;
      });
      if (replaced !== tag) {
        const line = (token.map?.[0] ?? 0) + (token.content.slice(0, offset).match(/\n/g)?.length ?? 0);
        env.report.push({ kind: 'resolved', line: env.lineOf(line), message: 'Turned the old video wrapper (bp-youtube) into an embed block.', snippet: snip(tag) });
      }
      return replaced;
    });
  }
}

/** Table cells hold paragraphs in the table block, as Isomer writes them. */
function tableCellParagraphs(state: StateCore): void {
  const tokens = state.tokens;
  for (let i = tokens.length - 1; i > 0; i--) {
    const token = tokens[i]!;
    const open = tokens[i - 1]!;
    if (token.type !== 'inline' || (open.type !== 'th_open' && open.type !== 'td_open')) continue;
    const pOpen = new state.Token('paragraph_open', 'p', 1);
    const pClose = new state.Token('paragraph_close', 'p', -1);
    pOpen.block = pClose.block = false;
    open.block = false;
    tokens.splice(i + 1, 0, pClose);
    tokens.splice(i, 0, pOpen);
  }
}

/** A top-level paragraph holding one image and nothing else becomes an image block. */
function imageBlocks(state: StateCore): void {
  const tokens = state.tokens;
  for (let i = 0; i + 2 < tokens.length; i++) {
    const open = tokens[i]!;
    const inline = tokens[i + 1]!;
    const close = tokens[i + 2]!;
    if (open.type !== 'paragraph_open' || open.level !== 0 || inline.type !== 'inline' || close.type !== 'paragraph_close') continue;
    const content = (inline.children ?? []).filter((c) => !(c.type === 'text' && c.content.trim() === '') && c.type !== 'softbreak');
    if (content.length !== 1 || content[0]!.type !== 'image' || open.attrs) continue;
    open.tag = close.tag = 'div';
    open.attrSet('class', 'isomer-image-wrapper');
    inline.children = content;
  }
}

// ---------------------------------------------------------------------------------------------------
// Lines

interface Anchor {
  /** Where a top-level block starts in the HTML. */
  offset: number;
  /** Its first markdown line. */
  line: number;
  /** Raw HTML is copied line for line: its later lines follow the markdown's. */
  verbatim: boolean;
}

function topLevelGroups(tokens: Token[]): Token[][] {
  const groups: Token[][] = [];
  let current: Token[] = [];
  let depth = 0;
  for (const token of tokens) {
    current.push(token);
    depth += token.nesting;
    if (depth === 0) {
      groups.push(current);
      current = [];
    }
  }
  if (current.length > 0) groups.push(current);
  return groups;
}

function htmlLineMap(html: string, anchors: Anchor[]): number[] {
  const map: number[] = [];
  let a = 0;
  // Line breaks since the anchor's start, counted once per anchor and then one per line: a raw block may be long.
  let counted: Anchor | undefined;
  let extra = 0;
  for (const start of lineStarts(html)) {
    while (a + 1 < anchors.length && anchors[a + 1]!.offset <= start) a++;
    const anchor = anchors[a];
    if (!anchor) {
      map.push(1);
      continue;
    }
    if (anchor !== counted) {
      counted = anchor;
      extra = html.slice(anchor.offset, start).match(/\n/g)?.length ?? 0;
    } else {
      extra++;
    }
    map.push(anchor.line + (anchor.verbatim ? extra : 0));
  }
  return map;
}

/** Source text, with a way back from its offsets to the original markdown's. */
interface Prepared {
  text: string;
  toOriginal: (offset: number) => number;
}

/**
 * The source with a line break wherever kramdown starts a new block in the middle of a line: after the
 * closing tag of a block HTML element (`</div> text`). Found by parsing the blocks, so that code and
 * paragraphs are told apart from HTML; parsed again while a break uncovers another (a few rounds at most).
 */
function withHtmlLineBreaks(md: MarkdownIt, source: Prepared): Prepared {
  let current = source;
  for (let round = 0; round < 8 && current.text.includes('<'); round++) {
    // Parsed as markdown-it parses (line endings normalised), with offsets taken back line by line.
    const normalized = current.text.replace(/\r\n?/g, '\n');
    const env: HtmlBlockEnv = {};
    md.block.parse(normalized, md, env, []);
    if (!env.htmlLineBreaks?.length) break;
    const normalizedStarts = lineStarts(normalized);
    const starts = lineStarts(current.text);
    if (normalizedStarts.length !== starts.length) break;
    const lineOfNormalized = lineCounter(normalized);
    const breaks = [...new Map(env.htmlLineBreaks.map((b) => [b.offset, b])).values()].map(({ offset, prefix }) => {
      const line = lineOfNormalized(offset) - 1;
      const at = starts[line]! + offset - normalizedStarts[line]!;
      // The spaces before the text go: kramdown starts the next block at the text.
      const spaces = /^[ \t]*/.exec(current.text.slice(at))![0].length;
      return { start: at, end: at + spaces, text: `\n${prefix}` };
    });
    const next = applyEdits(current.text, breaks);
    const previous = current;
    current = { text: next.text, toOriginal: (offset) => previous.toOriginal(next.toOriginal(offset)) };
  }
  return current;
}

/** The source after edits, with a way back from its offsets to the original's. */
function applyEdits(source: string, edits: Edit[]): Prepared {
  const sorted = [...edits].sort((a, b) => a.start - b.start);
  const pieces: string[] = [];
  const spans: { newStart: number; newEnd: number; start: number; end: number }[] = [];
  let cursor = 0;
  let length = 0;
  for (const edit of sorted) {
    if (edit.start < cursor) continue; // overlapping edits (trimmed whitespace): the first wins
    pieces.push(source.slice(cursor, edit.start));
    length += edit.start - cursor;
    spans.push({ newStart: length, newEnd: length + edit.text.length, start: edit.start, end: edit.end });
    pieces.push(edit.text);
    length += edit.text.length;
    cursor = edit.end;
  }
  pieces.push(source.slice(cursor));
  // The last span starting at or before the offset, found by binary search: a page may have thousands.
  const toOriginal = (offset: number) => {
    let lo = 0;
    let hi = spans.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (spans[mid]!.newStart <= offset) lo = mid + 1;
      else hi = mid - 1;
    }
    const span = spans[hi];
    if (!span) return offset;
    return offset < span.newEnd ? span.start : offset + span.end - span.newEnd;
  };
  return { text: pieces.join(''), toOriginal };
}

function lineStartOf(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

function lineAt(text: string, offset: number): string {
  const end = text.indexOf('\n', offset);
  return text.slice(lineStartOf(text, offset), end === -1 ? text.length : end);
}

function snip(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > SNIPPET_LENGTH ? `${flat.slice(0, SNIPPET_LENGTH)}…` : flat;
}
