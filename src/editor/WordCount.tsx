import type { Editor } from '@tiptap/core';
import { useEffect, useRef } from 'react';
import { onUpdatesThrottled } from './throttledUpdates.ts';

const INTERVAL_MS = 500;

interface CountStorage {
  characters?: () => number;
  words?: () => number;
}

function countText(editor: Editor): string {
  const storage = (editor.storage as unknown as Record<string, CountStorage | undefined>)['characterCount'];
  let characters: number;
  let words: number;
  if (storage?.characters && storage.words) {
    characters = storage.characters();
    words = storage.words();
  } else {
    const text = editor.state.doc.textBetween(0, editor.state.doc.content.size, ' ', ' ');
    characters = text.length;
    words = text.split(/\s+/).filter(Boolean).length;
  }
  const plural = (n: number, one: string, many: string) => `${n.toLocaleString('en')} ${n === 1 ? one : many}`;
  return `${plural(words, 'word', 'words')} · ${plural(characters, 'character', 'characters')}`;
}

/**
 * Words and characters of the page, under the canvas. Counted at most every 500 ms, written straight
 * into its text node: typing never re-renders React for it.
 */
export function WordCount({ editor }: { editor: Editor }) {
  const ref = useRef<HTMLParagraphElement>(null);

  useEffect(
    () =>
      onUpdatesThrottled(
        editor,
        () => {
          if (ref.current) ref.current.textContent = countText(editor);
        },
        INTERVAL_MS,
      ),
    [editor],
  );

  return <p ref={ref} className="word-count" />;
}
