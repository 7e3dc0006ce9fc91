// @vitest-environment jsdom
// Commands need TipTap's editor, which needs a browser-like global DOM.
import { Editor } from '@tiptap/core';
import { afterEach, describe, expect, it } from 'vitest';
import { BodyCodec } from '../../src/core/bodyCodec.ts';
import { blockRegistry } from '../registry.ts';

const codec = new BodyCodec(blockRegistry);
let editor: Editor | null = null;
afterEach(() => {
  editor?.destroy();
  editor = null;
});

describe('insertDivider', () => {
  it('inserts an <hr> after the text at the selection', () => {
    editor = new Editor({ extensions: codec.extensions, content: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'One' }] }] } });
    editor.commands.focus('end');
    expect(editor.commands.insertDivider()).toBe(true);
    editor.state.doc.check();
    expect(codec.exportHtml({ doc: editor.state.doc, leading: '', trailing: '' }).html).toMatch(/^<p>One<\/p>\n<hr>/);
  });
});
