// @vitest-environment jsdom
// The item view needs a browser-like DOM; the editor runs with the editor's own extensions.
import { Editor } from '@tiptap/core';
import { TextSelection } from '@tiptap/pm/state';
import { describe, expect, it } from 'vitest';
import { BodyCodec } from '../../src/core/bodyCodec.ts';
import { createEditorExtensions } from '../../src/editor/createEditorExtensions.ts';
import { loadBlockViews } from '../../src/editor/lazyBlockViews.ts';
import { blockRegistry } from '../registry.ts';

const codec = new BodyCodec(blockRegistry);

const item = (q: string, a: string) =>
  `<details class="isomer-details">\n<summary>${q}</summary>\n<div data-type="detailsContent" class="isomer-details-content">\n<p>${a}</p>\n</div>\n</details>`;
const page =
  '<p>Before</p>\n<div data-type="detailGroup" class="isomer-accordion isomer-accordion-white">\n' +
  `${item('First question', 'First answer')}\n${item('Second question', 'Second answer')}\n</div>\n<p>After</p>`;

describe('accordion item view', () => {
  const open = () => [...document.querySelectorAll('.accordion-item-view')].map((el) => el.classList.contains('is-open'));
  const positionOf = (editor: Editor, text: string) => {
    let found = -1;
    editor.state.doc.descendants((node, pos) => {
      if (node.isText && node.text === text) found = pos;
    });
    return found;
  };

  it('opens only the answer the cursor goes into, not for the question or text outside', async () => {
    const element = document.body.appendChild(document.createElement('div'));
    const editor = new Editor({ element, extensions: createEditorExtensions(codec), content: codec.toJSON(codec.importHtml(page).doc) });
    await loadBlockViews(editor);
    expect(open()).toEqual([false, false]);
    const select = (pos: number) => editor.view.dispatch(editor.state.tr.setSelection(TextSelection.create(editor.state.doc, pos)));

    select(positionOf(editor, 'Before') + 2);
    select(positionOf(editor, 'Second question') + 3);
    expect(open()).toEqual([false, false]);
    select(positionOf(editor, 'Second answer') + 3);
    expect(open()).toEqual([false, true]);
    select(positionOf(editor, 'After') + 1);
    expect(open()).toEqual([false, true]);
    select(positionOf(editor, 'First answer'));
    expect(open()).toEqual([true, true]);
    editor.destroy();
    element.remove();
  });
});
