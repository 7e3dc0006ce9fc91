import { Extension, type Editor } from '@tiptap/core';
import { Plugin, PluginKey, TextSelection, type Transaction } from '@tiptap/pm/state';
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
  // (An editor not on the page yet stands in with a view that has no observer: nothing is pending.)
  if (!('domObserver' in view)) return;
  (view as unknown as ObservedView).domObserver?.flush?.();
}

/**
 * Adds a plugin to an editor already on the page. The update draws the page again and puts the editor's
 * caret back on it: a click the editor has not heard of yet (the browser reports it a moment later)
 * would be undone, so it is read first. Every plugin that joins late (the blocks' views, table editing,
 * link typing, review markers) comes through here.
 */
export function registerLatePlugin(editor: Editor, plugin: Plugin, handlePlugins?: (plugin: Plugin, plugins: Plugin[]) => Plugin[]): void {
  readPendingSelection(editor.view);
  editor.registerPlugin(plugin, handlePlugins);
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

/**
 * Keeps the caret after the text just typed at it. The editor learns where the caret went after a key
 * from the browser, and Chromium, sent a key straight after the editor moved the caret into a new empty
 * block (Enter, a choice in the `/` menu) while it is busy, can report the caret before the letter it
 * has just inserted: the next letters then go in front of it ("ur parksO"). Text typed at the caret
 * always leaves the caret after it, so that is where it is put.
 */
export function caretAfterTypedText(view: EditorView, from: number, to: number, text: string, typed: () => Transaction): boolean {
  const { selection } = view.state;
  if (view.composing || !(selection instanceof TextSelection) || selection.from !== from || selection.to !== to) return false;
  const tr = typed();
  const after = from + text.length;
  // What Chromium reported: the caret in front of the text it has just inserted there.
  const caretInFront = tr.selection.empty && tr.selection.head === from && after <= tr.doc.content.size && tr.doc.textBetween(from, after) === text;
  if (caretInFront) tr.setSelection(TextSelection.create(tr.doc, after));
  // What the view would dispatch itself, the caret mended.
  view.dispatch(tr);
  return true;
}

export const CaretAfterTypedText = Extension.create({
  name: 'caretAfterTypedText',
  // After every other handler of typed text (input rules such as "## " for a heading), as the last word.
  priority: 1,
  addProseMirrorPlugins() {
    return [new Plugin({ key: new PluginKey('caretAfterTypedText'), props: { handleTextInput: caretAfterTypedText } })];
  },
});
