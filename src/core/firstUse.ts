import type { Editor } from '@tiptap/core';

const MAX_FRAMES_UNSHOWN = 600;

/**
 * Runs `run` once, when the editor is first used (the pointer over the page, focus, a selection
 * change) or when the browser is next idle after the editor is shown, whichever comes first: code
 * that editing needs but showing a page does not loads then, off the path to the first paint. When
 * `run` fails (its code could not be fetched), it is tried again at the next use.
 */
export function whenFirstUsed(editor: Editor, run: () => Promise<unknown>): void {
  const dom = editor.view.dom;
  let done = false;
  let framesWaited = 0;
  // Idle time is looked for only once the page is on screen: the editor may be made well before its
  // canvas is mounted, and idle moments before that would load this code ahead of the page. An
  // editor that is never shown (a render thrown away) stops looking after about ten seconds.
  const afterShown = () => {
    if (done || editor.isDestroyed || framesWaited++ > MAX_FRAMES_UNSHOWN) return;
    if (!dom.isConnected) return void requestAnimationFrame(afterShown);
    requestAnimationFrame(() => setTimeout(() => !done && requestIdleCallback(() => once(), { timeout: 3000 }), 0));
  };
  if (typeof requestIdleCallback === 'function' && typeof requestAnimationFrame === 'function') requestAnimationFrame(afterShown);
  function once() {
    if (done) return;
    done = true;
    editor.off('focus', once).off('selectionUpdate', once).off('destroy', forget);
    dom.removeEventListener('pointerover', once);
    if (!editor.isDestroyed) run().catch(() => whenFirstUsed(editor, run));
  }
  function forget() {
    done = true;
    editor.off('focus', once).off('selectionUpdate', once);
    dom.removeEventListener('pointerover', once);
  }
  editor.on('focus', once).on('selectionUpdate', once).on('destroy', forget);
  dom.addEventListener('pointerover', once);
}
