import { Extension } from '@tiptap/core';
import type { Node as PMNode } from '@tiptap/pm/model';
import { NodeSelection, Plugin, Selection, PluginKey, TextSelection, type EditorState, type Transaction } from '@tiptap/pm/state';
import type { EditorView } from '@tiptap/pm/view';

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

export const dragHandleKey = new PluginKey('blockDragHandle');

/** The top-level block under a point, with its start position and DOM node. */
function blockAt(view: EditorView, x: number, y: number): { pos: number; dom: HTMLElement } | null {
  const rect = view.dom.getBoundingClientRect();
  // Probe inside the content box: the handle itself sits in the margin.
  const probe = view.posAtCoords({ left: Math.min(Math.max(x, rect.left + 48), rect.right - 8), top: y });
  if (!probe) return null;
  const pos = probe.inside >= 0 ? probe.inside : probe.pos;
  const $pos = view.state.doc.resolve(Math.min(pos, view.state.doc.content.size));
  const start = $pos.depth === 0 ? $pos.pos - ($pos.nodeBefore && !$pos.nodeAfter ? $pos.nodeBefore.nodeSize : 0) : $pos.before(1);
  const node = view.state.doc.nodeAt(start);
  if (!node) return null;
  const dom = view.nodeDOM(start);
  return dom instanceof HTMLElement ? { pos: start, dom } : null;
}

/** A handle at the left of the top-level block under the mouse: drag it to move the block. */
function dragHandlePlugin(): Plugin {
  return new Plugin({
    key: dragHandleKey,
    view(view) {
      const handle = document.createElement('div');
      handle.className = 'block-drag-handle';
      handle.draggable = true;
      // Mouse only: the keyboard moves blocks with Alt+Arrow keys, which the shortcuts dialog lists.
      handle.setAttribute('aria-hidden', 'true');
      handle.title = 'Drag to move this block (or press Alt+Up / Alt+Down)';
      handle.textContent = '⠿';
      handle.hidden = true;
      let current: number | null = null;
      // From the press on the handle to the drop, the block stays the one pressed (hiding the drag
      // source, or moving it to another block, would cancel or misdirect the drag).
      let dragging = false;
      const press = () => {
        dragging = true;
      };
      const release = () => {
        dragging = false;
      };
      const host = view.dom.parentElement;
      host?.appendChild(handle);
      if (host && getComputedStyle(host).position === 'static') host.style.position = 'relative';

      const place = (event: MouseEvent) => {
        if (dragging || !view.editable || !host) return;
        const found = blockAt(view, event.clientX, event.clientY);
        if (!found) return;
        current = found.pos;
        const hostRect = host.getBoundingClientRect();
        const blockRect = found.dom.getBoundingClientRect();
        handle.style.top = `${blockRect.top - hostRect.top + host.scrollTop}px`;
        handle.style.left = `${Math.max(0, blockRect.left - hostRect.left - 28)}px`;
        handle.hidden = false;
      };
      const hide = (event: MouseEvent) => {
        if (dragging) return;
        if (event.relatedTarget instanceof Node && (handle.contains(event.relatedTarget) || view.dom.contains(event.relatedTarget))) return;
        handle.hidden = true;
      };
      const dragStart = (event: DragEvent) => {
        if (current === null || !event.dataTransfer) return;
        const node = view.state.doc.nodeAt(current);
        if (!node) return;
        const selection = NodeSelection.create(view.state.doc, current);
        view.dispatch(view.state.tr.setSelection(selection));
        const slice = selection.content();
        const { dom, text } = view.serializeForClipboard(slice);
        event.dataTransfer.clearData();
        event.dataTransfer.setData('text/html', dom.innerHTML);
        event.dataTransfer.setData('text/plain', text);
        event.dataTransfer.effectAllowed = 'copyMove';
        const blockDom = view.nodeDOM(current);
        if (blockDom instanceof HTMLElement) event.dataTransfer.setDragImage(blockDom, 0, 0);
        view.dragging = { slice, move: true };
        dragging = true;
      };
      const dragEnd = () => {
        dragging = false;
        handle.hidden = true;
      };

      view.dom.addEventListener('mousemove', place);
      view.dom.addEventListener('mouseleave', hide);
      handle.addEventListener('mouseleave', hide);
      handle.addEventListener('mousedown', press);
      const ownerDocument = view.dom.ownerDocument;
      ownerDocument.addEventListener('mouseup', release);
      handle.addEventListener('dragstart', dragStart);
      handle.addEventListener('dragend', dragEnd);
      return {
        update() {
          if (current !== null && current > view.state.doc.content.size) handle.hidden = true;
        },
        destroy() {
          view.dom.removeEventListener('mousemove', place);
          view.dom.removeEventListener('mouseleave', hide);
          ownerDocument.removeEventListener('mouseup', release);
          handle.remove();
        },
      };
    },
  });
}

/** Moving top-level blocks: Alt+ArrowUp / Alt+ArrowDown, and a drag handle for the mouse. */
export const BlockMove = Extension.create<{ dragHandle: boolean }>({
  name: 'blockMove',

  addOptions() {
    return { dragHandle: true };
  },

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

  addProseMirrorPlugins() {
    return this.options.dragHandle && typeof document !== 'undefined' ? [dragHandlePlugin()] : [];
  },
});
