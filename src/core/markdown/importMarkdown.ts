import type { Node as PMNode } from '@tiptap/pm/model';
import { parseFragment } from 'parse5';
import type { BodyCodec, BodyDocument, BodyReportItem } from '../bodyCodec.ts';
import { lineCounter } from '../lines.ts';
import { NestedTooDeeply } from '../nestingDepth.ts';
import { detectLineEnding } from '../pageFile.ts';
import { splitTopLevel } from '../topLevelSegments.ts';
import { markdownToHtml, type MarkdownOptions } from './markdownToHtml.ts';

export interface ImportedMarkdown {
  body: BodyDocument;
  /** What the conversion and the import did, with lines counted in the markdown body. */
  report: BodyReportItem[];
}

/**
 * Converts a markdown body and reads it with the codec. Raw blocks made for kept Liquid hold the Liquid
 * itself, so that it is written back verbatim; the codec's report lines are turned into markdown lines.
 */
export function importMarkdown(codec: BodyCodec, markdown: string, options: MarkdownOptions = {}): ImportedMarkdown {
  const converted = markdownToHtml(markdown, options);
  // The converted body keeps the line endings the markdown was written with.
  const crlf = detectLineEnding(markdown) === '\r\n';
  const withEol = (text: string) => (crlf ? text.replace(/\r?\n/g, '\r\n') : text);
  // The raw blocks are taken out of the codec's way: their markup sits in an attribute, which the
  // sanitiser would judge as an attribute value. Each stands in as a comment and is sanitised as markup below.
  const { html, held } = holdRawBlocks(converted.html);
  const htmlBody = withEol(html);
  const toMarkdownLine = (htmlLine: number) => converted.lineMap[htmlLine - 1] ?? converted.lineMap[converted.lineMap.length - 1] ?? 1;
  // Report lines become markdown lines as the body is read, so its blocks are checked at once
  // (not left for later, see `BodyCodec.deferRenderChecks`).
  const deferChecks = codec.deferRenderChecks;
  codec.deferRenderChecks = false;
  let imported: BodyDocument;
  try {
    imported = withMarkdownLines(() => codec.importHtml(htmlBody), toMarkdownLine);
  } finally {
    codec.deferRenderChecks = deferChecks;
  }
  // The codec makes one block of each top-level segment: where each block starts, in markdown lines.
  const lineOf = lineCounter(htmlBody);
  const blockLines = splitTopLevel(htmlBody).segments.map((segment) => toMarkdownLine(lineOf(segment.start)));
  const blockAt = (line: number): number | undefined => {
    let found: number | undefined;
    for (let i = 0; i < blockLines.length && blockLines[i]! <= line; i++) found = i;
    return found;
  };

  const report: BodyReportItem[] = converted.report.map((item) => withBlock({ ...item }, blockAt(item.line)));
  const heldLines = new Map<number, number>();
  for (const item of imported.report) {
    const line = toMarkdownLine(item.line);
    const standIn = STAND_IN.exec(item.snippet);
    // The conversion has already reported the Liquid it kept, with a better message.
    if (item.kind === 'keptRaw' && standIn) heldLines.set(Number(standIn[1]), line);
    else report.push({ ...item, line });
  }

  const nodes: PMNode[] = [];
  imported.doc.forEach((node, _offset, block) => {
    const standIn = node.type.name === 'rawHtml' ? STAND_IN.exec(node.attrs['html'] as string) : null;
    const index = standIn ? Number(standIn[1]) : -1;
    const markup = held[index];
    nodes.push(markup === undefined ? node : rawBlockNode(codec, node, withEol(markup), heldLines.get(index) ?? 1, block, report));
  });
  const doc = codec.schema.nodes['doc']!.create(null, nodes);
  // The body keeps the blank lines it started with and its final line break, or lack of one.
  const leading = /^(?:[ \t]*\r?\n)*/.exec(markdown)?.[0] ?? '';
  const trailing = /\s*$/.exec(markdown)?.[0] ?? '';
  report.sort((a, b) => a.line - b.line);
  return { body: { doc, leading, trailing, report }, report };
}

/** Runs `read`; a nesting error it throws names the markdown line. */
function withMarkdownLines<T>(read: () => T, toMarkdownLine: (htmlLine: number) => number): T {
  try {
    return read();
  } catch (err) {
    throw err instanceof NestedTooDeeply ? new NestedTooDeeply(toMarkdownLine(err.line)) : err;
  }
}

const STAND_IN = /^<!--raw-block-(\d+)-->$/;

/** The item pointing at `block`, or without one when it is not known. */
function withBlock(item: BodyReportItem, block: number | undefined): BodyReportItem {
  if (block === undefined) delete item.block;
  else item.block = block;
  return item;
}

interface LocatedNode {
  nodeName: string;
  attrs?: { name: string; value: string }[];
  childNodes?: LocatedNode[];
  sourceCodeLocation?: { startOffset: number; endOffset: number } | null;
}

/** Replaces each top-level `<div data-raw-html="…"></div>` by a comment standing in for it (on the same line). */
function holdRawBlocks(html: string): { html: string; held: string[] } {
  if (!html.includes('data-raw-html')) return { html, held: [] };
  const fragment = parseFragment(html, { sourceCodeLocationInfo: true }) as unknown as { childNodes: LocatedNode[] };
  const held: string[] = [];
  const parts: string[] = [];
  let cursor = 0;
  for (const node of fragment.childNodes) {
    const loc = node.sourceCodeLocation;
    const attrs = node.attrs ?? [];
    if (!loc || node.nodeName !== 'div' || attrs.length !== 1 || attrs[0]!.name !== 'data-raw-html' || (node.childNodes ?? []).length > 0) continue;
    parts.push(html.slice(cursor, loc.startOffset), `<!--raw-block-${held.length}-->`);
    held.push(attrs[0]!.value);
    cursor = loc.endOffset;
  }
  parts.push(html.slice(cursor));
  return { html: parts.join(''), held };
}

/** A raw block holding `markup`, sanitised like any other block, that writes back exactly as held. */
function rawBlockNode(codec: BodyCodec, standIn: PMNode, markup: string, line: number, block: number, report: BodyReportItem[]): PMNode {
  const { html: clean, removed } = codec.sanitizer.sanitize(markup);
  if (removed.length > 0) {
    markup = clean;
    for (const r of removed) report.push({ kind: 'removed', line, message: `Removed ${r.what}.`, snippet: r.snippet, block });
  }
  const source = (standIn.attrs['source'] as string | null) ?? '';
  const after = /\s*$/.exec(source)?.[0] ?? '';
  return codec.rawBlock(markup, markup + after);
}
