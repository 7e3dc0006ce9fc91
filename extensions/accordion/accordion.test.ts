// @vitest-environment node
import type { Node as PMNode } from '@tiptap/pm/model';
import { describe, expect, it } from 'vitest';
import { BodyCodec } from '../../src/core/bodyCodec.ts';
import { useJsdom } from '../../src/core/node/useJsdom.ts';
import { markupSkeleton, renderAlone as renderWith, samplePageBodies, tiptapCorpusBodies } from '../../src/core/testing/blockPages.ts';
import { blockRegistry } from '../registry.ts';
import { accordionBlock } from './index.ts';
import { accordionClasses } from './schema.ts';

const { document } = useJsdom();
const codec = new BodyCodec(blockRegistry);
const OPEN_TAG = '<div data-type="detailGroup"';

const corpusPages = tiptapCorpusBodies(OPEN_TAG);
const samplePages = samplePageBodies(['pages/faq.md', '_about/Our Story.md', '_about/Our Parks/Harbour Lawn.md']);
const skeleton = (html: string) => markupSkeleton(document, html);
const renderAlone = (node: PMNode) => renderWith(codec, node);

function visible(html: string) {
  const el = document.createElement('div');
  el.innerHTML = html;
  return {
    text: (el.textContent ?? '').replace(/\s+/g, ''),
    links: Array.from(el.querySelectorAll('a')).map((a) => a.getAttribute('href')),
    counts: ['details', 'summary', 'p', 'li', 'a', 'img', 'table'].map((s) => el.querySelectorAll(s).length),
  };
}

describe('accordion over real and sample pages', () => {
  it('finds the corpus pages with accordions', () => {
    expect(corpusPages.map((p) => p.name)).toEqual([
      expect.stringContaining('What Is TradeTrust'),
      expect.stringContaining('Technical Guides'),
      expect.stringContaining('How It Works'),
      expect.stringContaining('First paperless live trade'),
    ]);
  });

  it.each([...corpusPages, ...samplePages].map((p) => [p.name, p.body]))('%s: every accordion is structured, and the page saves byte for byte', (_name, body) => {
    const imported = codec.importHtml(body);
    imported.doc.check();
    expect(imported.report.filter((r) => r.kind === 'keptRaw' && r.snippet.startsWith(OPEN_TAG))).toEqual([]);
    expect(imported.report.filter((r) => r.kind === 'dropsOnEdit' || r.kind === 'removed')).toEqual([]);
    const accordions: PMNode[] = [];
    imported.doc.forEach((node) => {
      if (node.type.name === 'accordion') accordions.push(node);
    });
    expect(accordions.length).toBe(body.split(OPEN_TAG).length - 1);
    expect(codec.exportHtml(imported).html).toBe(body);

    // Source reuse off: each accordion is written with the same tags, classes and attributes, and keeps its words.
    for (const node of accordions) {
      const source = node.attrs['source'] as string;
      const fresh = renderAlone(node);
      expect(skeleton(fresh)).toEqual(skeleton(source));
      expect(visible(fresh)).toEqual(visible(source));
    }
    const fresh = codec.exportHtml(imported, { reuseSource: false }).html;
    expect(visible(fresh)).toEqual(visible(body));
    expect(codec.exportHtml(codec.importHtml(fresh), { reuseSource: false }).html).toBe(fresh);
  });
});

describe('accordion markup', () => {
  it('keeps the gray colour (the CMS loses it on reload)', () => {
    const html = accordionBlock.fixtures!.find((f) => f.name === 'gray accordion')!.html;
    const node = codec.importHtml(html).doc.child(0);
    expect(node.type.name).toBe('accordion');
    expect(node.attrs['colour']).toBe('gray');
    expect(renderAlone(node)).toBe(html);
  });

  it('changes only the colour class, in its place, keeping any other class', () => {
    expect(accordionClasses('isomer-accordion isomer-accordion-white isomer-accordion-group', 'gray')).toBe('isomer-accordion isomer-accordion-gray isomer-accordion-group');
    expect(accordionClasses('isomer-accordion  isomer-accordion-white', 'white')).toBe('isomer-accordion  isomer-accordion-white');
    expect(accordionClasses('isomer-accordion', 'white')).toBe('isomer-accordion isomer-accordion-white');
    expect(accordionClasses('x isomer-accordion-gray', null)).toBe('x');
  });

  it('keeps unknown attributes of every part', () => {
    const html =
      '<div data-type="detailGroup" class="isomer-accordion isomer-accordion-white" id="faq">\n<details class="isomer-details" id="q1">\n<summary title="q">Q</summary>\n' +
      '<div data-type="detailsContent" class="isomer-details-content" lang="en">\n<p>A</p>\n</div>\n</details>\n</div>';
    const imported = codec.importHtml(html);
    expect(imported.report).toEqual([]);
    expect(codec.exportHtml(imported, { reuseSource: false }).html).toBe(html);
  });

  it('writes a question on one line and an empty answer as an empty paragraph', () => {
    const html =
      '<div data-type="detailGroup" class="isomer-accordion isomer-accordion-white"><details class="isomer-details"><summary>Two\nlines</summary>' +
      '<div data-type="detailsContent" class="isomer-details-content"></div></details></div>';
    const imported = codec.importHtml(html);
    expect(imported.doc.child(0).type.name).toBe('accordion');
    imported.doc.check();
    expect(codec.exportHtml(imported).html).toBe(html);
    expect(codec.exportHtml(imported, { reuseSource: false }).html).toBe(
      '<div data-type="detailGroup" class="isomer-accordion isomer-accordion-white">\n<details class="isomer-details">\n<summary>Two lines</summary>\n' +
        '<div data-type="detailsContent" class="isomer-details-content">\n<p></p>\n</div>\n</details>\n</div>',
    );
  });

  // A `<details>` of its own is edited as one (anyBlock.test.ts); these are not accordions a block can hold.
  it('keeps details that no block holds as raw HTML, whole', () => {
    for (const html of [
      '<table><tbody><tr><td><details><summary>In a cell</summary>text</details></td></tr></tbody></table>',
      '<div data-type="detailGroup" class="isomer-accordion"><p>No items</p></div>',
      '<div data-type="detailGroup" class="isomer-accordion"><details class="isomer-details"><summary>No answer</summary></details></div>',
      '<div data-type="detailGroup" class="isomer-accordion"><details class="isomer-details"><summary><p>Block question</p></summary><div data-type="detailsContent"><p>a</p></div></details></div>',
      '<div data-type="detailGroup" class="isomer-accordion"><details class="isomer-details"><summary>Q</summary><div data-type="detailsContent"><p>a</p></div></details><p>stray</p></div>',
    ]) {
      const imported = codec.importHtml(html);
      expect(imported.doc.child(0).type.name).toBe('rawHtml');
      expect(codec.exportHtml(imported, { reuseSource: false }).html).toBe(html);
    }
  });

  it('nests other blocks, tables included, in an answer', () => {
    const html =
      '<div data-type="detailGroup" class="isomer-accordion isomer-accordion-white">\n<details class="isomer-details">\n<summary>Fees</summary>\n' +
      '<div data-type="detailsContent" class="isomer-details-content">\n<table style="minWidth: 25px">\n<colgroup>\n<col>\n</colgroup>\n<tbody>\n<tr>\n<td rowspan="1" colspan="1">\n<p>Free</p>\n</td>\n</tr>\n</tbody>\n</table>\n</div>\n</details>\n</div>';
    const imported = codec.importHtml(html);
    expect(imported.doc.child(0).type.name).toBe('accordion');
    expect(codec.exportHtml(imported, { reuseSource: false }).html).toBe(html);
  });

  it('the sanitiser keeps every fixture whole', () => {
    for (const fixture of accordionBlock.fixtures!) expect(codec.sanitizer.sanitize(fixture.html).removed).toEqual([]);
  });
});
