// @vitest-environment node
import type { Node as PMNode } from '@tiptap/pm/model';
import { describe, expect, it } from 'vitest';
import { BodyCodec } from '../../src/core/bodyCodec.ts';
import { useJsdom } from '../../src/core/node/useJsdom.ts';
import { pageVariant } from '../../src/core/pageFile.ts';
import { corpusPageFiles, markupSkeleton, renderAlone as renderWith, samplePageBodies, tiptapCorpusBodies } from '../../src/core/testing/blockPages.ts';
import { blockRegistry } from '../registry.ts';
import { tableBlock } from './index.ts';

const { document } = useJsdom();
const codec = new BodyCodec(blockRegistry);

const corpusPages = tiptapCorpusBodies('<table');
/** Tables of the older pages (Markdown with HTML tables), read through the codec as if they were a body. */
const olderTables = corpusPageFiles()
  .filter(({ page }) => pageVariant(page) !== 'tiptap')
  .flatMap(({ name, page }) => Array.from(page.body.matchAll(/<table[\s\S]*?<\/table>/g), (m, i) => ({ name: `${name} #${i + 1}`, html: m[0] })));
const samplePages = samplePageBodies(['_about/Who We Are.md']);

const TABLE_TAGS = new Set(['table', 'colgroup', 'col', 'thead', 'tbody', 'tr', 'th', 'td']);
/** Tags and attributes of the table's own elements, in document order. */
const tableSkeleton = (html: string) => markupSkeleton(document, html, (tag) => TABLE_TAGS.has(tag));
const renderAlone = (node: PMNode) => renderWith(codec, node);

function visible(html: string) {
  const el = document.createElement('div');
  el.innerHTML = html;
  const attrs = (selector: string, name: string) => Array.from(el.querySelectorAll(selector)).map((e) => e.getAttribute(name));
  return {
    text: (el.textContent ?? '').replace(/\s+/g, ''),
    links: attrs('a', 'href'),
    images: attrs('img', 'src'),
    alts: attrs('img', 'alt'),
    counts: ['table', 'tr', 'td', 'th', 'img', 'li', 'a'].map((s) => el.querySelectorAll(s).length),
  };
}

describe('tables over real and sample pages', () => {
  it('finds the corpus pages with tables', () => {
    for (const name of ['Trials', 'Common error FAQs', 'Technical Guides', 'A Mark of Global Recognition']) {
      expect(corpusPages.some((p) => p.name.includes(name))).toBe(true);
    }
  });

  it.each([...corpusPages, ...samplePages].map((p) => [p.name, p.body]))('%s: every table is structured and the page saves byte for byte', (_name, body) => {
    const imported = codec.importHtml(body);
    imported.doc.check();
    expect(imported.report.filter((r) => r.kind === 'keptRaw' && r.snippet.startsWith('<table'))).toEqual([]);
    expect(imported.report.filter((r) => r.kind === 'dropsOnEdit' || r.kind === 'removed')).toEqual([]);
    const tables: PMNode[] = [];
    imported.doc.forEach((node) => {
      if (node.type.name === 'table') tables.push(node);
    });
    expect(tables.length).toBe(body.split('<table').length - 1);
    expect(codec.exportHtml(imported).html).toBe(body);
    for (const node of tables) {
      const source = node.attrs['source'] as string;
      const fresh = renderAlone(node);
      // Same table markup: style, colgroup, cols, tbody, rowspan and colspan, as written.
      expect(tableSkeleton(fresh)).toEqual(tableSkeleton(source));
      expect(visible(fresh)).toEqual(visible(source));
    }
    const fresh = codec.exportHtml(imported, { reuseSource: false }).html;
    expect(codec.exportHtml(codec.importHtml(fresh), { reuseSource: false }).html).toBe(fresh);
  });

  it('the CMS minWidth matches the column count on every corpus table', () => {
    for (const { body } of corpusPages) {
      for (const match of body.matchAll(/<table style="minWidth: (\d+)px">\s*<colgroup>([\s\S]*?)<\/colgroup>/g)) {
        expect(Number(match[1])).toBe(25 * (match[2]!.match(/<col>/g) ?? []).length);
      }
    }
  });

  it.each(olderTables.map((t) => [t.name, t.html]))('older table %s imports structurally or as raw HTML, losing nothing', (_name, html) => {
    const imported = codec.importHtml(html);
    imported.doc.check();
    expect(imported.doc.childCount).toBe(1);
    expect(['table', 'rawHtml']).toContain(imported.doc.child(0).type.name);
    expect(codec.exportHtml(imported).html).toBe(html);
    const fresh = codec.exportHtml(imported, { reuseSource: false }).html;
    expect(visible(fresh)).toEqual(visible(html));
  });
});

describe('table markup', () => {
  it('wraps plain cell text in paragraphs and always writes rowspan and colspan', () => {
    const html = '<table class="table-h">\n  <tr>\n    <th colspan="2">Stage</th>\n  </tr>\n  <tr>\n    <td>One<br>Two</td>\n    <td><a href="/trail/">Trail</a> map</td>\n  </tr>\n</table>';
    const imported = codec.importHtml(html);
    expect(imported.doc.child(0).type.name).toBe('table');
    expect(codec.exportHtml(imported).html).toBe(html);
    expect(codec.exportHtml(imported, { reuseSource: false }).html).toBe(
      '<table class="table-h">\n<tbody>\n<tr>\n<th rowspan="1" colspan="2">\n<p>Stage</p>\n</th>\n</tr>\n' +
        '<tr>\n<td rowspan="1" colspan="1">\n<p>One<br>Two</p>\n</td>\n<td rowspan="1" colspan="1">\n<p><a href="/trail/">Trail</a> map</p>\n</td>\n</tr>\n</tbody>\n</table>',
    );
  });

  it('keeps col attributes and other table, row and cell attributes as written', () => {
    const html =
      '<table style="width: 100%" id="fees">\n<colgroup>\n<col style="width: 30%">\n<col>\n</colgroup>\n<tbody>\n<tr class="odd">\n' +
      '<td rowspan="1" colspan="1" style="text-align:center" width="50%">\n<p>A</p>\n</td>\n<td rowspan="1" colspan="1">\n<p>B</p>\n</td>\n</tr>\n</tbody>\n</table>';
    const imported = codec.importHtml(html);
    expect(imported.report).toEqual([]);
    expect(codec.exportHtml(imported, { reuseSource: false }).html).toBe(html);
  });

  it('keeps tables it cannot hold (caption, footer, several bodies, no rows) as raw HTML', () => {
    for (const html of [
      '<table><caption>Fees</caption><tbody><tr><td>1</td></tr></tbody></table>',
      '<table><tbody><tr><td>1</td></tr></tbody><tfoot><tr><td>Total</td></tr></tfoot></table>',
      '<table><tbody><tr><td>1</td></tr></tbody><tbody><tr><td>2</td></tr></tbody></table>',
      '<table></table>',
    ]) {
      const imported = codec.importHtml(html);
      expect(imported.doc.child(0).type.name).toBe('rawHtml');
      expect(codec.exportHtml(imported, { reuseSource: false }).html).toBe(html);
    }
  });

  it('writes head rows back into the thead', () => {
    const html = tableBlock.fixtures!.find((f) => f.name === 'table with a head section')!.html;
    const node = codec.importHtml(html).doc.child(0);
    expect(node.attrs['headRows']).toBe(1);
    expect(renderAlone(node)).toBe(html);
    const onlyHead = '<table>\n<thead>\n<tr>\n<th rowspan="1" colspan="1">\n<p>Alone</p>\n</th>\n</tr>\n</thead>\n</table>';
    expect(renderAlone(codec.importHtml(onlyHead).doc.child(0))).toBe(onlyHead);
  });

  it('the sanitiser keeps every fixture whole', () => {
    for (const fixture of tableBlock.fixtures!) expect(codec.sanitizer.sanitize(fixture.html).removed).toEqual([]);
  });
});
