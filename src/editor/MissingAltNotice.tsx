import type { Editor } from '@tiptap/core';
import { NodeSelection } from '@tiptap/pm/state';
import { useEffect, useState } from 'react';
import { imagesWithoutAlt } from '../../extensions/image/schema.ts';
import { onUpdatesThrottled } from './throttledUpdates.ts';

const INTERVAL_MS = 500;

/**
 * A warning above the canvas while images on the page lack a description (alt text), with a button
 * that selects the first one so its settings are at hand. Checked at most every 500 ms after a change;
 * React re-renders only when the count changes, never per keystroke.
 */
export function MissingAltNotice({ editor }: { editor: Editor }) {
  const [count, setCount] = useState(() => imagesWithoutAlt(editor.state.doc).length);

  useEffect(() => onUpdatesThrottled(editor, () => setCount(imagesWithoutAlt(editor.state.doc).length), INTERVAL_MS), [editor]);

  if (count === 0) return null;

  const showFirst = () => {
    const [pos] = imagesWithoutAlt(editor.state.doc);
    if (pos === undefined) return;
    editor.view.dispatch(editor.state.tr.setSelection(NodeSelection.create(editor.state.doc, pos)).scrollIntoView());
    editor.view.focus();
    const dom = editor.view.nodeDOM(pos);
    if (dom instanceof HTMLElement) dom.scrollIntoView({ block: 'center' });
  };

  return (
    <div className="notice notice--warning missing-alt-notice" role="status">
      <p>
        {count === 1 ? '1 image has' : `${count} images have`} no description (alt text). People who cannot see images
        rely on it; describe each image, or mark it as decorative.
      </p>
      <button type="button" className="button" onClick={showFirst}>
        Show {count === 1 ? 'the image' : 'the first'}
      </button>
    </div>
  );
}
