/**
 * A page's top-level blocks as plain text, the way a comment is anchored to one: the block's index,
 * and a hash of its text so that the comment finds its block again after the page changes.
 */
import { blockText, likeness } from '../../core/blockText.ts';
import { hashString } from '../../core/hashString.ts';
import { markdownToHtml } from '../../core/markdown/index.ts';
import { useJsdom } from '../../core/node/useJsdom.ts';
import { frontMatterData, readPageFile, pageVariant } from '../../core/pageFile.ts';
import { splitTopLevel } from '../../core/topLevelSegments.ts';

export interface PageBlock {
  text: string;
  hash: string;
  /** What a comment compares to find the block again once edited: its text, or its markup when it has none. */
  likeness: string;
}

/** The body of a page file as HTML (markdown pages rendered as the editor opens them), and its title. */
export function pageHtml(fileText: string): { title: string; html: string } {
  useJsdom();
  const page = readPageFile(fileText);
  const title = String(frontMatterData(page)['title'] ?? '');
  const html = pageVariant(page) === 'tiptap' ? page.body : markdownToHtml(page.body).html;
  return { title, html };
}

/** The page's top-level blocks (comments and whitespace-only runs are not blocks). */
export function pageBlocks(fileText: string): PageBlock[] {
  const { html } = pageHtml(fileText);
  return splitTopLevel(html)
    .segments.filter((s) => s.kind !== 'comment')
    .map((s) => {
      const text = blockText(s.html);
      // A block without text (an image) is known by its markup instead.
      return { text, hash: hashString(text || s.html), likeness: text || s.html };
    });
}

/** Where a block comment was last seen: the block's index, its hash and its likeness (see PageBlock). */
export interface BlockAnchor {
  index: number;
  hash: string;
  likeness: string;
}

export type Anchoring =
  | { state: 'same' }
  | { state: 'moved'; index: number }
  | { state: 'edited'; index: number; block: PageBlock }
  | { state: 'outdated' };

/** Blocks at least this alike are the same block edited; below it, the comment's block is gone. */
export const EDITED_LIKENESS = 0.6;

/**
 * Where a block comment belongs in the page as it is now: still at its index; moved to the block of
 * the same text nearest to where it was; on the block that reads most like it (edited a little,
 * `fuzzy` only), nearest first; or outdated when no block is left that is like it.
 */
export function reanchor(blocks: readonly PageBlock[], anchor: BlockAnchor, fuzzy = true): Anchoring {
  const { index, hash } = anchor;
  if (blocks[index]?.hash === hash) return { state: 'same' };
  const nearer = (i: number, than: number) => than < 0 || Math.abs(i - index) < Math.abs(than - index);
  let best = -1;
  blocks.forEach((b, i) => {
    if (b.hash === hash && nearer(i, best)) best = i;
  });
  if (best >= 0) return { state: 'moved', index: best };
  if (!fuzzy) return { state: 'outdated' };
  let score = EDITED_LIKENESS;
  blocks.forEach((b, i) => {
    const s = likeness(anchor.likeness, b.likeness);
    if (s > score || (s === score && nearer(i, best))) {
      score = s;
      best = i;
    }
  });
  return best >= 0 ? { state: 'edited', index: best, block: blocks[best]! } : { state: 'outdated' };
}
