// @vitest-environment node
import { Fragment, Slice, type Mark, type Node as PMNode } from '@tiptap/pm/model';
import { describe, expect, it } from 'vitest';
import { BodyCodec } from '../../src/core/bodyCodec.ts';
import { useJsdom } from '../../src/core/node/useJsdom.ts';
import { tiptapCorpusBodies } from '../../src/core/testing/blockPages.ts';
import { blockRegistry } from '../registry.ts';

useJsdom();
const codec = new BodyCodec(blockRegistry);

/** An Isomer accordion with one item whose answer is `answer`. */
const isomerAccordion = (answer: string) =>
  '<div data-type="detailGroup" class="isomer-accordion isomer-accordion-white">\n<details class="isomer-details">\n<summary>A question</summary>\n' +
  `<div data-type="detailsContent" class="isomer-details-content">\n${answer}\n</div>\n</details>\n</div>`;

/** The names of the nodes below the accordions of a document. */
function typesInAccordions(doc: PMNode): string[] {
  const types = new Set<string>();
  doc.forEach((block) => {
    if (block.type.name !== 'accordion') return;
    block.descendants((node) => {
      if (node.isBlock) types.add(node.type.name);
    });
  });
  return [...types].sort();
}

const fixtures = blockRegistry
  .filter((block) => block.name !== 'raw-html')
  .flatMap((block) => (block.fixtures ?? []).map((fixture) => [`${block.name}: ${fixture.name}`, fixture.html] as const));

describe('an Isomer accordion holds any block', () => {
  it.each(fixtures)('%s inside an answer opens as an accordion and saves byte for byte', (_name, html) => {
    const body = isomerAccordion(html);
    const imported = codec.importHtml(body);
    expect(imported.report).toEqual([]);
    expect(imported.doc.childCount).toBe(1);
    expect(imported.doc.child(0).type.name).toBe('accordion');
    expect(codec.exportHtml(imported).html).toBe(body);
    // Written afresh (as after an edit), the answer still holds the block.
    const fresh = codec.exportHtml(imported, { reuseSource: false }).html;
    expect(codec.importHtml(fresh).doc.toJSON()).toEqual(imported.doc.toJSON());
  });

  it('the corpus accordions open as accordions, holding tables, lists and images', () => {
    const pages = tiptapCorpusBodies('<details');
    let accordions = 0;
    let raw = 0;
    const held = new Set<string>();
    for (const { body } of pages) {
      const imported = codec.importHtml(body);
      imported.doc.forEach((node) => {
        if (node.type.name === 'accordion') accordions++;
        if (node.type.name === 'rawHtml' && /<details/i.test(node.attrs['html'] as string)) raw++;
      });
      typesInAccordions(imported.doc).forEach((t) => held.add(t));
    }
    expect({ accordions, raw }).toEqual({ accordions: 5, raw: 0 });
    expect([...held]).toEqual(expect.arrayContaining(['bulletList', 'orderedList', 'isomerImage']));
  });
});

// `<details>` accordions as other sites write them (our own words).
const otherDetails = [
  ['bare, answer as blocks', '<details>\n<summary>Who may apply?</summary>\n<p>Residents of the district.</p>\n<ul>\n<li>Aged 18 or over</li>\n</ul>\n</details>'],
  ['classed, answer in a classed div', '<details class="faq-item" id="q1" open>\n<summary class="faq-q">How long does it take?</summary>\n<div class="faq-a" style="padding: 4px">\n<p>About <strong>two weeks</strong>.</p>\n<table class="table-h"><tbody><tr><td>Online</td><td>3 days</td></tr></tbody></table>\n</div>\n</details>'],
  ['holding an image', '<details data-track="x">\n<summary>Where is the office?</summary>\n<div class="answer">\n<div class="isomer-image-wrapper">\n<img style="width: 100%" height="auto" width="100%" alt="A map of the street" src="/images/map.png">\n</div>\n</div>\n</details>'],
] as const;

describe('a <details> accordion in other markup', () => {
  it.each(otherDetails)('%s: opens as an accordion and saves byte for byte', (_name, body) => {
    const imported = codec.importHtml(body);
    expect(imported.report).toEqual([]);
    expect(imported.doc.childCount).toBe(1);
    expect(imported.doc.child(0).type.name).toBe('details');
    expect(codec.exportHtml(imported).html).toBe(body);
  });

  it('an edited answer is written back in its own markup: tag, attributes and wrapper kept', () => {
    const body = otherDetails[1][1];
    const imported = codec.importHtml(body);
    let at = -1;
    let marks: readonly Mark[] = [];
    imported.doc.descendants((node, pos) => {
      if (node.isText && node.text === 'two weeks') [at, marks] = [pos, node.marks];
    });
    const words = imported.doc.type.schema.text('ten days', marks);
    const edited = imported.doc.replace(at, at + 'two weeks'.length, new Slice(Fragment.from(words), 0, 0));
    const html = codec.exportHtml({ ...imported, doc: edited }).html;
    expect(html).toContain('<details class="faq-item" id="q1" open>'); // the start tag as the page wrote it
    expect(html).toContain('<summary class="faq-q">How long does it take?</summary>');
    expect(html).toContain('<div class="faq-a" style="padding: 4px">');
    expect(html).toContain('<strong>ten days</strong>');
    expect(html).toContain('<table class="table-h">');
  });

  it.each([
    ['text beside the answer', '<details><summary>Q</summary>Loose words<p>A</p></details>'],
    ['a question holding a block', '<details><summary><p>Q</p></summary><p>A</p></details>'],
    ['no answer', '<details><summary>Q</summary></details>'],
  ])('%s: stays raw HTML', (_name, body) => {
    const imported = codec.importHtml(body);
    expect(imported.doc.child(0).type.name).toBe('rawHtml');
    expect(codec.exportHtml(imported).html).toBe(body);
  });
});
