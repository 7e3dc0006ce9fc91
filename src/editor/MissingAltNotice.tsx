import type { Editor } from '@tiptap/core';
import { NodeSelection } from '@tiptap/pm/state';
import type { Transaction } from '@tiptap/pm/state';
import { useEffect, useState } from 'react';
import { flushSync } from 'react-dom';
import { imagesWithoutAlt, touchesImages } from '../../extensions/image/schema.ts';

/**
 * A warning above the canvas while images on the page lack a description (alt text), with a button
 * that selects the first one so its settings are at hand. Counted again only after a change that
 * touches an image (typing never does), and shown in the same frame as that change: appearing a
 * moment later would push the page down under the pointer of someone about to click the new image.
 */
export function MissingAltNotice({ editor }: { editor: Editor }) {
  const [count, setCount] = useState(() => imagesWithoutAlt(editor.state.doc).length);

  useEffect(() => {
    let frame = 0;
    const recount = () => {
      frame = 0;
      if (editor.isDestroyed) return;
      const next = imagesWithoutAlt(editor.state.doc).length;
      flushSync(() => setCount(next));
    };
    const onTransaction = ({ transaction }: { transaction: Transaction }) => {
      if (frame === 0 && transaction.docChanged && touchesImages(transaction)) frame = requestAnimationFrame(recount);
    };
    setCount(imagesWithoutAlt(editor.state.doc).length);
    editor.on('transaction', onTransaction);
    return () => {
      editor.off('transaction', onTransaction);
      cancelAnimationFrame(frame);
    };
  }, [editor]);

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
