/**
 * Which block of the editing canvas each review thread of the open page is beside. The server counts
 * the page's blocks as its change set has them; the canvas may hold edits not saved yet, and blocks the
 * server does not count (HTML comments, a trailing empty paragraph). The two lists are aligned by
 * their text, and a saved block the canvas has edited is paired with the canvas block most like it.
 * Pure: no React, no editor.
 */
import type { Node as PMNode } from '@tiptap/pm/model';
import { blockText, likeness, squeezedText } from '../../core/blockText.ts';
import { sequenceDiff } from '../../storage/lineDiff.ts';
import type { ReviewComment } from './reviewApi.ts';

/** The text of each top-level block of a document, as the server reads it from the saved page. */
export function canvasBlockTexts(doc: PMNode): string[] {
  const texts: string[] = [];
  doc.forEach((node) => {
    // A block without editable text (style, raw HTML) is known by the markup it was read from.
    const markup = [node.attrs['source'], node.attrs['html']].find((v): v is string => typeof v === 'string') ?? '';
    texts.push(node.textContent || blockText(markup));
  });
  return texts;
}

/** For each saved block, the index of the canvas block it is (null: the canvas has no block like it). */
export function alignBlocks(saved: readonly string[], canvas: readonly string[]): (number | null)[] {
  const s = saved.map(squeezedText);
  const c = canvas.map(squeezedText);
  const diff = sequenceDiff(
    s.map((_, i) => i),
    c.map((_, j) => j),
    (i, j) => s[i] === c[j],
  );
  const found: (number | null)[] = saved.map(() => null);
  let removed: number[] = [];
  let added: number[] = [];
  // Between two blocks both have, a saved block is the canvas block most like it (edited, not saved yet).
  const pairHunk = () => {
    for (const i of removed) {
      let best = -1;
      let score = 0;
      for (const j of added) {
        const l = likeness(saved[i]!, canvas[j]!);
        if (l > score) [best, score] = [j, l];
      }
      if (best < 0) continue;
      found[i] = best;
      added = added.filter((j) => j !== best);
    }
    removed = [];
    added = [];
  };
  let i = 0;
  let j = 0;
  for (const item of diff) {
    if (item.type === 'same') {
      pairHunk();
      found[i++] = j++;
    } else if (item.type === 'removed') removed.push(i++);
    else added.push(j++);
  }
  pairHunk();
  return found;
}

/** Threads beside one canvas block. */
export interface MarkerGroup {
  /** Index of the block among the document's top-level nodes. */
  node: number;
  /** The threads' first comments, oldest first. */
  roots: ReviewComment[];
}

/** The threads of a page beside their canvas blocks, and the rest (on the page, outdated, or on a block the canvas lost). */
export function markerGroups(saved: readonly string[], comments: readonly ReviewComment[], canvas: readonly string[]): { groups: MarkerGroup[]; elsewhere: ReviewComment[] } {
  const nodeOf = alignBlocks(saved, canvas);
  const byNode = new Map<number, ReviewComment[]>();
  const elsewhere: ReviewComment[] = [];
  for (const root of comments) {
    if (root.parentId !== null) continue;
    const node = root.blockIndex === null || root.outdated ? null : (nodeOf[root.blockIndex] ?? null);
    if (node === null) elsewhere.push(root);
    else byNode.set(node, [...(byNode.get(node) ?? []), root]);
  }
  const groups = [...byNode].sort((a, b) => a[0] - b[0]).map(([node, roots]) => ({ node, roots }));
  return { groups, elsewhere };
}
