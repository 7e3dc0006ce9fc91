// @vitest-environment jsdom
// Commands need TipTap's editor, which needs a browser-like global DOM.
import type { Editor } from '@tiptap/core';
import { GapCursor } from '@tiptap/pm/gapcursor';
import { describe, expect, it } from 'vitest';
import { BodyCodec } from '../../src/core/bodyCodec.ts';
import { testEditors } from '../../src/core/testing/testEditors.ts';
import { blockRegistry } from '../registry.ts';

const codec = new BodyCodec(blockRegistry);
const makeEditor = testEditors(codec);
let editor: Editor | null = null;

function paragraphs(...texts: string[]) {
  return { type: 'doc', content: texts.map((text) => ({ type: 'paragraph', content: [{ type: 'text', text }] })) };
}

function html(e: Editor): string {
  return codec.exportHtml({ doc: e.state.doc, leading: '', trailing: '' }).html;
}

describe('insertDivider', () => {
  it('inserts an <hr> after the text at the selection', () => {
    editor = makeEditor({ content: paragraphs('One') });
    editor.commands.focus('end');
    expect(editor.commands.insertDivider()).toBe(true);
    editor.state.doc.check();
    expect(html(editor)).toMatch(/^<p>One<\/p>\n<hr>/);
  });

  it('at the end of the page, typing goes into a new paragraph below, never replacing the divider', () => {
    editor = makeEditor({ content: paragraphs('One') });
    editor.commands.focus('end');
    editor.commands.insertDivider();
    editor.commands.insertContent('Two');
    expect(html(editor)).toBe('<p>One</p>\n<hr>\n<p>Two</p>');
  });

  it('between paragraphs, typing goes on at the start of the next paragraph and no empty one is added', () => {
    editor = makeEditor({ content: paragraphs('One', 'Three') });
    editor.commands.setTextSelection(4);
    editor.commands.insertDivider();
    editor.commands.insertContent('Two ');
    expect(html(editor)).toBe('<p>One</p>\n<hr>\n<p>Two Three</p>');
  });
});

describe('the caret after a divider', () => {
  it('sits in the gap when the divider ends the page: nothing extra is written until something is typed', () => {
    editor = makeEditor({ content: paragraphs('One') });
    editor.commands.focus('end');
    editor.commands.insertDivider();
    expect(editor.state.selection).toBeInstanceOf(GapCursor);
    expect(html(editor)).toBe('<p>One</p>\n<hr>');
  });
});
