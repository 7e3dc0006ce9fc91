// @vitest-environment jsdom
import type { Editor } from '@tiptap/core';
import { describe, expect, it, vi } from 'vitest';
import { BodyCodec } from '../../src/core/bodyCodec.ts';
import { testEditors } from '../../src/core/testing/testEditors.ts';
import { blockRegistry } from '../registry.ts';
import { loadLinkTyping } from './link.ts';

const codec = new BodyCodec(blockRegistry);
const tick = () => new Promise((resolve) => setTimeout(resolve, 20));

describe('the link mark', () => {
  const makeEditor = testEditors(codec);
  let editor: Editor | null = null;

  function start(html: string): Editor {
    editor = makeEditor({ content: codec.toJSON(codec.importHtml(html).doc) as object, enablePasteRules: true });
    return editor;
  }
  const html = (e: Editor) => codec.exportHtml({ doc: e.state.doc, leading: '', trailing: '' }, { reuseSource: false }).html;
  const keys = (e: Editor) => e.state.plugins.map((plugin) => (plugin as unknown as { key: string }).key);

  it('links, relinks and unlinks without the URL finder; unsafe addresses are refused', async () => {
    const e = start('<p>Read <a href="/old/" target="_blank" rel="noopener" class="button">the guide</a> today</p>');
    await tick();
    // Opened and not used: linking while typing has not loaded.
    expect(keys(e).some((key) => key.startsWith('linkTypingSlot$'))).toBe(true);
    expect(keys(e).some((key) => key.startsWith('autolink$'))).toBe(false);

    e.commands.setTextSelection(9);
    expect(e.chain().extendMarkRange('link').setLink({ href: '/new/' }).run()).toBe(true);
    expect(html(e)).toBe('<p>Read <a href="/new/" rel="noopener" target="_blank" class="button">the guide</a> today</p>');
    expect(e.chain().extendMarkRange('link').setLink({ href: 'javascript:alert(1)' }).run()).toBe(false);
    expect(e.chain().extendMarkRange('link').unsetLink().run()).toBe(true);
    expect(html(e)).toBe('<p>Read the guide today</p>');
    e.commands.setTextSelection({ from: 1, to: 5 });
    expect(e.commands.toggleLink({ href: 'https://www.isomer.gov.sg/' })).toBe(true);
    expect(html(e)).toBe('<p><a href="https://www.isomer.gov.sg/">Read</a> the guide today</p>');
  });

  it('makes links of typed and pasted URLs once the editor is used', async () => {
    const e = start('<p>Visit</p>');
    await tick(); // the editor is up
    e.commands.setTextSelection(6); // its first use: linking while typing loads
    await loadLinkTyping();
    await tick();
    expect(keys(e).some((key) => key.startsWith('linkTypingSlot$'))).toBe(false);
    // In the mark's place among the plugins: its keys, then its paste rule and plugins.
    const at = keys(e).findIndex((key) => key.startsWith('autolink$'));
    expect(keys(e).slice(at, at + 3).map((key) => key.replace(/\$\d*$/, ''))).toEqual(['autolink', 'handleClickLink', 'handlePasteLink']);

    e.view.dispatch(e.state.tr.insertText(' https://www.isomer.gov.sg '));
    expect(html(e)).toBe('<p>Visit <a href="https://www.isomer.gov.sg">https://www.isomer.gov.sg</a> </p>');

    e.commands.setContent({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'the site' }] }] });
    e.commands.setTextSelection({ from: 5, to: 9 });
    vi.stubGlobal('ClipboardEvent', class extends Event {}); // not in jsdom; the paste reads no clipboard here
    e.view.pasteText('https://www.tech.gov.sg/');
    expect(html(e)).toBe('<p>the <a href="https://www.tech.gov.sg/">site</a></p>');
    e.commands.setContent({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Go' }] }] });
    e.commands.setTextSelection(3);
    e.view.pasteText(' to www.go.gov.sg today');
    vi.unstubAllGlobals();
    expect(html(e)).toBe('<p>Go to <a href="http://www.go.gov.sg">www.go.gov.sg</a> today</p>');
  });

  it('inline code inside a link opens as text and is written back inside the link; code still takes no bold', () => {
    const linked = '<p>Stored as <a href="https://example.org/"><code>yaml</code></a> files</p>';
    const imported = codec.importHtml(linked);
    expect(imported.report).toEqual([]);
    expect(imported.doc.firstChild!.type.name).toBe('paragraph');
    expect(codec.exportHtml(imported, { reuseSource: false }).html).toBe(linked);
    const e = start('<p><code>fixed</code></p>');
    e.commands.selectAll();
    e.commands.toggleBold();
    expect(html(e)).toBe('<p><code>fixed</code></p>');
  });
});
