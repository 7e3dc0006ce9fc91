import type { Editor } from '@tiptap/core';

/**
 * Runs `run` now and then after document changes, at most once every `intervalMs`: for status
 * figures under or above the canvas that must stay off the keystroke path. Returns the unsubscribe.
 */
export function onUpdatesThrottled(editor: Editor, run: () => void, intervalMs: number): () => void {
  let timer: ReturnType<typeof setTimeout> | null = null;
  let last = 0;
  const fire = () => {
    timer = null;
    last = Date.now();
    if (!editor.isDestroyed) run();
  };
  const onUpdate = () => {
    if (timer === null) timer = setTimeout(fire, Math.max(0, intervalMs - (Date.now() - last)));
  };
  fire();
  editor.on('update', onUpdate);
  return () => {
    editor.off('update', onUpdate);
    if (timer !== null) clearTimeout(timer);
  };
}
