import { Extension } from '@tiptap/core';
import { Plugin, PluginKey } from '@tiptap/pm/state';
import type { EditorView } from '@tiptap/pm/view';

/** The part of the view's (internal) DOM observer this extension uses. */
interface ObservedView {
  domObserver?: { flush?: () => void };
}

/**
 * Makes a key act where the caret is on screen. The editor learns of a click's new caret from the
 * browser's `selectionchange` event, which Chromium queues behind input: when the main thread is busy
 * (a large page, the first focus), Enter or a typed letter could arrive first and act on the old caret,
 * e.g. a new paragraph at the top of the page. Before any key is handled, the pending selection is
 * read now, through the same path the event would take.
 */
export function readPendingSelection(view: EditorView): void {
  (view as unknown as ObservedView).domObserver?.flush?.();
}

export const SelectionBeforeKeys = Extension.create({
  name: 'selectionBeforeKeys',
  // Before every keymap, so Enter, Backspace and the `/` menu see the caret the person sees.
  priority: 10_000,
  addProseMirrorPlugins() {
    return [
      new Plugin({
        key: new PluginKey('selectionBeforeKeys'),
        props: {
          handleKeyDown(view) {
            readPendingSelection(view);
            return false;
          },
        },
      }),
    ];
  },
});
