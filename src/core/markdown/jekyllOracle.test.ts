import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { blockRegistry } from '../../../extensions/registry.ts';
import { BodyCodec } from '../bodyCodec.ts';
import { useJsdom } from '../node/useJsdom.ts';
import { openPage, savePage } from '../pageDocument.ts';
import { pageVariant, readPageFile } from '../pageFile.ts';
import { readCorpus } from '../testing/corpus.ts';
import { kramdownMissing, renderWithKramdown } from '../testing/kramdown.ts';
import { KRAMDOWN_RULES } from './testing/kramdownRules.ts';
import { withStaticLiquidResolved } from './testing/staticLiquid.ts';
import { htmlView, missingInOrder, missingItems } from './testing/visitorView.ts';

/**
 * Jekyll's own kramdown as the oracle: it renders each original markdown page (its static Liquid resolved,
 * as Jekyll does first) and the converted tiptap page, both as the site would, and what a visitor sees of
 * the first must be in the second: every word in order, every link, image, heading and table cell.
 * The corpus pages, and pages of our own for each of kramdown's HTML rules.
 */
useJsdom();

describe("Jekyll's kramdown renders the original and the converted page alike", () => {
  const codec = new BodyCodec(blockRegistry);
  const corpusPages = readCorpus().filter((page) => {
    const file = readPageFile(page.text);
    return pageVariant(file) !== 'tiptap' && file.body.trim() !== '';
  });
  // Pages of our own where kramdown and CommonMark read the HTML differently, one per rule.
  const rulePages = KRAMDOWN_RULES.map((r) => ({ name: `rule: ${r.rule}`, text: `---\ntitle: Rule\n---\n${r.markdown}\n` }));
  const pages = [...corpusPages, ...rulePages];
  const totals = { pages: 0, words: 0, hrefs: 0, images: 0, headings: 0, cells: 0 };
  let original: string[] = [];
  let converted: string[] = [];

  beforeAll(() => {
    const missing = kramdownMissing();
    if (missing) throw new Error(missing);
    const bodies = pages.map((page) => {
      const opened = openPage(codec, page.text);
      return readPageFile(savePage(codec, opened, opened.body.doc).text).body;
    });
    const rendered = renderWithKramdown([...pages.map((page) => withStaticLiquidResolved(readPageFile(page.text).body)), ...bodies]);
    original = rendered.slice(0, pages.length);
    converted = rendered.slice(pages.length);
  }, 300_000); // every corpus page converted, then one kramdown run for all
  afterAll(() => {
    console.info(`kramdown oracle over the corpus: ${JSON.stringify(totals)}`);
  });

  it('has the corpus markdown pages', () => {
    expect(corpusPages.length).toBeGreaterThanOrEqual(30);
  });

  it.each(pages.map((page, n) => [page.name, n] as const))('%s', (_name, n) => {
    const before = htmlView(original[n]!);
    const after = htmlView(converted[n]!);
    expect(missingInOrder(before.words, after.words)).toBeNull();
    expect(missingItems(before.hrefs, after.hrefs)).toEqual([]);
    expect(missingItems(before.images, after.images)).toEqual([]);
    expect(missingInOrder(before.headings, after.headings)).toBeNull();
    expect(missingInOrder(before.cells, after.cells)).toBeNull();
    // The converted page publishes no link that runs script, whatever the original did.
    expect(converted[n]).not.toMatch(/(href|src)\s*=\s*["']?\s*(javascript|vbscript):/i);
    totals.pages++;
    totals.words += before.words.length;
    totals.hrefs += before.hrefs.length;
    totals.images += before.images.length;
    totals.headings += before.headings.length;
    totals.cells += before.cells.length;
  });

  it('compared real content (the pages rendered to text, not to nothing)', () => {
    expect(totals.pages).toBe(pages.length);
    expect(totals.words).toBeGreaterThan(10_000);
    expect(totals.hrefs).toBeGreaterThan(100);
    expect(totals.headings).toBeGreaterThan(100);
  });
});
