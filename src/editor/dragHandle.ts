import { NodeSelection, Plugin, PluginKey } from '@tiptap/pm/state';
import type { EditorView } from '@tiptap/pm/view';

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
export function dragHandlePlugin(): Plugin {
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
