import type { Node as PMNode } from '@tiptap/pm/model';
import { GapCursor } from '@tiptap/pm/gapcursor';
import { Selection, type Transaction } from '@tiptap/pm/state';

/**
 * Puts a block in place of the selection (a text block is split when the caret is inside it) and
 * returns the position where the block landed, or -1 if it could not be placed.
 */
export function insertBlock(tr: Transaction, node: PMNode): number {
  const stepsBefore = tr.steps.length;
  const from = tr.selection.from;
  tr.replaceSelectionWith(node);
  const start = tr.mapping.slice(stepsBefore).map(from, -1);
  let inserted = -1;
  tr.doc.nodesBetween(start, tr.doc.content.size, (child, pos) => {
    if (inserted !== -1) return false;
    if (pos >= start && child.type === node.type) {
      inserted = pos;
      return false;
    }
    return true;
  });
  return inserted;
}

/**
 * Puts the caret just after the block at `pos`, so typing goes on below it and never replaces it: in
 * the text that follows, or, when the block is the last one or another atom block follows, in the gap
 * after it (typing there starts a new paragraph; an untouched gap writes nothing to the file).
 */
export function caretAfterBlock(tr: Transaction, pos: number): void {
  const block = tr.doc.nodeAt(pos);
  if (!block) return;
  const $end = tr.doc.resolve(pos + block.nodeSize);
  const next = $end.nodeAfter;
  if (!next || (next.isBlock && next.isAtom)) {
    tr.setSelection(new GapCursor($end));
    return;
  }
  const text = Selection.findFrom($end, 1, true);
  if (text) tr.setSelection(text);
}
