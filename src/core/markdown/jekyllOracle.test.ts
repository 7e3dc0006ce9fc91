import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { blockRegistry } from '../../../extensions/registry.ts';
import { BodyCodec } from '../bodyCodec.ts';
import { useJsdom } from '../node/useJsdom.ts';
import { openPage, savePage } from '../pageDocument.ts';
import { pageVariant, readPageFile } from '../pageFile.ts';
import { readCorpus } from '../testing/corpus.ts';
import { htmlView, missingInOrder, missingItems } from './testing/visitorView.ts';

/**
 * An optional second oracle: Jekyll itself (Debian's `jekyll` package, with kramdown) renders each
 * original markdown page and its converted tiptap page, and what a visitor sees of the first must be in
 * the second. The main fidelity test (corpusFidelity.test.ts) does not depend on this one.
 */
const JEKYLL = '/usr/bin/jekyll';
const hasJekyll = existsSync(JEKYLL);
if (!hasJekyll) console.info(`jekyllOracle.test.ts skipped: ${JEKYLL} is not installed (apt-get install jekyll).`);

useJsdom();

describe.skipIf(!hasJekyll)('Jekyll (kramdown) renders the original and the converted page alike (needs /usr/bin/jekyll)', () => {
  const codec = new BodyCodec(blockRegistry);
  const pages = readCorpus().filter((page) => {
    const file = readPageFile(page.text);
    return pageVariant(file) !== 'tiptap' && file.body.trim() !== '';
  });
  const site = mkdtempSync(join(tmpdir(), 'jekyll-oracle-'));
  const totals = { pages: 0, words: 0, hrefs: 0, images: 0, headings: 0, cells: 0 };
  afterAll(() => {
    console.info(`Jekyll oracle over the corpus: ${JSON.stringify(totals)}`);
    rmSync(site, { recursive: true, force: true });
  });

  // One site with every page twice, built once: `orig/<n>.md` and `conv/<n>.md`, no layout.
  mkdirSync(join(site, 'orig'));
  mkdirSync(join(site, 'conv'));
  writeFileSync(join(site, '_config.yml'), 'baseurl: ""\nurl: ""\nmarkdown: kramdown\n');
  pages.forEach((page, n) => {
    const opened = openPage(codec, page.text);
    const converted = readPageFile(savePage(codec, opened, opened.body.doc).text).body;
    writeFileSync(join(site, 'orig', `${n}.md`), `---\nlayout: null\n---\n${readPageFile(page.text).body}`);
    writeFileSync(join(site, 'conv', `${n}.md`), `---\nlayout: null\n---\n${converted}`);
  });
  const build = spawnSync(JEKYLL, ['build', '--source', site, '--destination', join(site, '_site'), '--quiet'], {
    encoding: 'utf8',
    timeout: 300_000,
    env: { ...process.env, JEKYLL_ENV: 'production' },
  });

  it('builds', () => {
    expect(build.error).toBeUndefined();
    expect(build.status, build.stderr).toBe(0);
  });

  it.each(pages.map((page, n) => [page.name, n] as const))('%s', (_name, n) => {
    const original = htmlView(readFileSync(join(site, '_site', 'orig', `${n}.html`), 'utf8'));
    const converted = htmlView(readFileSync(join(site, '_site', 'conv', `${n}.html`), 'utf8'));
    expect(missingInOrder(original.words, converted.words)).toBeNull();
    expect(missingItems(original.hrefs, converted.hrefs)).toEqual([]);
    expect(missingItems(original.images, converted.images)).toEqual([]);
    expect(missingInOrder(original.headings, converted.headings)).toBeNull();
    expect(missingInOrder(original.cells, converted.cells)).toBeNull();
    totals.pages++;
    totals.words += original.words.length;
    totals.hrefs += original.hrefs.length;
    totals.images += original.images.length;
    totals.headings += original.headings.length;
    totals.cells += original.cells.length;
  });

  it('compared real content (the pages rendered to text, not to nothing)', () => {
    expect(totals.pages).toBe(pages.length);
    expect(totals.words).toBeGreaterThan(10_000);
  });
});
