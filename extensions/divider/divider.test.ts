// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { BodyCodec } from '../../src/core/bodyCodec.ts';
import { useJsdom } from '../../src/core/node/useJsdom.ts';
import { pageVariant, readPageFile } from '../../src/core/pageFile.ts';
import { readCorpus } from '../../src/core/testing/corpus.ts';
import { blockRegistry } from '../registry.ts';

useJsdom();
const codec = new BodyCodec(blockRegistry);

describe('divider', () => {
  it('is a block of its own between paragraphs', () => {
    const body = '<p>Above</p>\n<hr>\n<p>Below</p>';
    const imported = codec.importHtml(body);
    expect(imported.doc.content.content.map((n) => n.type.name)).toEqual(['paragraph', 'divider', 'paragraph']);
    expect(imported.report).toEqual([]);
    expect(codec.exportHtml(imported, { reuseSource: false }).html).toBe(body);
  });

  it('keeps the attributes it was written with', () => {
    const imported = codec.importHtml('<hr class="thin" id="break">');
    expect(imported.doc.child(0).attrs['extra']).toEqual({ class: 'thin', id: 'break' });
    expect(codec.exportHtml(imported, { reuseSource: false }).html).toBe('<hr class="thin" id="break">');
  });

  it('imports every divider of the corpus pages and saves them byte for byte', () => {
    const pages = readCorpus()
      .map(({ text }) => readPageFile(text))
      .filter((page) => pageVariant(page) === 'tiptap' && page.body.includes('<hr'));
    expect(pages.length).toBeGreaterThan(0);
    for (const page of pages) {
      const imported = codec.importHtml(page.body);
      expect(imported.report.filter((r) => r.kind === 'keptRaw' && r.snippet.startsWith('<hr'))).toEqual([]);
      let dividers = 0;
      imported.doc.forEach((n) => {
        if (n.type.name === 'divider') dividers++;
      });
      expect(dividers).toBe(page.body.split(/\n<hr>\n/).length - 1);
      if (!imported.report.some((r) => r.kind === 'removed')) expect(codec.exportHtml(imported).html).toBe(page.body);
      expect(codec.exportHtml(imported, { reuseSource: false }).html.split('<hr>').length).toBe(page.body.split('<hr>').length);
    }
  });
});
