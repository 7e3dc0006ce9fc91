import { Extension, getSchema, resolveExtensions, splitExtensions, type AnyExtension, type JSONContent } from '@tiptap/core';
import { DOMSerializer, Fragment, type Attrs, type Node as PMNode, type Schema } from '@tiptap/pm/model';
import type { BlockDefinition } from './blockDefinition.ts';
import { plainMarkupOf, type MergedPlainMarkup } from './attributeRule.ts';
import { attrsInFields } from './compactAttrs.ts';
import { childSourcesOf, type ChildSources, type ChildSourcesSpec } from './childSources.ts';
import { respellLike } from './characterSpelling.ts';
import { domWindow, renderingDocument, withDomDocument } from './dom.ts';
import { formatElement } from './formatHtml.ts';
import { hashString } from './hashString.ts';
import { kramdownSafeBody, type KramdownFinding } from './kramdown/kramdownSafeBody.ts';
import { lineCounter } from './lines.ts';
import { createSanitizer, type Removal, type SanitizeOptions, type SanitizeResult, type Sanitizer } from './sanitize.ts';
import { publishedEmbedNote } from './siteEmbedHosts.ts';
import { findSwallowingElement } from './swallowingElement.ts';
import { TagIndexedParser } from './tagIndexedParser.ts';
import { splitTopLevel, type SegmentedBody } from './topLevelSegments.ts';

/** Something an import did to the page that the user should know about, with its place in the body. */
export interface BodyReportItem {
  /**
   * `resolved`: a markdown conversion rewrote something to what it means (e.g. Liquid `relative_url`),
   * or the body was rewritten to publish as the editor shows it (quotes kramdown would make curly).
   * `removed` includes what Jekyll's kramdown would read otherwise than the editor (markdown, its own
   * syntax), made safe on import.
   */
  kind: 'removed' | 'keptRaw' | 'dropsOnEdit' | 'resolved';
  /** 1-based line in the body. */
  line: number;
  message: string;
  snippet: string;
  /** Index of the top-level block of the document it concerns, when known. */
  block?: number;
}

/** An HTML body as an editable document, plus what is needed to write it back unchanged. */
export interface BodyDocument {
  doc: PMNode;
  /** Whitespace before the first block and after the last one, exactly as written. */
  leading: string;
  trailing: string;
  report: BodyReportItem[];
}

export interface ExportOptions {
  /** Write unchanged blocks as their original source text (the default). Off: every block is re-serialised. */
  reuseSource?: boolean;
}

export interface ExportResult {
  html: string;
  removed: Removal[];
}

/**
 * Reads blocks of plain markup without the page's DOM: in Node, where jsdom makes reading a page cost
 * several times what parsing it does (see `node/lightReading.ts`). The browser reads with its own DOM.
 */
export interface LightBlockReader {
  /** Where light blocks are rendered back. */
  readonly document: Document;
  /**
   * `html` parsed as the content of a `<div>` when it is plain markup (nothing to sanitise) as the
   * blocks declare it; otherwise null.
   */
  read(html: string, plain: MergedPlainMarkup): Node | null;
}

let lightBlockReader: LightBlockReader | null = null;

export function setLightBlockReader(reader: LightBlockReader | null): void {
  lightBlockReader = reader;
}

const SOURCE_ATTR = 'source';
const SOURCE_KEY_ATTR = 'sourceKey';
const CHILD_SOURCES_ATTR = 'childSources';
const RAW_TYPE = 'rawHtml';
// A locked block: an iframe from a host off the allowlist, kept as the page publishes it (extensions/embed).
const PUBLISHED_EMBED_TYPE = 'publishedEmbed';
// The attribute of the placeholder that raw markup inside a block renders as.
const RAW_HTML_ATTRIBUTE = 'data-raw-html';
// An element whose content stands in its place when written (text between a layout's blocks, extensions/container).
const TEXT_RUN_TAG = 'isomer-run';
// Reports quote at most this much of a block.
const SNIPPET_LENGTH = 120;

/**
 * Every top-level block remembers the exact text it was read from and a key of how it rendered then.
 * Export compares the key with how the block renders now: equal means unedited, so the original text
 * is written back. The attributes never reach the HTML, and a split or new block starts without them.
 */
function sourceTracking(nodeTypes: string[]): AnyExtension {
  return Extension.create({
    name: 'sourceTracking',
    addGlobalAttributes() {
      // Never read from HTML: an attribute named "source" in a page must not pose as one.
      const hidden = { default: null, rendered: false, keepOnSplit: false, parseHTML: () => null };
      return [{ types: nodeTypes, attributes: { [SOURCE_ATTR]: hidden, [SOURCE_KEY_ATTR]: hidden, [CHILD_SOURCES_ATTR]: hidden } }];
    },
  });
}

/** The schema, parser, serialiser and sanitiser of one block registry: built once, used for every page. */
export class BodyCodec {
  readonly extensions: AnyExtension[];
  readonly schema: Schema;
  readonly sanitizer: Sanitizer;
  private readonly parser: TagIndexedParser;
  private readonly serializer: DOMSerializer;
  private inert: { window: unknown; document: Document } | null = null;
  /**
   * The blocks this codec made on import. A node is immutable, so one of these still renders as it did
   * when its key was taken: export knows it is unedited without rendering it again.
   */
  private readonly unedited = new WeakSet<PMNode>();
  /** Import keeps embeds a page already publishes when the blocks have a locked block to hold them. */
  private readonly keepPublished: SanitizeOptions;

  /** What the blocks declare the Node reading path may read without sanitising. */
  readonly plainMarkup: MergedPlainMarkup;

  /**
   * When true, import leaves the containers' child sources (see `withChildSources`) for later: only
   * saving needs them, so the page shows first and `trackChildSources` fills them in when the browser
   * is idle, before the first save.
   */
  deferChildSources = false;

  /**
   * When true, import leaves each block's render-back check (does the block render back to the markup
   * it was read from, or would editing it lose something?) for later: the page shows first and
   * `checkRenders` runs them when the browser is idle. Until then a block writes back its source as any
   * unedited block does; one that fails is then put back as a raw block, as import would have made it.
   */
  deferRenderChecks = false;

  /** The render-back checks import left for later, by top-level block (see `deferRenderChecks`). */
  private readonly renderChecks = new WeakMap<PMNode, DeferredRenderCheck>();

  constructor(readonly blocks: readonly BlockDefinition[]) {
    const blockExtensions = blocks.flatMap((b) => b.extensions);
    // The blocks' node types, by name (without building a schema just for them).
    const trackedTypes = splitExtensions(resolveExtensions(blockExtensions))
      .nodeExtensions.map((extension) => extension.name)
      .filter((n) => n !== 'doc' && n !== 'text');
    this.extensions = [...blockExtensions, sourceTracking(trackedTypes)];
    this.schema = getSchema(this.extensions);
    this.parser = TagIndexedParser.forSchema(this.schema);
    this.serializer = DOMSerializer.fromSchema(this.schema);
    this.sanitizer = createSanitizer(blocks);
    this.plainMarkup = plainMarkupOf(blocks);
    this.keepPublished = { keepPublishedEmbeds: PUBLISHED_EMBED_TYPE in this.schema.nodes };
  }

  /**
   * Reads a `variant: tiptap` HTML body. Nothing is dropped: what no block understands becomes a raw block.
   * What Jekyll's kramdown would read otherwise than the editor is first made safe and reported.
   * An element left open that would take the blocks after it (`<style>`, `<math>`, `<form>`, …, see
   * `swallowingElement.ts`) is closed where the first blank line in it is, and what follows is read as
   * blocks of its own; the closing is reported.
   */
  importHtml(source: string): BodyDocument {
    // Elements left open are closed first: kramdown's reading of what follows them is then judged
    // piece by piece, and an unclosed comment cannot hide the blocks after it.
    return this.importClosingLeftOpen(source);
  }

  /** Reads a body, closing each element left open that would take the blocks after it. */
  private importClosingLeftOpen(body: string): BodyDocument {
    const pieces: { piece: BodyDocument; lines: number }[] = [];
    let rest = body;
    let lines = 0;
    for (let swallowing = findSwallowingElement(rest); swallowing; swallowing = findSwallowingElement(rest)) {
      const { start, headEnd, cut, opening } = swallowing;
      const head = rest.slice(start, headEnd);
      const closed = this.closeLeftOpen(head);
      const piece = this.importBlocks(rest.slice(0, start) + closed.html + rest.slice(headEnd, cut));
      const lineOf = lineCounter(rest);
      const line = lineOf(start);
      const block = closed.html.trim() === '' ? undefined : piece.doc.childCount - 1;
      const firstAfter = lineOf(cut);
      // (Markup that sanitises to itself is complete as written: nothing was closed.)
      if (closed.html !== head) {
        piece.report.push({
          kind: 'removed',
          line,
          message: `Closed the ${opening} left open here: it took in everything after it. The blocks from line ${lines + firstAfter} on are kept as blocks.`,
          snippet: snip(head),
          ...(block === undefined ? {} : { block }),
        });
      }
      for (const r of closed.removed) piece.report.push({ kind: 'removed', line, message: `Removed ${r.what}.`, snippet: r.snippet, ...(block === undefined ? {} : { block }) });
      pieces.push({ piece, lines });
      lines += firstAfter - 1;
      rest = rest.slice(cut);
    }
    if (pieces.length === 0) return this.importBlocks(body);
    pieces.push({ piece: this.importBlocks(rest), lines });
    return this.joinPieces(pieces);
  }

  /** The markup of an element left open, sanitised: closed, and as it parses again (mutation XSS parses otherwise once). */
  private closeLeftOpen(head: string): SanitizeResult {
    const closed = this.sanitizer.sanitize(head, this.keepPublished);
    for (let round = 0; round < 3; round++) {
      const again = this.sanitizer.sanitize(closed.html, this.keepPublished);
      if (again.html === closed.html) break;
      closed.html = again.html;
      closed.removed.push(...again.removed);
    }
    return closed;
  }

  /** One document of the pieces a body was cut into: their blocks in order, with the whitespace between them. */
  private joinPieces(pieces: { piece: BodyDocument; lines: number }[]): BodyDocument {
    const nodes: PMNode[] = [];
    const report: BodyReportItem[] = [];
    let leading = '';
    let between = '';
    for (const { piece, lines } of pieces) {
      const empty = piece.doc.childCount === 1 && piece.doc.firstChild!.attrs[SOURCE_ATTR] === null;
      if (empty) {
        // Nothing of it is left (what was closed was removed), but the report says what happened.
        for (const { block: _none, ...item } of piece.report) report.push({ ...item, line: item.line + lines });
        between += piece.leading + piece.trailing;
        continue;
      }
      const last = nodes.pop();
      if (last) {
        const joined = this.withSource(last, (last.attrs[SOURCE_ATTR] as string) + between + piece.leading);
        const check = this.renderChecks.get(last);
        if (check) this.renderChecks.set(joined, { ...check, source: joined.attrs[SOURCE_ATTR] as string });
        nodes.push(joined);
      } else leading = between + piece.leading;
      const offset = nodes.length;
      for (const item of piece.report) report.push({ ...item, line: item.line + lines, ...(item.block === undefined ? {} : { block: item.block + offset }) });
      piece.doc.forEach((node) => {
        // A check left for later says its line in the whole body, as the report does.
        const check = this.renderChecks.get(node);
        if (check) check.line += lines;
        nodes.push(node);
      });
      between = piece.trailing;
    }
    if (nodes.length === 0) nodes.push(this.schema.nodes['paragraph']!.create());
    return { doc: this.schema.nodes['doc']!.create(null, nodes), leading, trailing: between, report };
  }

  /** Reads a body whose top-level segments are its blocks. */
  private importBlocks(source: string): BodyDocument {
    const report: BodyReportItem[] = [];
    const kramdownSafe = kramdownSafeBody(source);
    const body = kramdownSafe.body;
    if (kramdownSafe.findings.length > 0) {
      const sourceLineOf = lineCounter(source);
      for (const finding of kramdownSafe.findings) report.push(kramdownReportItem(finding, sourceLineOf(finding.offset)));
    }
    const split = splitTopLevel(body);
    const { segments } = split;
    const lineOf = lineCounter(body);
    // The markup of each block: the whitespace at the end of an element left open to the end of the
    // body is the body's, not the block's (`<p>last` and a line break). Not where whitespace is the
    // element's own text (`<pre>`, `<textarea>`).
    const openTails = segments.map((segment, index) =>
      index === segments.length - 1 && !KEEPS_WHITESPACE.test(segment.html) ? (/\s+$/.exec(segment.html)?.[0] ?? '') : '',
    );
    const blockHtml = segments.map((segment, index) => segment.html.slice(0, segment.html.length - openTails[index]!.length));
    const light = this.readLightBlocks(split, blockHtml);
    // Most bodies hold nothing to remove: one pass over the whole body tells, and only otherwise is
    // each block sanitised on its own, to say where each removal was. That pass parses the body; when
    // its tree has the blocks as they parse one by one, the blocks are read from it, not parsed again.
    // Light blocks need neither: each stands in as an empty comment, so the others keep their places.
    // A body of light blocks and whitespace has nothing left to sanitise.
    const onlyLight = light.size === segments.length && /^\s*$/.test(split.leading + segments.map((s) => s.after).join(''));
    const sanitised = light.size === 0 ? body : withStandIns(body, split, light);
    const parsed = onlyLight ? null : this.sanitizer.parseClean(sanitised);
    const bodyIsClean = onlyLight || parsed !== null || isUntouched(this.sanitizer.sanitize(sanitised, this.keepPublished));
    // (The sanitiser's document is in quirks mode: fine for a parser whose matching ignores the mode.)
    const shared = parsed && this.parser.independentOfMode && sharesBlocks(parsed, split, light) ? parsed : null;
    // The text between blocks is whitespace, unless the parser skipped markup there (a stray
    // `<body onload>`, an unclosed `<script>`): that is sanitised too, and dropped if anything is removed.
    const gap = (text: string, line: number): string => {
      if (bodyIsClean || /^\s*$/.test(text)) return text;
      const { removed } = this.sanitizer.sanitize(text);
      if (removed.length === 0) return text;
      for (const r of removed) report.push({ kind: 'removed', line, message: `Removed ${r.what}.`, snippet: r.snippet });
      return (/^\s*/.exec(text)?.[0] ?? '') + (/\s*$/.exec(text)?.[0] ?? '');
    };
    const leading = gap(split.leading, 1);
    const nodes: PMNode[] = [];
    let trailing = '';

    segments.forEach((segment, index) => {
      const line = lineOf(segment.start);
      const isLast = index === segments.length - 1;
      const segmentAfter = gap(segment.after, lineOf(segment.start + segment.html.length));
      // The whitespace after the last block is the body's, not the block's.
      if (isLast) trailing = openTails[index]! + segmentAfter;
      const after = isLast ? '' : segmentAfter;
      // The block's source: where it is the body's own text as read (nearly always), a slice of the body,
      // one small string pointing into the page's text. `html + after` made a concatenation, which the
      // first read of it (a trim, a test) copies into a string of its own.
      const sourceOf = (text: string): string =>
        text === blockHtml[index] && text === segment.html && after === (isLast ? '' : segment.after)
          ? body.slice(segment.start, segment.start + text.length + after.length)
          : text + after;

      // Every segment becomes exactly one node, the next one pushed: its items point at it.
      const block = nodes.length;
      const reportedBefore = report.length;
      let html = blockHtml[index]!;
      const lightBlock = light.get(index);
      const { html: clean, removed, keptEmbeds } = bodyIsClean || lightBlock ? { html, removed: [], keptEmbeds: [] } : this.sanitizer.sanitize(html, this.keepPublished);
      if (removed.length > 0) {
        html = clean;
        for (const r of removed) report.push({ kind: 'removed', line, message: `Removed ${r.what}.`, snippet: r.snippet });
      }

      const parsedBlock =
        segment.kind === 'comment' || keptEmbeds.length > 0
          ? null
          : lightBlock
            ? this.parseLightBlock(lightBlock, html, line, report)
            : shared && segment.kind === 'element'
              ? this.parseBlock(shared, shared.childNodes[segment.node] as Element, line, report, segment.node, this.deferRenderChecks)
              : this.parseBlockText(html, segment.kind === 'inline', line, report, this.deferRenderChecks);
      if (keptEmbeds.length > 0) {
        // The whole block is locked: its markup stays as published, and nothing in it can be edited.
        const hosts = [...new Set(keptEmbeds.map((embed) => embed.host))];
        const node = this.schema.nodes[PUBLISHED_EMBED_TYPE]!.create({ html, hosts });
        report.push({ kind: 'keptRaw', line, message: publishedEmbedNote(hosts), snippet: snip(html) });
        nodes.push(this.withSource(node, sourceOf(html)));
      } else if (parsedBlock) {
        const node = this.deferChildSources ? parsedBlock.node : this.withChildSources(parsedBlock.node, html);
        const source = sourceOf(html);
        const tracked = this.withSource(node, source, parsedBlock.rendered);
        if (parsedBlock.original) this.renderChecks.set(tracked, { original: parsedBlock.original, line, html, source });
        nodes.push(tracked);
      } else {
        report.push({ kind: 'keptRaw', line, message: 'Kept as HTML: no block edits this markup.', snippet: snip(html) });
        nodes.push(this.rawBlock(html, sourceOf(html)));
      }
      for (let i = reportedBefore; i < report.length; i++) report[i]!.block = block;
    });

    if (nodes.length === 0) nodes.push(this.schema.nodes['paragraph']!.create());
    const doc = this.schema.nodes['doc']!.create(null, nodes);
    return { doc, leading, trailing, report };
  }

  /**
   * A container read with its children's places (see `childSources.ts`) and its children, each with
   * its own source: the sources of the children read, and of its children the ones that changed.
   */
  private withChildSources(node: PMNode, html: string): PMNode {
    if (!node.type.spec[CHILD_SOURCES_ATTR] || node.childCount === 0) return node;
    const open = this.render(node.type.create(node.attrs)).element;
    if (!open) return node;
    const sources = childSourcesOf(html, open.localName, node.childCount, hashString(open.outerHTML), node.type.spec[CHILD_SOURCES_ATTR] as ChildSourcesSpec);
    if (!sources) return node;
    const children: PMNode[] = [];
    for (let i = 0; i < node.childCount; i++) {
      const part = sources.children[i]!;
      const child = this.withChildSources(node.child(i), part.html);
      const rendered = this.render(child);
      // Each child must be the element whose text it is given.
      // (A text run is text-level content, which its part is when the split found it between blocks.)
      const fits = rendered.run ? !/^<(?:div|p|h[1-6]|ul|ol|table)[\\t\\n\\f\\r />]/i.test(part.html) : rendered.element && new RegExp(`^<${rendered.element.localName}[\\t\\n\\f\\r />]`, 'i').test(part.html);
      if (!fits) return node;
      children.push(this.withSource(child, part.html + part.after, child.type.name === RAW_TYPE ? (child.attrs['html'] as string) : rendered.html));
    }
    return node.type.create({ ...node.attrs, [CHILD_SOURCES_ATTR]: sources }, children, node.marks);
  }

  /** An edited container written as its source with only what changed in it replaced; null without child sources. */
  private exportAroundChildren(node: PMNode, removed: Removal[]): string | null {
    const sources = node.attrs[CHILD_SOURCES_ATTR] as ChildSources | null;
    if (!sources || !node.type.spec[CHILD_SOURCES_ATTR]) return null;
    const empty = this.renderBlock(node.type.create(node.attrs));
    let open = sources.open;
    let close = sources.close;
    if (hashString(empty) !== sources.openKey) {
      // New attributes: the element's own tags written afresh (the children stay as they are).
      const clean = this.sanitizer.sanitize(empty);
      removed.push(...clean.removed);
      const element = this.workDocument().createElement('div');
      element.innerHTML = clean.html;
      const fresh = element.firstElementChild;
      if (!fresh) return null;
      fresh.innerHTML = '';
      open = fresh.outerHTML.slice(0, fresh.outerHTML.length - `</${fresh.localName}>`.length);
      close = `</${fresh.localName}>`;
    }
    const parts = [open, sources.leading];
    node.forEach((child, _offset, index) => {
      const source = child.attrs[SOURCE_ATTR] as string | null;
      if (source !== null && this.isUnedited(child)) {
        parts.push(source);
        return;
      }
      const html =
        (source !== null ? this.exportAroundChildren(child, removed) : null) ??
        this.asWritten(child, source ?? neighbourSource(node, index), removed, source) ??
        this.freshBlock(child, removed, source);
      parts.push(html + (source !== null ? trailingWhitespace(source) : '\n'));
    });
    parts.push(close);
    return parts.join('');
  }

  /**
   * An edited or new child written the way its own source, or else a neighbour's, is written: on one
   * line when that is, and list items without the paragraph the editor keeps their text in when their
   * items have none (`<li>Text</li>`, not `<li><p>Text</p></li>`). Null when there is no source to follow.
   */
  private asWritten(child: PMNode, sample: string | null, removed: Removal[], own: string | null): string | null {
    const html = this.layOutAsWritten(child, sample, removed);
    // Its text spelled as its own source spelled it (see `freshBlock`).
    return html !== null && own !== null ? respellLike(html, own) : html;
  }

  private layOutAsWritten(child: PMNode, sample: string | null, removed: Removal[]): string | null {
    if (sample === null || child.type.name === RAW_TYPE || child.type.name === PUBLISHED_EMBED_TYPE) return null;
    const clean = this.sanitizer.sanitize(this.renderBlock(child));
    const container = this.workDocument().createElement('div');
    container.innerHTML = clean.html;
    const element = container.firstElementChild;
    removed.push(...clean.removed);
    // A text run (see `render`) is written as its content.
    if (!element || container.childNodes.length > 1) return clean.html;
    if (!ITEM_WITH_PARAGRAPH.test(sample)) {
      const items = element.localName === 'li' ? [element, ...Array.from(element.querySelectorAll('li'))] : Array.from(element.querySelectorAll('li'));
      for (const item of items) unwrapLeadingParagraph(item);
    }
    return /[\n\r]/.test(sample.trim()) ? this.formatBlock(element.outerHTML) : element.outerHTML;
  }

  /** Whether a block still renders as it did when it was read (its source is then written back). */
  private isUnedited(node: PMNode): boolean {
    return this.unedited.has(node) || hashString(this.renderBlock(node)) === node.attrs[SOURCE_KEY_ATTR];
  }

  /** A block rendered afresh, sanitised and laid out; its text spelled as `source`, the block as read, spelled it. */
  private freshBlock(node: PMNode, removed: Removal[], source: string | null = null): string {
    // A locked embed's markup came from the page as published; everything else is new markup.
    const locked = node.type.name === PUBLISHED_EMBED_TYPE;
    const clean = this.sanitizer.sanitize(this.renderBlock(node), locked ? this.keepPublished : {});
    removed.push(...clean.removed);
    if (node.type.name === RAW_TYPE || locked) return clean.html;
    const html = this.formatBlock(clean.html);
    return source !== null ? respellLike(html, source) : html;
  }

  /** Writes a document back as an HTML body: unedited blocks as they were read, the rest freshly serialised. */
  exportHtml(body: Pick<BodyDocument, 'doc' | 'leading' | 'trailing'>, options: ExportOptions = {}): ExportResult {
    const reuse = options.reuseSource !== false;
    const removed: Removal[] = [];
    const parts: string[] = [];
    const count = body.doc.childCount;

    body.doc.forEach((node, _offset, index) => {
      const source = node.attrs[SOURCE_ATTR] as string | null;
      const isLast = index === count - 1;
      if (reuse && source !== null && this.isUnedited(node)) {
        parts.push(isLast && !KEEPS_WHITESPACE.test(source) ? source.trimEnd() : source);
        return;
      }
      const html = (reuse && source !== null ? this.exportAroundChildren(node, removed) : null) ?? this.freshBlock(node, removed, reuse ? source : null);
      const separator = isLast ? '' : source !== null ? trailingWhitespace(source) || '\n' : '\n';
      // A new block starts on its own line, also after an unedited block written without a line break.
      const previous = parts[parts.length - 1];
      const before = previous !== undefined && !/\s$/.test(previous) ? '\n' : '';
      parts.push(before + html + separator);
    });

    let html = parts.join('');
    // An empty document is an empty body, not an empty paragraph nobody wrote.
    if (count === 1 && body.doc.firstChild!.type.name === 'paragraph' && body.doc.firstChild!.content.size === 0 && body.doc.firstChild!.attrs[SOURCE_ATTR] === null) {
      html = '';
    }
    // Jekyll renders the body with kramdown: what it would read as markdown is written as text.
    const published = kramdownSafeBody(body.leading + html + body.trailing);
    for (const finding of published.findings) removed.push({ what: finding.message.replace(/\.$/, ''), snippet: finding.snippet });
    return { html: published.body, removed };
  }

  /**
   * Marks the blocks of `shown`, the editor's copy of a document this codec read (`read`, made from its
   * JSON in the editor's own schema), as unedited where their originals are: export then writes them
   * from their source without rendering them again. Export reads blocks of either schema (by name).
   * A container's children count as unedited too, so that their sources can be filled in later.
   */
  adoptUnedited(read: PMNode, shown: PMNode): void {
    const adopt = (original: PMNode, copy: PMNode, inside: boolean): void => {
      if (original.childCount !== copy.childCount) return;
      original.forEach((child, _offset, index) => {
        const twin = copy.child(index);
        if (twin.type.name !== child.type.name) return;
        if (inside || this.unedited.has(child)) this.unedited.add(twin);
        const check = inside ? undefined : this.renderChecks.get(child);
        if (check) this.renderChecks.set(twin, check);
        // Only a container's children have sources of their own (see `withChildSources`).
        if (child.type.spec[CHILD_SOURCES_ATTR] && child.attrs[SOURCE_ATTR] !== null) adopt(child, twin, true);
      });
    };
    adopt(read, shown, false);
  }

  /**
   * Fills in the child sources that import left for later (`deferChildSources`) for the containers of
   * `doc`, an editor's document adopted with `adoptUnedited`, while `more()` says there is time. True
   * once every container of `doc` is done. The sources go into the hidden attributes of the very
   * blocks that were read from the page (never into a block made since): they say where the block
   * came from, nothing that shows, so the document stays the same document.
   */
  trackChildSources(doc: PMNode, more: () => boolean): boolean {
    let done = true;
    doc.forEach((node) => {
      if (!done || !this.awaitsChildSources(node)) return;
      if (!more()) {
        done = false;
        return;
      }
      this.fillChildSources(node);
    });
    return done;
  }

  /** A container read from the page whose child sources were left for later and not yet tried. */
  private awaitsChildSources(node: PMNode): boolean {
    return Boolean(node.type.spec[CHILD_SOURCES_ATTR]) && node.attrs[SOURCE_ATTR] !== null && node.attrs[CHILD_SOURCES_ATTR] === null && !this.childSourcesTried.has(node.attrs);
  }

  /** Attrs objects of containers whose child sources were worked out (or could not be). */
  private readonly childSourcesTried = new WeakSet<object>();

  private fillChildSources(node: PMNode): void {
    this.childSourcesTried.add(node.attrs);
    const html = (node.attrs[SOURCE_ATTR] as string).trimEnd();
    // An unedited block is what its source reads as; an edited one is compared with a fresh reading.
    const original = this.unedited.has(node) ? node : this.parseOriginal(html);
    if (!original) return;
    const tracked = this.withChildSources(original, html);
    if (tracked.attrs[CHILD_SOURCES_ATTR] === null || tracked.childCount !== node.childCount) return;
    setHiddenAttr(node, CHILD_SOURCES_ATTR, tracked.attrs[CHILD_SOURCES_ATTR]);
    node.forEach((child, _offset, index) => {
      // A child edited since it was read keeps no source, as a new one: it is written afresh.
      if (this.unedited.has(child) && (original === node || child.eq(original.child(index)))) this.copySources(tracked.child(index), child);
    });
  }

  /** The block `html` reads as, or null. */
  private parseOriginal(html: string): PMNode | null {
    try {
      return this.parseBlockText(html, false, 0, [])?.node ?? null;
    } catch {
      return null;
    }
  }

  /** Copies the source attributes of `from` (a tracked reading) into `into`, an unedited block read from the page, and its children's. */
  private copySources(from: PMNode, into: PMNode): void {
    for (const name of [SOURCE_ATTR, SOURCE_KEY_ATTR, CHILD_SOURCES_ATTR]) setHiddenAttr(into, name, from.attrs[name]);
    if (from.attrs[CHILD_SOURCES_ATTR] === null || from.childCount !== into.childCount) return;
    from.forEach((child, _offset, index) => this.copySources(child, into.child(index)));
  }

  /** The document as TipTap JSON, for the editor (source attributes included). */
  toJSON(doc: PMNode): JSONContent {
    return doc.toJSON() as JSONContent;
  }

  fromJSON(json: JSONContent): PMNode {
    return this.schema.nodeFromJSON(json);
  }

  /** The blocks of plain markup, by segment index, read into the light DOM (in Node only). */
  private readLightBlocks(split: SegmentedBody, blockHtml: string[]): Map<number, Node> {
    const light = new Map<number, Node>();
    if (!lightBlockReader || !split.selfContained) return light;
    split.segments.forEach((segment, index) => {
      if (segment.kind !== 'element') return;
      const container = lightBlockReader!.read(blockHtml[index]!, this.plainMarkup);
      if (container) light.set(index, container);
    });
    return light;
  }

  /**
   * Parses a light block as `parseBlockText` parses its text. Should a block need something the light
   * DOM lacks (it throws), the block is read with jsdom after all: a real fault shows there too.
   */
  private parseLightBlock(container: Node, html: string, line: number, report: BodyReportItem[]): ParsedBlock | null {
    const reader = lightBlockReader!;
    const reportedBefore = report.length;
    try {
      const original = (container as ParentNode).firstElementChild;
      return original ? withDomDocument(reader.document, () => this.parseBlock(container, original, line, report)) : null;
    } catch {
      report.length = reportedBefore;
      return this.parseBlockText(html, false, line, report);
    }
  }

  /** Parses one top-level block from its source text. */
  private parseBlockText(html: string, inline: boolean, line: number, report: BodyReportItem[], deferCheck = false): ParsedBlock | null {
    const container = this.workDocument().createElement('div');
    container.innerHTML = inline ? `<p>${html}</p>` : html;
    const original = container.firstElementChild;
    if (!original) return null;
    return this.parseBlock(container, original, line, report, undefined, deferCheck);
  }

  /**
   * Parses one top-level block, `original`, from the content of `parent` (only its child at `index`,
   * when given); null when the blocks cannot express it without losing something. With `deferCheck`,
   * whether it renders back as read is left for `checkRenders` (the block then knows no rendering yet).
   */
  private parseBlock(parent: Node, original: Element, line: number, report: BodyReportItem[], index?: number, deferCheck = false): ParsedBlock | null {
    const range = index === undefined ? {} : { from: index, to: index + 1 };
    const slice = this.parser.parseSlice(parent, { preserveWhitespace: false, ...range });
    // One top-level element must give exactly one block; more means a wrapper was lost.
    if (slice.content.childCount !== 1) return null;
    const node = slice.content.firstChild!;
    if (!node.type.isBlock) return null;
    // The parser does not fill required content: a node missing some (an item without an answer) is not valid.
    try {
      node.check();
    } catch {
      return null;
    }
    if (deferCheck) return { node, rendered: null, original };
    const rendered = this.rendersAsRead(node, original, line, report);
    return rendered === null ? null : { node, rendered };
  }

  /**
   * What `node`, read from `original`, renders to: null when that would lose something the markup has;
   * the attributes only an edit would drop are reported.
   */
  private rendersAsRead(node: PMNode, original: Element, line: number, report: BodyReportItem[]): string | null {
    const { element: rendered, html } = this.render(node);
    if (!rendered || rendered.localName !== original.localName) return null;
    // A block that renders back to the very same tree keeps everything; otherwise compare what matters.
    if (!rendered.isEqualNode(original)) {
      const before = inventory(original);
      const after = inventory(rendered);
      if (!sameInventory(before, after)) return null;
      for (const attribute of before.attributes) {
        if (after.attributes.has(attribute)) continue;
        const [tag, name, value] = attribute.split('|');
        report.push({
          kind: 'dropsOnEdit',
          line,
          message: `Kept as written; editing this block would drop the ${name} attribute of <${tag}>.`,
          snippet: snip(`${name}="${value}"`),
        });
      }
    }
    return node.type.name === RAW_TYPE ? (node.attrs['html'] as string) : html;
  }

  /**
   * Runs the render-back checks import left for later (`deferRenderChecks`) on the top-level blocks of
   * `doc` (the read document or the editor's copy adopted with `adoptUnedited`) while `more()` says
   * there is time. A block that renders back as read gets its key, as import gives it; the blocks that
   * do not are returned with the raw block, in `doc`'s schema, to put in each one's place. The report
   * says what the checks found, as import would have said it. With `only`, the other blocks are left
   * for a later call, and `done` says whether the chosen ones are.
   */
  checkRenders(doc: PMNode, more: () => boolean, only?: (block: PMNode) => boolean): RenderCheckOutcome {
    const outcome: RenderCheckOutcome = { done: true, keptRaw: [], report: [] };
    doc.forEach((node, _offset, index) => {
      const check = outcome.done && (only === undefined || only(node)) ? this.renderChecks.get(node) : undefined;
      if (!check) return;
      if (!more()) {
        outcome.done = false;
        return;
      }
      this.renderChecks.delete(node);
      const found: BodyReportItem[] = [];
      const rendered = this.rendersAsRead(node, check.original, check.line, found);
      if (rendered !== null) {
        setHiddenAttr(node, SOURCE_KEY_ATTR, hashString(rendered));
        for (const item of found) outcome.report.push({ ...item, block: index });
        return;
      }
      const raw = doc.type.schema.nodes[RAW_TYPE]!.create({ html: check.html, [SOURCE_ATTR]: check.source, [SOURCE_KEY_ATTR]: hashString(check.html) });
      this.unedited.add(raw);
      outcome.keptRaw.push({ node, raw });
      outcome.report.push({ kind: 'keptRaw', line: check.line, message: 'Kept as HTML: no block edits this markup.', snippet: snip(check.html), block: index });
    });
    return outcome;
  }

  /**
   * An inert document to parse and render in: nothing in it loads or runs (no image requests, no
   * handlers), even for markup a user typed into a raw block that export has not sanitised yet.
   */
  private workDocument(): Document {
    // A light block renders in the light DOM (see `parseLightBlock`).
    const rendering = renderingDocument();
    if (rendering) return rendering;
    const win = domWindow();
    if (this.inert?.window !== win) {
      this.inert = { window: win, document: win.document.implementation.createHTMLDocument('') };
    }
    return this.inert.document;
  }

  /** A raw block holding `html`, which writes back as `source` while nobody edits it. */
  rawBlock(html: string, source: string): PMNode {
    return this.withSource(this.schema.nodes[RAW_TYPE]!.create({ html }), source);
  }

  /** `rendered`: what the node renders to, when already known; null while its render-back check waits (no key yet). */
  private withSource(node: PMNode, source: string, rendered: string | null = this.renderBlock(node)): PMNode {
    const key = rendered === null ? null : hashString(rendered);
    const tracked = node.type.create({ ...node.attrs, [SOURCE_ATTR]: source, [SOURCE_KEY_ATTR]: key }, node.content, node.marks);
    this.unedited.add(tracked);
    return tracked;
  }

  /** The HTML a block renders to, before layout. Raw blocks render to their own markup. */
  private renderBlock(node: PMNode): string {
    if (node.type.name === RAW_TYPE || node.type.name === PUBLISHED_EMBED_TYPE) return node.attrs['html'] as string;
    return this.render(node).html;
  }

  /** A block rendered in the work document: its element, and that element's HTML. */
  private render(node: PMNode): { element: Element | null; html: string; run?: boolean } {
    const document = this.workDocument();
    const container = document.createElement('div');
    this.serializer.serializeFragment(Fragment.from(node), { document }, container);
    let element = container.firstElementChild;
    let html = element?.outerHTML ?? '';
    // Raw markup inside a block renders as a placeholder holding it; put the markup in its place.
    // A text run's content, likewise, stands where its element is.
    if (!html.includes(RAW_HTML_ATTRIBUTE) && !html.includes(`<${TEXT_RUN_TAG}`)) return { element, html };
    const run = element?.localName === TEXT_RUN_TAG;
    for (const each of Array.from(container.getElementsByTagName(TEXT_RUN_TAG))) each.replaceWith(...Array.from(each.childNodes));
    for (const placeholder of Array.from(container.querySelectorAll(`[${RAW_HTML_ATTRIBUTE}]`))) {
      const template = document.createElement('template');
      template.innerHTML = placeholder.getAttribute(RAW_HTML_ATTRIBUTE) ?? '';
      placeholder.replaceWith(template.content);
    }
    element = container.firstElementChild;
    // A text run is its content: text and elements side by side.
    if (run) return { element, html: container.innerHTML, run };
    html = element?.outerHTML ?? '';
    return { element, html };
  }

  private formatBlock(html: string): string {
    const container = this.workDocument().createElement('div');
    container.innerHTML = html;
    const parts = Array.from(container.children).map((el) => formatElement(el));
    return parts.join('\n');
  }
}

/**
 * Sets a hidden source attribute of a block read from the page, in its own attrs object: one that
 * shares its type's defaults (as new blocks and most blocks inside a block do) is given its own first.
 */
function setHiddenAttr(node: PMNode, name: string, value: unknown): void {
  const defaults = (node.type as unknown as { defaultAttrs: Attrs | null }).defaultAttrs;
  if (defaults !== null && node.attrs === defaults) {
    if (value === defaults[name]) return;
    // A block read from the page with default attributes shares its type's: it gets its own to change.
    (node as { attrs: Attrs }).attrs = attrsInFields(defaults);
  }
  (node.attrs as Record<string, unknown>)[name] = value;
}

/** A kramdown finding as an import report item: all but typography would publish markup the editor does not show. */
function kramdownReportItem(finding: KramdownFinding, line: number): BodyReportItem {
  const kind = finding.kind === 'typography' ? 'resolved' : 'removed';
  return { kind, line, message: `${finding.message} (Jekyll's kramdown)`, snippet: finding.snippet };
}

interface ParsedBlock {
  node: PMNode;
  /** The HTML the node renders to; null when its render-back check was left for later. */
  rendered: string | null;
  /** The element it was read from, kept for the check left for later. */
  original?: Element;
}

/** A block's render-back check left for later: the element it was read from, and its markup as read. */
interface DeferredRenderCheck {
  original: Element;
  line: number;
  /** The block's markup (sanitised), which a raw block would hold. */
  html: string;
  /** Its source: the markup and the whitespace after it. */
  source: string;
}

/** What `checkRenders` found. */
export interface RenderCheckOutcome {
  /** True once every block of the document is checked. */
  done: boolean;
  /** The blocks that do not render back as read, each with the raw block to put in its place. */
  keptRaw: { node: PMNode; raw: PMNode }[];
  report: BodyReportItem[];
}

/**
 * Whether the sanitiser's parse of a body holds its blocks as they parse one by one: the same top-level
 * nodes as the split found, each parsed from its own text only.
 */
function sharesBlocks(parsed: HTMLElement, split: SegmentedBody, light: ReadonlyMap<number, unknown>): boolean {
  if (!split.selfContained) return false;
  const names = [...split.topLevel];
  // Light blocks stand in as comments there.
  for (const index of light.keys()) names[split.segments[index]!.node] = '#comment';
  const children = parsed.childNodes;
  if (children.length !== names.length) return false;
  for (let i = 0; i < names.length; i++) {
    const child = children[i]!;
    const name = child.nodeType === 1 ? (child as Element).localName : child.nodeName;
    if (name !== names[i]) return false;
  }
  return true;
}

/** The body with each light block's markup replaced by an empty comment. */
function withStandIns(body: string, split: SegmentedBody, light: ReadonlyMap<number, unknown>): string {
  const parts: string[] = [];
  let cursor = 0;
  split.segments.forEach((segment, index) => {
    if (!light.has(index)) return;
    parts.push(body.slice(cursor, segment.start), '<!---->');
    cursor = segment.start + segment.html.length;
  });
  parts.push(body.slice(cursor));
  return parts.join('');
}

interface Inventory {
  text: string;
  references: string[];
  structure: string;
  /** `tag|attribute|value` of every attribute, to tell what an edit would drop. */
  attributes: Set<string>;
}

const REFERENCE_ATTRIBUTES: Record<string, string[]> = { a: ['href'], img: ['src', 'alt'], iframe: ['src'], source: ['src'], video: ['src'] };
const STRUCTURAL_TAGS = new Set(['li', 'tr', 'td', 'th', 'details', 'summary', 'img', 'iframe', 'table', 'ul', 'ol', 'blockquote', 'hr', 'pre']);

/** What must survive parsing for a block to be edited structurally: its words, addresses and shape. */
function inventory(root: Element): Inventory {
  const references: string[] = [];
  const structure: string[] = [];
  const attributes = new Set<string>();
  // Every element in document order, without recursion (a body may nest deeply): down to the first
  // child, else on to the next sibling of the nearest ancestor that has one. Sibling links, not
  // `Array.from(el.children)`: jsdom's HTMLCollection makes that quadratic in the child count.
  for (let el: Element | null = root; el; el = nextInDocumentOrder(el, root)) {
    const tag = el.localName;
    for (const attr of REFERENCE_ATTRIBUTES[tag] ?? []) references.push(`${tag}.${attr}=${el.getAttribute(attr) ?? ''}`);
    if (STRUCTURAL_TAGS.has(tag)) structure.push(tag);
    const attrs = el.attributes;
    for (let i = 0; i < attrs.length; i++) attributes.add(`${tag}|${attrs[i]!.name}|${attrs[i]!.value}`);
  }
  // Whitespace between blocks is layout, not content: compare the words only.
  const text = (root.textContent ?? '').replace(/\s+/g, '');
  return { text, references, structure: structure.join(','), attributes };
}

/** The element after `el` in document order within `root`, or null at the end. */
function nextInDocumentOrder(el: Element, root: Element): Element | null {
  if (el.firstElementChild) return el.firstElementChild;
  for (let at: Element | null = el; at && at !== root; at = at.parentElement) {
    if (at.nextElementSibling) return at.nextElementSibling;
  }
  return null;
}

function sameInventory(a: Inventory, b: Inventory): boolean {
  return a.text === b.text && a.structure === b.structure && a.references.join('\n') === b.references.join('\n');
}

/** An item whose text sits in a paragraph: `<li …><p`. */
const ITEM_WITH_PARAGRAPH = /<li\b[^>]*>\s*<p[\t\n\f\r />]/i;

/** The source of the nearest child beside `index` that has one (the one before first), or null. */
function neighbourSource(parent: PMNode, index: number): string | null {
  for (let distance = 1; distance < parent.childCount; distance++) {
    for (const at of [index - distance, index + distance]) {
      if (at < 0 || at >= parent.childCount) continue;
      const source = parent.child(at).attrs[SOURCE_ATTR] as string | null;
      if (source !== null) return source;
    }
  }
  return null;
}

/** An item's first paragraph, when plain and first in it, replaced by its content. */
function unwrapLeadingParagraph(item: Element): void {
  const first = item.firstElementChild;
  if (!first || first.localName !== 'p' || first.attributes.length > 0) return;
  for (let node = item.firstChild; node && node !== first; node = node.nextSibling) {
    if (node.nodeType !== 3 || (node.textContent ?? '').trim() !== '') return;
  }
  first.replaceWith(...Array.from(first.childNodes));
}

/** A block whose whitespace is its own text, even at its very end when it is left open. */
const KEEPS_WHITESPACE = /^<(?:pre|textarea|listing|plaintext)\b/i;

function trailingWhitespace(text: string): string {
  return /\s*$/.exec(text)?.[0] ?? '';
}

function isUntouched(result: SanitizeResult): boolean {
  return result.removed.length === 0 && result.keptEmbeds.length === 0;
}

function snip(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > SNIPPET_LENGTH ? `${flat.slice(0, SNIPPET_LENGTH)}…` : flat;
}
