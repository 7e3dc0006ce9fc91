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

// What says someone is using the page: the pointer moving over it or pressing, a key, the wheel, focus moving.
const INPUT_EVENTS = ['pointermove', 'pointerover', 'pointerdown', 'keydown', 'wheel', 'touchstart', 'focusin'] as const;

/**
 * Runs `run` once, at the first input anywhere in the page after this call (see `INPUT_EVENTS`), never
 * on a timer: code that only editing, saving or the settings need is then not loaded for a page that is
 * only looked at. Returns a function that stops waiting. Outside a browser it never runs.
 */
export function onFirstInput(run: () => void): () => void {
  if (typeof window === 'undefined') return () => {};
  const options = { capture: true, passive: true } as const;
  const stop = () => {
    for (const type of INPUT_EVENTS) window.removeEventListener(type, once, options);
  };
  function once() {
    stop();
    run();
  }
  for (const type of INPUT_EVENTS) window.addEventListener(type, once, options);
  return stop;
}

/**
 * Runs `callback` once the page has painted and the browser is idle, or after `timeoutMs` however busy
 * it is (where there is no idle callback, after a short timer).
 */
export function whenIdleAfterPaint(callback: () => void, timeoutMs = 1000): void {
  const idle = () => (typeof requestIdleCallback === 'function' ? requestIdleCallback(callback, { timeout: timeoutMs }) : setTimeout(callback, 200));
  // Two frames: the first one paints the page.
  requestAnimationFrame(() => requestAnimationFrame(idle));
}
