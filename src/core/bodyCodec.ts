import { Extension, getSchema, type AnyExtension, type JSONContent } from '@tiptap/core';
import { DOMParser as PMDOMParser, DOMSerializer, Fragment, type Node as PMNode, type Schema } from '@tiptap/pm/model';
import type { BlockDefinition } from './blockDefinition.ts';
import { domWindow } from './dom.ts';
import { formatElement } from './formatHtml.ts';
import { hashString } from './hashString.ts';
import { lineCounter } from './lines.ts';
import { createSanitizer, type Removal, type Sanitizer } from './sanitize.ts';
import { splitTopLevel } from './topLevelSegments.ts';

/** Something an import did to the page that the user should know about, with its place in the body. */
export interface BodyReportItem {
  /** `resolved`: a markdown conversion rewrote something to what it means (e.g. Liquid `relative_url`). */
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

const SOURCE_ATTR = 'source';
const SOURCE_KEY_ATTR = 'sourceKey';
const RAW_TYPE = 'rawHtml';
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
      return [{ types: nodeTypes, attributes: { [SOURCE_ATTR]: hidden, [SOURCE_KEY_ATTR]: hidden } }];
    },
  });
}

/** The schema, parser, serialiser and sanitiser of one block registry: built once, used for every page. */
export class BodyCodec {
  readonly extensions: AnyExtension[];
  readonly schema: Schema;
  readonly sanitizer: Sanitizer;
  private readonly parser: PMDOMParser;
  private readonly serializer: DOMSerializer;
  private inert: { window: unknown; document: Document } | null = null;

  constructor(readonly blocks: readonly BlockDefinition[]) {
    const blockExtensions = blocks.flatMap((b) => b.extensions);
    const plainSchema = getSchema(blockExtensions);
    const trackedTypes = Object.keys(plainSchema.nodes).filter((n) => n !== 'doc' && n !== 'text');
    this.extensions = [...blockExtensions, sourceTracking(trackedTypes)];
    this.schema = getSchema(this.extensions);
    this.parser = PMDOMParser.fromSchema(this.schema);
    this.serializer = DOMSerializer.fromSchema(this.schema);
    this.sanitizer = createSanitizer(blocks);
  }

  /** Reads a `variant: tiptap` HTML body. Nothing is dropped: what no block understands becomes a raw block. */
  importHtml(body: string): BodyDocument {
    const split = splitTopLevel(body);
    const { segments } = split;
    const report: BodyReportItem[] = [];
    const lineOf = lineCounter(body);
    // Most bodies hold nothing to remove: one pass over the whole body tells, and only otherwise is
    // each block sanitised on its own, to say where each removal was.
    const bodyIsClean = this.sanitizer.sanitize(body).removed.length === 0;
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
      if (isLast) trailing = segmentAfter;
      // The whitespace after the last block is the body's, not the block's.
      const after = isLast ? '' : segmentAfter;

      // Every segment becomes exactly one node, the next one pushed: its items point at it.
      const block = nodes.length;
      const reportedBefore = report.length;
      let html = segment.html;
      const { html: clean, removed } = bodyIsClean ? { html, removed: [] } : this.sanitizer.sanitize(html);
      if (removed.length > 0) {
        html = clean;
        for (const r of removed) report.push({ kind: 'removed', line, message: `Removed ${r.what}.`, snippet: r.snippet });
      }

      const node = segment.kind === 'comment' ? null : this.parseBlock(html, segment.kind === 'inline', line, report);
      if (node) {
        nodes.push(this.withSource(node, html + after));
      } else {
        report.push({ kind: 'keptRaw', line, message: 'Kept as HTML: no block edits this markup.', snippet: snip(html) });
        nodes.push(this.rawBlock(html, html + after));
      }
      for (let i = reportedBefore; i < report.length; i++) report[i]!.block = block;
    });

    if (nodes.length === 0) nodes.push(this.schema.nodes['paragraph']!.create());
    const doc = this.schema.nodes['doc']!.create(null, nodes);
    return { doc, leading, trailing, report };
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
      const rendered = this.renderBlock(node);
      if (reuse && source !== null && hashString(rendered) === node.attrs[SOURCE_KEY_ATTR]) {
        parts.push(isLast ? source.trimEnd() : source);
        return;
      }
      const clean = this.sanitizer.sanitize(rendered);
      removed.push(...clean.removed);
      const html = node.type.name === RAW_TYPE ? clean.html : this.formatBlock(clean.html);
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
    return { html: body.leading + html + body.trailing, removed };
  }

  /** The document as TipTap JSON, for the editor (source attributes included). */
  toJSON(doc: PMNode): JSONContent {
    return doc.toJSON() as JSONContent;
  }

  fromJSON(json: JSONContent): PMNode {
    return this.schema.nodeFromJSON(json);
  }

  /** Parses one top-level block; null when the blocks cannot express it without losing something. */
  private parseBlock(html: string, inline: boolean, line: number, report: BodyReportItem[]): PMNode | null {
    const container = this.workDocument().createElement('div');
    container.innerHTML = inline ? `<p>${html}</p>` : html;
    const original = container.firstElementChild;
    if (!original) return null;

    const slice = this.parser.parseSlice(container, { preserveWhitespace: false });
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

    const rendered = this.renderToElement(node);
    if (!rendered || rendered.localName !== original.localName) return null;
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
    return node;
  }

  /**
   * An inert document to parse and render in: nothing in it loads or runs (no image requests, no
   * handlers), even for markup a user typed into a raw block that export has not sanitised yet.
   */
  private workDocument(): Document {
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

  private withSource(node: PMNode, source: string): PMNode {
    const key = hashString(this.renderBlock(node));
    return node.type.create({ ...node.attrs, [SOURCE_ATTR]: source, [SOURCE_KEY_ATTR]: key }, node.content, node.marks);
  }

  /** The HTML a block renders to, before layout. Raw blocks render to their own markup. */
  private renderBlock(node: PMNode): string {
    if (node.type.name === RAW_TYPE) return node.attrs['html'] as string;
    return this.renderToElement(node)?.outerHTML ?? '';
  }

  private renderToElement(node: PMNode): Element | null {
    const document = this.workDocument();
    const container = document.createElement('div');
    container.appendChild(this.serializer.serializeFragment(Fragment.from(node), { document }));
    // Raw blocks nested in other blocks render as placeholders; put their markup in place.
    for (const placeholder of Array.from(container.querySelectorAll('[data-raw-html]'))) {
      const template = document.createElement('template');
      template.innerHTML = placeholder.getAttribute('data-raw-html') ?? '';
      placeholder.replaceWith(template.content);
    }
    return container.firstElementChild;
  }

  private formatBlock(html: string): string {
    const container = this.workDocument().createElement('div');
    container.innerHTML = html;
    const parts = Array.from(container.children).map((el) => formatElement(el));
    return parts.join('\n');
  }
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
  const visit = (el: Element) => {
    const tag = el.localName;
    for (const attr of REFERENCE_ATTRIBUTES[tag] ?? []) references.push(`${tag}.${attr}=${el.getAttribute(attr) ?? ''}`);
    if (STRUCTURAL_TAGS.has(tag)) structure.push(tag);
    for (const attr of Array.from(el.attributes)) attributes.add(`${tag}|${attr.name}|${attr.value}`);
    // Sibling links, not `Array.from(el.children)`: jsdom's HTMLCollection makes that quadratic in the child count.
    for (let child = el.firstElementChild; child; child = child.nextElementSibling) visit(child);
  };
  visit(root);
  // Whitespace between blocks is layout, not content: compare the words only.
  const text = (root.textContent ?? '').replace(/\s+/g, '');
  return { text, references, structure: structure.join(','), attributes };
}

function sameInventory(a: Inventory, b: Inventory): boolean {
  return a.text === b.text && a.structure === b.structure && a.references.join('\n') === b.references.join('\n');
}

function trailingWhitespace(text: string): string {
  return /\s*$/.exec(text)?.[0] ?? '';
}

function snip(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > SNIPPET_LENGTH ? `${flat.slice(0, SNIPPET_LENGTH)}…` : flat;
}
