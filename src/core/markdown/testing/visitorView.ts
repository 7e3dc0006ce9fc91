import MarkdownIt from 'markdown-it';
import type { Token } from 'markdown-it';
import { domDocument } from '../../dom.ts';

/** What a visitor of a page gets from it: its words, addresses, images, headings and table cells. */
export interface VisitorView {
  /** Runs of letters and digits, in reading order. */
  words: string[];
  hrefs: string[];
  /** `src|alt` of each image. */
  images: string[];
  /** `h<level>|text`. */
  headings: string[];
  /** Text of each table cell. */
  cells: string[];
}

const WORD = /[\p{L}\p{N}]+/gu;

function wordsOf(text: string): string[] {
  return text.match(WORD) ?? [];
}

function flat(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** Addresses compared as a browser resolves them: `%20` and a space are the same path. */
export function sameAddress(href: string): string {
  try {
    return decodeURI(href.trim());
  } catch {
    return href.trim();
  }
}

function emptyView(): VisitorView {
  return { words: [], hrefs: [], images: [], headings: [], cells: [] };
}

/** Adds what an HTML fragment shows: text nodes one by one (style and script hold none), links, images, headings, cells. */
function addHtml(view: VisitorView, html: string): void {
  const template = domDocument().createElement('template');
  template.innerHTML = html;
  const visit = (node: Node) => {
    if (node.nodeType === 3) {
      view.words.push(...wordsOf(node.textContent ?? ''));
      return;
    }
    if (node.nodeType !== 1) return;
    const element = node as Element;
    const tag = element.localName;
    // Their text is not shown (an iframe's text is a fallback browsers no longer display).
    if (tag === 'style' || tag === 'script' || tag === 'template' || tag === 'iframe') return;
    if (tag === 'a' && element.hasAttribute('href')) view.hrefs.push(sameAddress(element.getAttribute('href')!));
    if (tag === 'img') view.images.push(`${sameAddress(element.getAttribute('src') ?? '')}|${element.getAttribute('alt') ?? ''}`);
    if (/^h[1-6]$/.test(tag)) view.headings.push(`${tag}|${flat(element.textContent ?? '')}`);
    if (tag === 'td' || tag === 'th') view.cells.push(flat(element.textContent ?? ''));
    for (const child of Array.from(element.childNodes)) visit(child);
  };
  for (const child of Array.from(template.content.childNodes)) visit(child);
}

/** The visitor view of an HTML body (a tiptap page body). */
export function htmlView(html: string): VisitorView {
  const view = emptyView();
  addHtml(view, html);
  return view;
}

/**
 * The visitor view of markdown, read from markdown-it's token stream (plain CommonMark with GFM tables,
 * no plugins): text tokens, link and image tokens, headings and table cells; raw HTML tokens are read as
 * HTML. It knows nothing about Liquid or attribute lists: give it source where those are already handled.
 */
export function markdownView(markdown: string): VisitorView {
  const md = new MarkdownIt('default', { html: true, linkify: false, typographer: false });
  const tokens = md.parse(markdown, {});
  const view = emptyView();
  const inlineText = (children: Token[]) =>
    children
      .map((c) => (c.type === 'text' || c.type === 'code_inline' ? c.content : c.type === 'softbreak' || c.type === 'hardbreak' ? ' ' : ''))
      .join('');

  const visitInline = (children: Token[]) => {
    for (const child of children) {
      if (child.type === 'text' || child.type === 'code_inline') view.words.push(...wordsOf(child.content));
      else if (child.type === 'link_open') view.hrefs.push(sameAddress(child.attrGet('href') ?? ''));
      else if (child.type === 'image') view.images.push(`${sameAddress(child.attrGet('src') ?? '')}|${inlineText(child.children ?? [])}`);
      else if (child.type === 'html_inline') addHtml(view, child.content);
    }
  };

  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    const next = tokens[i + 1];
    if (token.type === 'heading_open' && next?.type === 'inline') {
      // Inline HTML in a heading (`<center>`) is markup; its text is the heading's.
      const template = domDocument().createElement('template');
      template.innerHTML = next.children!.map((c) => (c.type === 'html_inline' ? c.content : escapeText(c.type === 'softbreak' ? ' ' : c.type === 'image' ? '' : c.content))).join('');
      view.headings.push(`${token.tag}|${flat(template.content.textContent ?? '')}`);
    }
    if ((token.type === 'th_open' || token.type === 'td_open') && next?.type === 'inline') {
      const template = domDocument().createElement('template');
      template.innerHTML = next.children!.map((c) => (c.type === 'html_inline' ? c.content : escapeText(c.type === 'softbreak' ? ' ' : c.type === 'image' ? '' : c.content))).join('');
      view.cells.push(flat(template.content.textContent ?? ''));
    }
    if (token.type === 'inline') visitInline(token.children ?? []);
    else if (token.type === 'fence' || token.type === 'code_block') view.words.push(...wordsOf(token.content));
    else if (token.type === 'html_block') addHtml(view, token.content);
  }
  return view;
}

function escapeText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** The first item of `expected` (in order) that `actual` lacks: null when all are there, in that order. */
export function missingInOrder(expected: string[], actual: string[]): { index: number; item: string; context: string } | null {
  let j = 0;
  for (let i = 0; i < expected.length; i++) {
    while (j < actual.length && actual[j] !== expected[i]) j++;
    if (j === actual.length) return { index: i, item: expected[i]!, context: expected.slice(Math.max(0, i - 8), i + 8).join(' ') };
    j++;
  }
  return null;
}

/** Items of `expected` that `actual` lacks, counted (order ignored). */
export function missingItems(expected: string[], actual: string[]): string[] {
  const counts = new Map<string, number>();
  for (const a of actual) counts.set(a, (counts.get(a) ?? 0) + 1);
  const missing: string[] = [];
  for (const e of expected) {
    const n = counts.get(e) ?? 0;
    if (n === 0) missing.push(e);
    else counts.set(e, n - 1);
  }
  return missing;
}
