// @vitest-environment jsdom
import type { Editor } from '@tiptap/core';
import { describe, expect, it } from 'vitest';
import { blockRegistry } from '../../extensions/registry.ts';
import { BodyCodec } from '../core/bodyCodec.ts';
import { testEditors } from '../core/testing/testEditors.ts';
import { BlockMove } from './blockMove.ts';

const codec = new BodyCodec(blockRegistry);

describe('moving top-level blocks', () => {
  const makeEditor = testEditors(codec);
  let editor: Editor | null = null;

  function open(body: string): Editor {
    const doc = codec.importHtml(body).doc;
    editor = makeEditor({ extensions: [BlockMove], content: codec.toJSON(doc) });
    return editor;
  }
  const save = (e: Editor) => codec.exportHtml({ doc: e.state.doc, leading: '', trailing: '' }).html;
  const cursorIn = (e: Editor, text: string) => {
    let at = -1;
    e.state.doc.descendants((node, pos) => {
      if (at === -1 && node.isText && node.text!.includes(text)) at = pos + 1;
    });
    e.commands.setTextSelection(at);
  };

  it('moves the block at the cursor down and up, writing every block as it was read', () => {
    const e = open('<p>One\nline</p>\n<h2>Two</h2>\n<ul>\n<li>\n<p>Three</p>\n</li>\n</ul>');
    cursorIn(e, 'One');
    expect(e.commands.moveBlock('down')).toBe(true);
    expect(save(e)).toBe('<h2>Two</h2>\n<p>One\nline</p>\n<ul>\n<li>\n<p>Three</p>\n</li>\n</ul>');
    // The cursor moved with the block.
    expect(e.state.selection.$from.parent.textContent).toBe('One line');
    expect(e.commands.moveBlock('down')).toBe(true);
    expect(save(e)).toBe('<h2>Two</h2>\n<ul>\n<li>\n<p>Three</p>\n</li>\n</ul>\n<p>One\nline</p>');
    expect(e.commands.moveBlock('down')).toBe(false);
    expect(e.commands.moveBlock('up')).toBe(true);
    expect(e.commands.moveBlock('up')).toBe(true);
    expect(e.commands.moveBlock('up')).toBe(false);
    expect(save(e)).toBe('<p>One\nline</p>\n<h2>Two</h2>\n<ul>\n<li>\n<p>Three</p>\n</li>\n</ul>');
  });

  it('moves a whole list when the cursor is in one of its items', () => {
    const e = open('<p>A</p>\n<ul>\n<li>\n<p>B</p>\n</li>\n</ul>');
    cursorIn(e, 'B');
    expect(e.commands.moveBlock('up')).toBe(true);
    expect(save(e)).toBe('<ul>\n<li>\n<p>B</p>\n</li>\n</ul>\n<p>A</p>');
  });

  it('runs on Alt+ArrowDown', () => {
    const e = open('<p>A</p>\n<p>B</p>\n<p>C</p>');
    cursorIn(e, 'A');
    e.view.dom.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowDown', altKey: true, bubbles: true }));
    expect(save(e)).toBe('<p>B</p>\n<p>A</p>\n<p>C</p>');
  });
});
