import type { Editor } from '@tiptap/core';
import { useEffect, useRef } from 'react';
import { onUpdatesThrottled } from './throttledUpdates.ts';
import { countText } from './wordCount.ts';

const INTERVAL_MS = 500;

// One formatter for every count (`toLocaleString` sets one up each time it is called).
const NUMBERS = new Intl.NumberFormat('en');

function describe(editor: Editor): string {
  const { words, characters } = countText(editor.state.doc);
  const plural = (n: number, one: string, many: string) => `${NUMBERS.format(n)} ${n === 1 ? one : many}`;
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
          if (ref.current) ref.current.textContent = describe(editor);
        },
        INTERVAL_MS,
      ),
    [editor],
  );

  return <p ref={ref} className="word-count" />;
}
