// @vitest-environment jsdom
// Commands need TipTap's editor, which needs a browser-like global DOM.
import type { Editor } from '@tiptap/core';
import { describe, expect, it } from 'vitest';
import { BodyCodec } from '../../src/core/bodyCodec.ts';
import { testEditors } from '../../src/core/testing/testEditors.ts';
import { blockRegistry } from '../registry.ts';
import { cardGridIssues } from './schema.ts';

const codec = new BodyCodec(blockRegistry);
const makeEditor = testEditors(codec);
let editor: Editor | null = null;

describe('insertCardGrid', () => {
  it('inserts placeholder cards that export to Isomer markup and read back as a grid', () => {
    editor = makeEditor({ content: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Intro' }] }] } });
    editor.commands.focus('end');
    expect(editor.commands.insertCardGrid(2)).toBe(true);
    const doc = editor.state.doc;
    doc.check();
    let grid = null as import('@tiptap/pm/model').Node | null;
    doc.forEach((n) => {
      if (n.type.name === 'cardGrid') grid = n;
    });
    expect(grid!.childCount).toBe(2);
    expect(cardGridIssues(grid!)).toEqual([]);
    const html = codec.exportHtml({ doc, leading: '', trailing: '' }).html;
    expect(html).toContain(
      [
        '<div class="isomer-card-grid">',
        '<div class="isomer-card">',
        '<div class="isomer-card-body">',
        '<div class="isomer-card-title">Card title 1</div>',
        '<div class="isomer-card-description">A sentence or two about what this card leads to.</div>',
        '</div>',
        '</div>',
      ].join('\n'),
    );
    const reread = codec.importHtml(html);
    expect(reread.report.filter((r) => r.kind === 'keptRaw')).toEqual([]);
    expect(codec.exportHtml(reread, { reuseSource: false }).html).toBe(html);
  });

  it('lets text be typed into a card title', () => {
    editor = makeEditor({ content: { type: 'doc', content: [{ type: 'paragraph' }] } });
    editor.commands.focus('end');
    editor.commands.insertCardGrid(1);
    let titlePos = -1;
    editor.state.doc.descendants((n, pos) => {
      if (n.type.name === 'cardTitle' && titlePos < 0) titlePos = pos;
    });
    editor.chain().setTextSelection(titlePos + 1).insertContent('New ').run();
    expect(editor.state.doc.textContent).toContain('New Card title 1');
  });
});
