import type { Editor } from '@tiptap/core';
import type { BodyCodec } from '../core/bodyCodec.ts';

/** The open page's source tracking while it still has work to do. */
let pending: { editor: Editor; finish: () => void } | null = null;

/**
 * Fills in what saving needs and the page does not show (the containers' child sources, see
 * `BodyCodec.trackChildSources`) in slices while the browser is idle, never blocking a keystroke.
 * Sets the `isomer:save-ready` mark once done; a save before then finishes the rest first
 * (`finishSourceTracking`). Returns a function that stops it.
 */
export function trackSourcesWhenIdle(editor: Editor, codec: BodyCodec): () => void {
  let handle: number | null = null;
  const done = () => {
    if (pending?.editor === editor) pending = null;
    performance.mark('isomer:save-ready');
  };
  const step = (deadline: IdleDeadline) => {
    handle = null;
    if (editor.isDestroyed) return;
    // At least one container each time, so that a browser that is never idle still gets there.
    let first = true;
    const more = () => {
      if (!first) return deadline.timeRemaining() > 1;
      first = false;
      return true;
    };
    if (codec.trackChildSources(editor.state.doc, more)) done();
    else handle = requestIdle(step);
  };
  const finish = () => {
    if (handle !== null) cancelIdle(handle);
    handle = null;
    codec.trackChildSources(editor.state.doc, () => true);
    done();
  };
  if (codec.trackChildSources(editor.state.doc, () => false)) {
    done();
    return () => {};
  }
  pending = { editor, finish };
  handle = requestIdle(step);
  return () => {
    if (handle !== null) cancelIdle(handle);
    handle = null;
    if (pending?.editor === editor) pending = null;
  };
}

/** Finishes the open page's source tracking now, if it is not done: saving and exporting call it first. */
export function finishSourceTracking(editor: Editor | null): void {
  if (pending && pending.editor === editor) pending.finish();
}

// A browser without idle callbacks (or a test's) gets short timers instead.
function requestIdle(callback: (deadline: IdleDeadline) => void): number {
  if (typeof requestIdleCallback === 'function') return requestIdleCallback(callback, { timeout: 1000 });
  return setTimeout(() => callback({ didTimeout: true, timeRemaining: () => 0 }), 50) as unknown as number;
}

function cancelIdle(handle: number): void {
  if (typeof cancelIdleCallback === 'function') cancelIdleCallback(handle);
  else clearTimeout(handle);
}
