import type { Editor } from '@tiptap/core';

/**
 * Runs `run` once, when the editor is first used (the pointer over the page, focus, a selection
 * change) or when the browser is next idle after the editor is shown, whichever comes first: code
 * that editing needs but showing a page does not loads then, off the path to the first paint.
 */
export function whenFirstUsed(editor: Editor, run: () => void): void {
  const dom = editor.view.dom;
  const idle = typeof requestIdleCallback === 'function' ? requestIdleCallback(() => once(), { timeout: 3000 }) : null;
  function once() {
    editor.off('focus', once).off('selectionUpdate', once).off('destroy', forget);
    dom.removeEventListener('pointerover', once);
    if (idle !== null) cancelIdleCallback(idle);
    if (!editor.isDestroyed) run();
  }
  function forget() {
    editor.off('focus', once).off('selectionUpdate', once);
    if (idle !== null) cancelIdleCallback(idle);
  }
  editor.on('focus', once).on('selectionUpdate', once).on('destroy', forget);
  dom.addEventListener('pointerover', once);
}
