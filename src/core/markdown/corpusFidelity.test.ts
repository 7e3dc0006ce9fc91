import { afterAll, describe, expect, it } from 'vitest';
import { blockRegistry } from '../../../extensions/registry.ts';
import { BodyCodec } from '../bodyCodec.ts';
import { useJsdom } from '../node/useJsdom.ts';
import { openPage, savePage } from '../pageDocument.ts';
import { pageVariant, readPageFile } from '../pageFile.ts';
import { readCorpus } from '../testing/corpus.ts';
import { withStaticLiquidResolved } from './testing/staticLiquid.ts';
import { htmlView, markdownView, missingInOrder, missingItems, type VisitorView } from './testing/visitorView.ts';

useJsdom();
const codec = new BodyCodec(blockRegistry);

/** Every corpus page whose body is markdown (no `variant: tiptap`) and not empty. */
const markdownPages = readCorpus().filter((page) => {
  const file = readPageFile(page.text);
  return pageVariant(file) !== 'tiptap' && file.body.trim() !== '';
});

/** The original as the site shows it, for the oracle: kramdown attribute lists removed, static Liquid resolved. */
function withoutKramdownSyntax(markdown: string): string {
  return withStaticLiquidResolved(markdown.replace(/\{:[^}\n]*\}/g, ''));
}

interface Totals {
  pages: number;
  words: number;
  hrefs: number;
  images: number;
  headings: number;
  cells: number;
  identicalWordSequences: number;
}
const totals: Totals = { pages: 0, words: 0, hrefs: 0, images: 0, headings: 0, cells: 0, identicalWordSequences: 0 };

afterAll(() => {
  // A summary for whoever reads the test output.
  console.info(`markdown fidelity over the corpus: ${JSON.stringify(totals)}`);
});

describe('converting every corpus markdown page keeps what a visitor sees', () => {
  it('has the corpus markdown pages', () => {
    expect(markdownPages.length).toBeGreaterThanOrEqual(30);
  });

  it.each(markdownPages.map((p) => [p.name, p.text] as const))('%s', (_name, text) => {
    const opened = openPage(codec, text);
    const saved = savePage(codec, opened, opened.body.doc);
    const output = readPageFile(saved.text);
    expect(pageVariant(output)).toBe('tiptap');
    expect(saved.removed).toEqual([]);

    const original: VisitorView = markdownView(withoutKramdownSyntax(readPageFile(text).body));
    const converted: VisitorView = htmlView(output.body);

    expect(missingInOrder(original.words, converted.words)).toBeNull();
    expect(missingItems(original.hrefs, converted.hrefs)).toEqual([]);
    expect(missingItems(original.images, converted.images)).toEqual([]);
    expect(missingInOrder(original.headings, converted.headings)).toBeNull();
    expect(missingInOrder(original.cells, converted.cells)).toBeNull();
    // Nothing of the original is left as Liquid that should have been resolved, or as an attribute list.
    expect(output.body).not.toMatch(/\{:\s*target=/);
    expect(output.body).not.toMatch(/\|\s*(absolute_url|relative_url)|\{\{-?\s*site\.baseurl/);

    // Converting the converted page again changes nothing.
    const again = openPage(codec, saved.text);
    expect(savePage(codec, again, again.body.doc).text).toBe(saved.text);

    totals.pages++;
    totals.words += original.words.length;
    totals.hrefs += original.hrefs.length;
    totals.images += original.images.length;
    totals.headings += original.headings.length;
    totals.cells += original.cells.length;
    if (original.words.join(' ') === converted.words.join(' ')) totals.identicalWordSequences++;
  });
});
