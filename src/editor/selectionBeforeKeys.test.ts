// @vitest-environment jsdom
import type { Editor } from '@tiptap/core';
import { GapCursor } from '@tiptap/pm/gapcursor';
import { TextSelection } from '@tiptap/pm/state';
import { afterEach, describe, expect, it } from 'vitest';
import { blockRegistry } from '../../extensions/registry.ts';
import { BodyCodec } from '../core/bodyCodec.ts';
import { testEditors } from '../core/testing/testEditors.ts';
import { SlashMenu, slashMenuKey } from './slashMenu.ts';
import { CaretAfterTypedText } from './selectionBeforeKeys.ts';

const codec = new BodyCodec(blockRegistry);

describe('the caret after typed text', () => {
  const makeEditor = testEditors(codec);
  let editor: Editor | null = null;
  afterEach(() => editor?.destroy());

  function open(body: string): Editor {
    editor = makeEditor({ extensions: [SlashMenu, CaretAfterTypedText], content: codec.toJSON(codec.importHtml(body).doc) });
    return editor;
  }

  /**
   * Types `text` at the caret the way the view reads a key from the page, with the caret where the
   * browser reports it: `reportedAt` (Chromium, busy, can report it before the letter it inserted).
   */
  function type(e: Editor, text: string, reportedAt: (from: number) => number): void {
    const { view } = e;
    const { from, to } = view.state.selection;
    const typed = () => {
      const tr = view.state.tr.insertText(text, from, to);
      return tr.setSelection(TextSelection.create(tr.doc, reportedAt(from)));
    };
    const handled = view.someProp('handleTextInput', (f) => f(view, from, to, text, typed));
    if (!handled) view.dispatch(typed());
  }

  const caretIn = (e: Editor) => {
    const { $head } = e.state.selection;
    return `${$head.parent.textContent.slice(0, $head.parentOffset)}|${$head.parent.textContent.slice($head.parentOffset)}`;
  };

  it('stays after a letter the browser reports it in front of, so the next letters follow it', () => {
    const e = open('<h1></h1>');
    e.commands.setTextSelection(1);
    type(e, 'O', (from) => from);
    expect(caretIn(e)).toBe('O|');
    for (const letter of 'ur parks') type(e, letter, (from) => from + 1);
    expect(e.state.doc.firstChild!.textContent).toBe('Our parks');
    expect(caretIn(e)).toBe('Our parks|');
  });

  it('replaces a selection with the typed text and leaves the caret after it', () => {
    const e = open('<p>Our lakes</p>');
    e.commands.setTextSelection({ from: 5, to: 10 });
    type(e, 'p', (from) => from);
    expect(caretIn(e)).toBe('Our p|');
  });

  /**
   * Types a letter where the selection is not text (a selected block, a gap cursor): the view inserts it
   * itself, then places the caret. Whether the mend left it alone, and the caret after.
   */
  function typeOverBlock(e: Editor, letter: string): { handled: boolean; caret: string } {
    const { view } = e;
    const { from, to } = view.state.selection;
    const typed = () => view.state.tr.insertText(letter);
    const handled = Boolean(view.someProp('handleTextInput', (f) => f(view, from, to, letter, typed)));
    if (!handled) view.dispatch(typed());
    return { handled, caret: caretIn(e) };
  }

  it('leaves a letter that replaces a selected image where the editor puts it', () => {
    const e = open('<p>Before</p>\n<div class="isomer-image-wrapper"><img src="/images/a.png" alt="A lake"></div>\n<p>After</p>');
    let imageAt = -1;
    e.state.doc.forEach((node, offset) => {
      if (node.type.name !== 'paragraph' && imageAt < 0) imageAt = offset;
    });
    expect(imageAt).toBeGreaterThan(0);
    e.commands.setNodeSelection(imageAt);
    expect(typeOverBlock(e, 'x')).toEqual({ handled: false, caret: 'x|' });
  });

  it('leaves a letter typed after a divider that ends the page in a new paragraph, the caret after it', () => {
    const e = open('<p>Start</p>\n<hr>');
    e.view.dispatch(e.state.tr.setSelection(new GapCursor(e.state.doc.resolve(e.state.doc.content.size))));
    expect(typeOverBlock(e, 'A')).toEqual({ handled: false, caret: 'A|' });
  });

  it('leaves text typed elsewhere than the caret (a spelling fix) to the browser', () => {
    const e = open('<p>Our prks</p>');
    e.commands.setTextSelection(9);
    const { view } = e;
    const typed = () => view.state.tr.insertText('parks', 5, 9);
    expect(view.someProp('handleTextInput', (f) => f(view, 5, 9, 'parks', typed))).toBeFalsy();
  });

  it('comes after the shortcuts typed text starts (input rules), which still apply', () => {
    const e = open('<p>##</p>');
    e.commands.setTextSelection(3);
    type(e, ' ', (from) => from + 1);
    expect(e.state.doc.firstChild!.type.name).toBe('heading');
    expect(e.state.doc.firstChild!.attrs.level).toBe(2);
  });

  it('lets the / menu see the text typed into a new block', () => {
    const e = open('<p>Start</p>\n<p></p>');
    e.commands.setTextSelection(e.state.doc.content.size - 1);
    type(e, '/', (from) => from);
    for (const letter of 'page') type(e, letter, (from) => from + 1);
    expect(caretIn(e)).toBe('/page|');
    expect(slashMenuKey.getState(e.state)).toMatchObject({ active: true, query: 'page' });
  });
});
