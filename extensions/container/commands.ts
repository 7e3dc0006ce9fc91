import type { Node as PMNode } from '@tiptap/pm/model';
import type { Transform } from '@tiptap/pm/transform';

/** Whether the container at `pos` is an item of a repeated layout: its parent is a layout too. */
export function isLayoutItem(doc: PMNode, pos: number): boolean {
  const $pos = doc.resolve(pos);
  return $pos.parent.type.name === 'layoutContainer';
}

/** Puts a copy of the node at `pos` right after it (another person in a grid of people). */
export function duplicateAt(tr: Transform, pos: number): boolean {
  const node = tr.doc.nodeAt(pos);
  if (!node) return false;
  tr.insert(pos + node.nodeSize, node);
  return true;
}

/** Replaces the container at `pos` by its children; false when the place around it cannot hold them. */
export function unwrapAt(tr: Transform, pos: number): boolean {
  const node = tr.doc.nodeAt(pos);
  if (!node || node.type.name !== 'layoutContainer') return false;
  const $pos = tr.doc.resolve(pos);
  const index = $pos.index();
  if (!$pos.parent.canReplace(index, index + 1, node.content)) return false;
  if (node.childCount === 0) {
    tr.delete(pos, pos + node.nodeSize);
  } else {
    tr.replaceWith(pos, pos + node.nodeSize, node.content);
  }
  return true;
}

/** A class attribute as typed: classes separated by single spaces; null when there is none. */
export function normaliseClasses(text: string): string | null {
  const classes = text.trim().split(/\s+/).filter(Boolean);
  return classes.length > 0 ? classes.join(' ') : null;
}

/** The attributes with `class` set to `classes` (kept in its place), or removed when null. */
export function withClasses(attributes: Record<string, string>, classes: string | null): Record<string, string> {
  const out: Record<string, string> = {};
  let placed = false;
  for (const [name, value] of Object.entries(attributes)) {
    if (name !== 'class') out[name] = value;
    else if (classes !== null) {
      out[name] = classes;
      placed = true;
    }
  }
  if (!placed && classes !== null) return { class: classes, ...out };
  return out;
}
