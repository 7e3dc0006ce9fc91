import { Extension } from '@tiptap/core';
import type { Node as PMNode } from '@tiptap/pm/model';
import { NodeSelection, Selection, TextSelection, type EditorState, type Transaction } from '@tiptap/pm/state';

declare module '@tiptap/core' {
  interface Commands<ReturnType> {
    blockMove: {
      /** Moves the top-level block holding the selection one place up or down. */
      moveBlock: (direction: 'up' | 'down') => ReturnType;
    };
  }
}

const SOURCE_ATTR = 'source';

/** The index of the top-level block that holds the selection. */
function topLevelIndex(state: EditorState): number {
  return state.selection.$from.index(0);
}

/**
 * A block that was read from the file keeps its original text, whitespace after it included; the last
 * block is read without that whitespace, so it gets a line break when another block comes after it.
 */
function withLineBreak(node: PMNode): PMNode {
  const source = node.attrs[SOURCE_ATTR] as string | null | undefined;
  if (typeof source !== 'string' || /\s$/.test(source)) return node;
  return node.type.create({ ...node.attrs, [SOURCE_ATTR]: `${source}\n` }, node.content, node.marks);
}

/** Swaps top-level blocks `index` and `index + 1`; keeps the selection in the block that moved. */
export function swapBlocks(state: EditorState, index: number, selectedIndex: number): Transaction | null {
  const { doc } = state;
  if (index < 0 || index + 1 >= doc.childCount) return null;
  let start = 0;
  for (let i = 0; i < index; i++) start += doc.child(i).nodeSize;
  const first = doc.child(index);
  const second = doc.child(index + 1);
  const end = start + first.nodeSize + second.nodeSize;
  const isLastPair = index + 1 === doc.childCount - 1;
  const newFirst = isLastPair ? withLineBreak(second) : second;
  const tr = state.tr.replaceWith(start, end, [newFirst, first]);

  // Where the moved block's selection lands, relative to its new start.
  const { selection } = state;
  const movedWasFirst = selectedIndex === index;
  const oldStart = movedWasFirst ? start : start + first.nodeSize;
  const newStart = movedWasFirst ? start + newFirst.nodeSize : start;
  const shift = newStart - oldStart;
  if (selection instanceof NodeSelection) {
    tr.setSelection(NodeSelection.create(tr.doc, selection.from + shift));
  } else if (selection instanceof TextSelection) {
    tr.setSelection(TextSelection.create(tr.doc, selection.anchor + shift, selection.head + shift));
  } else {
    tr.setSelection(Selection.near(tr.doc.resolve(newStart + 1)));
  }
  return tr.scrollIntoView();
}

function moveCommand(state: EditorState, direction: 'up' | 'down', dispatch?: (tr: Transaction) => void): boolean {
  if (state.selection.$from.index(0) !== state.selection.$to.index(0) && !(state.selection instanceof NodeSelection)) return false;
  const index = topLevelIndex(state);
  const tr = swapBlocks(state, direction === 'up' ? index - 1 : index, index);
  if (!tr) return false;
  dispatch?.(tr);
  return true;
}

/**
 * Moving top-level blocks: Alt+ArrowUp / Alt+ArrowDown. The drag handle for the mouse (dragHandle.ts)
 * loads with the block views, after the page shows.
 */
export const BlockMove = Extension.create({
  name: 'blockMove',

  addCommands() {
    return {
      moveBlock:
        (direction) =>
        ({ state, dispatch }) =>
          moveCommand(state, direction, dispatch),
    };
  },

  addKeyboardShortcuts() {
    return {
      'Alt-ArrowUp': () => this.editor.commands.moveBlock('up'),
      'Alt-ArrowDown': () => this.editor.commands.moveBlock('down'),
    };
  },
});
