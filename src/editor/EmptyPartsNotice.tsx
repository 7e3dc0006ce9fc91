import type { Editor } from '@tiptap/core';
import { TextSelection, type Transaction } from '@tiptap/pm/state';
import { useEffect, useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import { touchesNodeTypes } from '../core/touchesNodeTypes.ts';
import { EMPTY_PART_TYPES, findEmptyParts, type EmptyPart, type EmptyPartKind } from './emptyParts.ts';

const NAMES: Record<EmptyPartKind, [one: string, many: string]> = {
  accordionItem: ['accordion item without a question or an answer', 'accordion items without a question or an answer'],
  card: ['card without a title', 'cards without a title'],
  tableHeader: ['empty table header cell', 'empty table header cells'],
};

function summary(parts: readonly EmptyPart[]): string {
  const counts = new Map<EmptyPartKind, number>();
  for (const part of parts) counts.set(part.kind, (counts.get(part.kind) ?? 0) + 1);
  return [...counts].map(([kind, n]) => `${n} ${NAMES[kind][n === 1 ? 0 : 1]}`).join(', ');
}

const samePlaces = (a: readonly EmptyPart[], b: readonly EmptyPart[]) => a.length === b.length && a.every((p, i) => p.pos === b[i]!.pos && p.kind === b[i]!.kind);

/**
 * A warning above the canvas while the page has parts the site would show blank (an accordion item
 * without a question or an answer, a card without a title, an empty table header cell), with a button
 * that puts the cursor in each one in turn. Like the missing-alt warning, it is there before saving,
 * shown in the same frame as the change that calls for it, and looked for again only after a change
 * inside an accordion item, a card or a table header (typing elsewhere costs nothing).
 */
export function EmptyPartsNotice({ editor }: { editor: Editor }) {
  const [parts, setParts] = useState(() => findEmptyParts(editor.state.doc));
  // Where the last part shown was; the button goes on to the next one after it.
  const lastShown = useRef(-1);

  useEffect(() => {
    let frame = 0;
    const recount = () => {
      frame = 0;
      if (editor.isDestroyed) return;
      const next = findEmptyParts(editor.state.doc);
      flushSync(() => setParts((current) => (samePlaces(current, next) ? current : next)));
    };
    const onTransaction = ({ transaction }: { transaction: Transaction }) => {
      if (transaction.docChanged && lastShown.current >= 0) lastShown.current = transaction.mapping.map(lastShown.current);
      if (frame === 0 && transaction.docChanged && touchesNodeTypes(transaction, EMPTY_PART_TYPES)) frame = requestAnimationFrame(recount);
    };
    setParts(findEmptyParts(editor.state.doc));
    editor.on('transaction', onTransaction);
    return () => {
      editor.off('transaction', onTransaction);
      cancelAnimationFrame(frame);
    };
  }, [editor]);

  if (parts.length === 0) return null;

  const showNext = () => {
    const all = findEmptyParts(editor.state.doc);
    const part = all.find((p) => p.pos > lastShown.current) ?? all[0];
    if (!part) return;
    lastShown.current = part.pos;
    const { state } = editor;
    editor.view.dispatch(state.tr.setSelection(TextSelection.near(state.doc.resolve(part.pos))).scrollIntoView());
    editor.view.focus();
  };

  return (
    <div className="notice notice--warning empty-parts-notice" role="status">
      <p>The site would show these blank: {summary(parts)}. Fill them in, or remove them.</p>
      <button type="button" className="button" onClick={showNext}>
        {parts.length === 1 ? 'Show it' : 'Show the next'}
      </button>
    </div>
  );
}
