/**
 * A page's top-level blocks as plain text, the way a comment is anchored to one: the block's index,
 * and a hash of its text so that the comment finds its block again after the page changes.
 */
import { hashString } from '../../core/hashString.ts';
import { markdownToHtml } from '../../core/markdown/index.ts';
import { useJsdom } from '../../core/node/useJsdom.ts';
import { frontMatterData, readPageFile, pageVariant } from '../../core/pageFile.ts';
import { splitTopLevel } from '../../core/topLevelSegments.ts';

export interface PageBlock {
  text: string;
  hash: string;
}

/** The body of a page file as HTML (markdown pages rendered as the editor opens them), and its title. */
export function pageHtml(fileText: string): { title: string; html: string } {
  useJsdom();
  const page = readPageFile(fileText);
  const title = String(frontMatterData(page)['title'] ?? '');
  const html = pageVariant(page) === 'tiptap' ? page.body : markdownToHtml(page.body).html;
  return { title, html };
}

export function blockText(html: string): string {
  // Block-level tags separate words; inline ones (strong, a, em) sit inside them.
  const text = html
    .replace(/<\/?(?:p|div|li|ul|ol|br|h[1-6]|td|th|tr|table|section|blockquote|hr|img|figure|figcaption)\b[^>]*>/gi, ' ')
    .replace(/<[^>]*>/g, '')
    .replace(/&nbsp;/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'");
  return text.replace(/\s+/g, ' ').trim();
}

/** The page's top-level blocks (comments and whitespace-only runs are not blocks). */
export function pageBlocks(fileText: string): PageBlock[] {
  const { html } = pageHtml(fileText);
  return splitTopLevel(html)
    .segments.filter((s) => s.kind !== 'comment')
    .map((s) => {
      const text = blockText(s.html);
      // A block without text (an image) is known by its markup instead.
      return { text, hash: hashString(text || s.html) };
    });
}

export type Anchoring = { state: 'same' } | { state: 'moved'; index: number } | { state: 'outdated' };

/**
 * Where a block comment belongs in the page as it is now: still at its index, moved to the block of
 * the same text nearest to where it was, or outdated when no block has that text any more.
 */
export function reanchor(blocks: readonly PageBlock[], index: number, hash: string): Anchoring {
  if (blocks[index]?.hash === hash) return { state: 'same' };
  let best = -1;
  blocks.forEach((b, i) => {
    if (b.hash === hash && (best < 0 || Math.abs(i - index) < Math.abs(best - index))) best = i;
  });
  return best >= 0 ? { state: 'moved', index: best } : { state: 'outdated' };
}
