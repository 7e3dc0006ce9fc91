import type { Node as PMNode } from '@tiptap/pm/model';
import type { Transaction } from '@tiptap/pm/state';
import { AttrStep } from '@tiptap/pm/transform';

/**
 * Whether a transaction may have added, removed or changed a node of one of these types, or what is
 * inside one: one of its steps touches a range that held or holds one (or lies within one). Cheap for
 * typing (a few positions), so it can run on every transaction. The types are never inside text.
 */
export function touchesNodeTypes(tr: Transaction, types: ReadonlySet<string>): boolean {
  const holds = (doc: PMNode, from: number, to: number) => {
    let found = false;
    doc.nodesBetween(from, to, (node) => {
      if (types.has(node.type.name)) found = true;
      return !found && !node.isTextblock;
    });
    return found;
  };
  return tr.steps.some((step, i) => {
    const before = tr.docs[i]!;
    const after = tr.docs[i + 1] ?? tr.doc;
    // An attribute step maps no positions: it changes the one node at its position.
    if (step instanceof AttrStep) return types.has(before.nodeAt(step.pos)?.type.name ?? '');
    let touched = false;
    step.getMap().forEach((oldStart, oldEnd, newStart, newEnd) => {
      touched ||= holds(before, oldStart, oldEnd) || holds(after, newStart, newEnd);
    });
    return touched;
  });
}
