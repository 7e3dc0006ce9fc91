import type { Editor } from '@tiptap/core';
import { Fragment, type Node as PMNode } from '@tiptap/pm/model';
import { TextSelection } from '@tiptap/pm/state';
import { useId } from 'react';
import type { BlockPanelProps } from '../../src/editor/blockPanelProps.ts';
import { applyChange, nodeAt, onPanelKeyDown, setAttrs } from '../../src/editor/settingsControls.tsx';
import type { AccordionColour } from './schema.ts';

const COLOURS: { value: AccordionColour; label: string }[] = [
  { value: 'white', label: 'White' },
  { value: 'gray', label: 'Gray' },
];

function itemsOf(editor: Editor, pos: number): PMNode[] {
  const items: PMNode[] = [];
  nodeAt(editor, pos, 'accordion')?.forEach((item) => items.push(item));
  return items;
}

/** Replaces the accordion's items as one step; `focus` puts the cursor in that item's question. */
function setItems(editor: Editor, pos: number, items: PMNode[], focus?: number): void {
  const accordion = nodeAt(editor, pos, 'accordion');
  if (!accordion || items.length === 0) return;
  applyChange(editor, (tr) => {
    tr.replaceWith(pos + 1, pos + accordion.nodeSize - 1, Fragment.fromArray(items));
    if (focus !== undefined) {
      let at = pos + 1;
      for (let i = 0; i < focus; i++) at += items[i]!.nodeSize;
      // item > summary: the question's text starts two positions in.
      tr.setSelection(TextSelection.near(tr.doc.resolve(at + 2)));
    }
  });
}

function emptyItem(editor: Editor): PMNode {
  return editor.schema.nodeFromJSON({
    type: 'accordionItem',
    content: [{ type: 'accordionSummary' }, { type: 'accordionContent', content: [{ type: 'paragraph' }] }],
  });
}

/** Settings of an accordion: its colour, and its items' order. Questions and answers are typed in the page. */
export default function AccordionSettings({ editor, node, pos }: BlockPanelProps) {
  const colourName = useId();
  const colour = (node.attrs['colour'] as AccordionColour | null) ?? 'white';
  const items: PMNode[] = [];
  node.forEach((item) => items.push(item));

  const move = (from: number, to: number) => {
    const all = itemsOf(editor, pos);
    if (to < 0 || to >= all.length) return;
    const [item] = all.splice(from, 1);
    all.splice(to, 0, item!);
    setItems(editor, pos, all);
  };

  return (
    <div className="block-settings" onKeyDown={onPanelKeyDown(editor)}>
      <p className="block-settings__note">Type the questions and answers in the page. Click the arrow of an item there to open or close it.</p>
      <fieldset>
        <legend>Background colour</legend>
        <div className="block-settings__radios">
          {COLOURS.map((c) => (
            <label key={c.value}>
              <input type="radio" name={colourName} value={c.value} checked={colour === c.value} onChange={() => setAttrs(editor, pos, 'accordion', { colour: c.value })} />
              {c.label}
            </label>
          ))}
        </div>
      </fieldset>
      <ol className="block-list" aria-label="Items">
        {items.map((item, index) => {
          const question = item.firstChild?.textContent.trim() ?? '';
          const name = `Item ${index + 1}`;
          return (
            <li key={index} className="block-list__item">
              <h3 className="block-list__title">
                {name}
                {question ? `: ${question}` : ' (no question yet)'}
              </h3>
              <div className="block-settings__row">
                <button type="button" className="button button--small" aria-label={`Move ${name} up`} disabled={index === 0} onClick={() => move(index, index - 1)}>
                  ↑ Up
                </button>
                <button type="button" className="button button--small" aria-label={`Move ${name} down`} disabled={index === items.length - 1} onClick={() => move(index, index + 1)}>
                  ↓ Down
                </button>
                <button
                  type="button"
                  className="button button--small button--danger"
                  aria-label={`Remove ${name}`}
                  disabled={items.length <= 1}
                  onClick={() => {
                    const all = itemsOf(editor, pos);
                    all.splice(index, 1);
                    setItems(editor, pos, all);
                  }}
                >
                  Remove
                </button>
              </div>
            </li>
          );
        })}
      </ol>
      <div className="block-settings__row">
        <button
          type="button"
          className="button"
          onClick={() => {
            const all = itemsOf(editor, pos);
            setItems(editor, pos, [...all, emptyItem(editor)], all.length);
            // The new question is typed in the page.
            editor.view.focus();
          }}
        >
          Add item
        </button>
      </div>
    </div>
  );
}
