import type { Node as PMNode } from '@tiptap/pm/model';

/** Parts of blocks that the site shows as blank: an accordion item's bar, a card, a table's header. */
export type EmptyPartKind = 'accordionItem' | 'card' | 'tableHeader';

/** The node types whose parts can be blank: a change that touches none of them cannot change what is found. */
export const EMPTY_PART_TYPES: ReadonlySet<string> = new Set(['accordionItem', 'card', 'tableHeader']);

export interface EmptyPart {
  kind: EmptyPartKind;
  /** Where the cursor goes to fill the part: inside the blank question, answer, card title or cell. */
  pos: number;
}

/** No text and nothing else to see (an image, a rule); line breaks alone are blank. */
export function isBlank(node: PMNode): boolean {
  if (node.textContent.trim() !== '') return false;
  let shows = false;
  node.descendants((child) => {
    if (child.isLeaf && !child.isText && child.type.name !== 'hardBreak') shows = true;
    return !shows;
  });
  return !shows;
}

/** The position inside the first text block of `node` (at `pos`), where a cursor can go. */
function firstTextIn(node: PMNode, pos: number): number {
  let at: number | null = null;
  node.descendants((child, offset) => {
    if (at === null && child.isTextblock) at = pos + 1 + offset + 1;
    return at === null;
  });
  return at ?? pos + 1;
}

/** An item whose question or answer is blank: the cursor goes to the question first. */
function blankOfItem(item: PMNode, pos: number): number | null {
  const question = item.firstChild;
  const answer = item.lastChild;
  if (question && isBlank(question)) return pos + 2;
  if (question && answer && answer !== question && isBlank(answer)) return firstTextIn(answer, pos + 1 + question.nodeSize);
  return null;
}

/** A card whose title is missing or blank: the cursor goes into its title, or to its first text. */
function blankOfCard(card: PMNode, pos: number): number | null {
  let title: { node: PMNode; pos: number } | null = null;
  card.descendants((child, offset) => {
    if (child.type.name === 'cardTitle') title = { node: child, pos: pos + 1 + offset };
    return !child.isTextblock;
  });
  const found = title as { node: PMNode; pos: number } | null;
  if (found && !isBlank(found.node)) return null;
  return found ? found.pos + 1 : firstTextIn(card, pos);
}

/** The blank accordion items, untitled cards and empty table header cells of a page, in document order. */
export function findEmptyParts(doc: PMNode): EmptyPart[] {
  const found: EmptyPart[] = [];
  doc.descendants((node, pos) => {
    const name = node.type.name;
    if (name === 'accordionItem') {
      const at = blankOfItem(node, pos);
      if (at !== null) found.push({ kind: 'accordionItem', pos: at });
    } else if (name === 'card') {
      const at = blankOfCard(node, pos);
      if (at !== null) found.push({ kind: 'card', pos: at });
      return false;
    } else if (name === 'tableHeader') {
      if (isBlank(node)) found.push({ kind: 'tableHeader', pos: firstTextIn(node, pos) });
      return false;
    }
    // Text never holds these parts; an answer or a cell may hold further blocks.
    return !node.isTextblock;
  });
  return found;
}
