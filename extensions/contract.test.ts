// @vitest-environment jsdom
// The contract every registered block passes, with no test code of its own: its fixtures import as
// structured blocks and export exactly, export is idempotent, the sanitiser keeps its markup, and its
// insert commands give valid content that exports to markup the block reads back.
import { Editor } from '@tiptap/core';
import { afterEach, describe, expect, it } from 'vitest';
import { BodyCodec } from '../src/core/bodyCodec.ts';
import { blockRegistry } from './registry.ts';

const codec = new BodyCodec(blockRegistry);
let editor: Editor | null = null;
afterEach(() => {
  editor?.destroy();
  editor = null;
});

describe.each(blockRegistry.map((block) => [block.name, block] as const))('block %s', (_name, block) => {
  it('has at least one fixture and one insert entry', () => {
    expect(block.fixtures?.length ?? 0).toBeGreaterThan(0);
    expect(block.insertEntries?.length ?? 0).toBeGreaterThan(0);
  });

  it.each((block.fixtures ?? []).map((f) => [f.name, f.html] as const))('fixture "%s" round-trips', (_fixture, html) => {
    const imported = codec.importHtml(html);
    if (block.name !== 'raw-html') {
      expect(imported.report.filter((r) => r.kind === 'keptRaw')).toEqual([]);
    }
    expect(codec.exportHtml(imported).html).toBe(html);
    const fresh = codec.exportHtml(imported, { reuseSource: false }).html;
    expect(fresh).toBe(html);
    expect(codec.exportHtml(codec.importHtml(fresh), { reuseSource: false }).html).toBe(fresh);
  });

  it.each((block.fixtures ?? []).map((f) => [f.name, f.html] as const))('the sanitiser keeps fixture "%s"', (_fixture, html) => {
    expect(codec.sanitizer.sanitize(html).removed).toEqual([]);
  });

  it.each((block.insertEntries ?? []).map((e) => [e.id, e] as const))('insert entry "%s" gives valid content', (_id, entry) => {
    // Inserting from an empty paragraph; a paragraph style entry is tried on a heading instead.
    const starts = [{ type: 'paragraph' }, { type: 'heading', attrs: { level: 1 }, content: [{ type: 'text', text: 'Start' }] }];
    let changed = false;
    for (const start of starts) {
      editor?.destroy();
      editor = new Editor({ extensions: codec.extensions, content: { type: 'doc', content: [start] } });
      editor.commands.focus('end');
      const before = editor.state.doc;
      changed = entry.insert(editor) && !editor.state.doc.eq(before);
      if (changed) break;
    }
    expect(changed).toBe(true);
    const doc = editor!.state.doc;
    doc.check();
    const html = codec.exportHtml({ doc, leading: '', trailing: '' }).html;
    expect(html.length).toBeGreaterThan(0);
    const reread = codec.importHtml(html);
    expect(reread.report.filter((r) => r.kind === 'removed')).toEqual([]);
    expect(codec.exportHtml(reread, { reuseSource: false }).html).toBe(html);
  });
});
