import type { Editor } from '@tiptap/core';
import { whenIdleAfterPaint } from '../core/firstUse.ts';

/**
 * Runs `run` once the page has painted and the browser is idle, then after document changes, at most
 * once every `intervalMs`: for status figures under or above the canvas that must stay off the
 * keystroke path and off the page's first frames. Returns the unsubscribe.
 */
export function onUpdatesThrottled(editor: Editor, run: () => void, intervalMs: number): () => void {
  let timer: ReturnType<typeof setTimeout> | null = null;
  let last = 0;
  let stopped = false;
  const fire = () => {
    timer = null;
    last = Date.now();
    if (!stopped && !editor.isDestroyed) run();
  };
  const onUpdate = () => {
    if (timer === null) timer = setTimeout(fire, Math.max(0, intervalMs - (Date.now() - last)));
  };
  // (Unless an edit came first: its timer counts then.)
  whenIdleAfterPaint(() => {
    if (last === 0 && timer === null) fire();
  }, intervalMs);
  editor.on('update', onUpdate);
  return () => {
    stopped = true;
    editor.off('update', onUpdate);
    if (timer !== null) clearTimeout(timer);
  };
}
