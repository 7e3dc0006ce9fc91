// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { BodyCodec } from '../../src/core/bodyCodec.ts';
import { useJsdom } from '../../src/core/node/useJsdom.ts';
import { pageVariant, readPageFile } from '../../src/core/pageFile.ts';
import { readCorpus } from '../../src/core/testing/corpus.ts';
import { blockRegistry } from '../registry.ts';
import { cardGridBlock } from './index.ts';
import { cardGridIssues, placeholderGrid } from './schema.ts';

const { document } = useJsdom();
const codec = new BodyCodec(blockRegistry);

const IMG = '<img style="width: 100%" height="auto" width="100%" alt="Steps down to the water" src="/images/cards/steps.jpg">';
// The same grid written on one line, with the attribute order some pages use.
const oneLine =
  '<div class="isomer-card-grid"><a rel="noopener noreferrer nofollow" href="https://www.example.org/kayak" class="isomer-card">' +
  `<div class="isomer-card-image"><div class="isomer-image-wrapper">${IMG}</div></div>` +
  '<div class="isomer-card-body"><div class="isomer-card-title">Kayak tours</div><div class="isomer-card-description">Paddle the bay with a guide.</div><div class="isomer-card-link">more...</div></div></a>' +
  '<div class="isomer-card"><div class="isomer-card-body"><div class="isomer-card-title">Open daily</div></div></div></div>';
const oneLineCanonical = [
  '<div class="isomer-card-grid">',
  '<a class="isomer-card" href="https://www.example.org/kayak" rel="noopener noreferrer nofollow">',
  '<div class="isomer-card-image">',
  '<div class="isomer-image-wrapper">',
  IMG,
  '</div>',
  '</div>',
  '<div class="isomer-card-body">',
  '<div class="isomer-card-title">Kayak tours</div>',
  '<div class="isomer-card-description">Paddle the bay with a guide.</div>',
  '<div class="isomer-card-link">more...</div>',
  '</div>',
  '</a>',
  '<div class="isomer-card">',
  '<div class="isomer-card-body">',
  '<div class="isomer-card-title">Open daily</div>',
  '</div>',
  '</div>',
  '</div>',
].join('\n');

function importGrid(html: string) {
  const imported = codec.importHtml(html);
  expect(imported.report.filter((r) => r.kind === 'keptRaw')).toEqual([]);
  expect(imported.doc.childCount).toBe(1);
  const grid = imported.doc.child(0);
  expect(grid.type.name).toBe('cardGrid');
  return { imported, grid };
}

describe('card grid structure', () => {
  it('reads clickable and plain cards, images and the three texts', () => {
    const { grid } = importGrid(cardGridBlock.fixtures![0]!.html);
    expect(grid.childCount).toBe(4);
    const [first, second, third, fourth] = [0, 1, 2, 3].map((i) => grid.child(i));
    expect(first!.attrs).toMatchObject({ clickable: true, href: '/volunteer/', rel: 'noopener noreferrer nofollow', target: null });
    expect(first!.child(0).type.name).toBe('cardImage');
    expect(first!.child(0).attrs).toMatchObject({ src: '/images/cards/planting.jpg', alt: 'Gloves and a spade on the grass', width: 100 });
    expect(first!.child(1).content.content.map((n) => n.type.name)).toEqual(['cardTitle', 'cardDescription', 'cardLink']);
    expect(second!.attrs['clickable']).toBe(false);
    expect(second!.child(0).attrs['alt']).toBe('');
    expect(third!.childCount).toBe(1);
    expect(third!.child(0).content.content.map((n) => n.type.name)).toEqual(['cardTitle', 'cardLink']);
    expect(third!.child(0).child(0).textContent).toBe('Boat hire & rentals');
    const description = fourth!.child(0).child(0);
    expect(description.type.name).toBe('cardDescription');
    expect(description.child(1).marks.map((m) => m.type.name)).toEqual(['bold']);
  });

  it('reads a grid written on one line, saves it byte for byte, and writes it in the readable layout when edited', () => {
    const { imported } = importGrid(oneLine);
    expect(codec.exportHtml(imported).html).toBe(oneLine);
    expect(codec.exportHtml(imported, { reuseSource: false }).html).toBe(oneLineCanonical);
    expect(imported.report.filter((r) => r.kind === 'dropsOnEdit')).toEqual([]);
  });

  it('keeps extra classes and attributes of every part', () => {
    const html = [
      '<div class="isomer-card-grid g" data-note="n">',
      '<a class="isomer-card c" href="/a/" rel="noopener" target="_blank" id="card-a">',
      '<div class="isomer-card-image i">',
      '<div class="isomer-image-wrapper w" title="frame">',
      '<img style="width: 100%; object-position: top" height="auto" width="100%" alt="A" src="/a.png" class="photo">',
      '</div>',
      '</div>',
      '<div class="isomer-card-body b" lang="en">',
      '<div class="isomer-card-title t" id="t1">Title</div>',
      '</div>',
      '</a>',
      '</div>',
    ].join('\n');
    const { imported } = importGrid(html);
    expect(imported.report.filter((r) => r.kind === 'dropsOnEdit')).toEqual([]);
    expect(codec.exportHtml(imported, { reuseSource: false }).html).toBe(html.replace('rel="noopener" target="_blank"', 'rel="noopener" target="_blank"'));
  });

  it('leaves cards with unknown parts or text out of order to other blocks (a layout, kept as written)', () => {
    const misordered = '<div class="isomer-card-grid"><div class="isomer-card"><div class="isomer-card-body"><div class="isomer-card-description">D</div><div class="isomer-card-title">T</div></div></div></div>';
    const out = codec.importHtml(misordered);
    expect(out.doc.child(0).type.name).not.toBe('cardGrid');
    expect(codec.exportHtml(out).html).toBe(misordered);
    const stray = '<div class="isomer-card-title">Alone</div>';
    expect(codec.importHtml(stray).doc.child(0).type.name).not.toBe('cardGrid');
  });

  it('keeps more than 18 cards, and reports them', () => {
    const card = '<div class="isomer-card"><div class="isomer-card-body"><div class="isomer-card-title">C</div></div></div>';
    const { grid } = importGrid(`<div class="isomer-card-grid">${card.repeat(19)}</div>`);
    expect(grid.childCount).toBe(19);
    expect(cardGridIssues(grid).filter((i) => i.level === 'error').map((i) => i.message)).toEqual(['A card grid holds at most 18 cards; this one has 19.']);
  });
});

describe('cardGridIssues', () => {
  it('finds nothing wrong with the fixtures', () => {
    for (const fixture of cardGridBlock.fixtures!) expect(cardGridIssues(importGrid(fixture.html).grid)).toEqual([]);
  });

  it('reports a card with no title, description or link text', () => {
    const { grid } = importGrid('<div class="isomer-card-grid"><div class="isomer-card"><div class="isomer-card-body"><div class="isomer-card-title"> </div></div></div></div>');
    expect(cardGridIssues(grid)).toEqual([{ level: 'error', message: 'Card 1 needs a title, a description or link text.', card: 0 }]);
  });

  it('warns about a description over 300 characters, as an error once edited', () => {
    const long = 'word '.repeat(61).trim();
    const { grid } = importGrid(`<div class="isomer-card-grid"><div class="isomer-card"><div class="isomer-card-body"><div class="isomer-card-description">${long}</div></div></div></div>`);
    expect(cardGridIssues(grid).map((i) => i.level)).toEqual(['warning']);
    expect(cardGridIssues(grid, { descriptionLimitIsError: true }).map((i) => i.level)).toEqual(['error']);
    const ok = 'x'.repeat(300);
    expect(cardGridIssues(importGrid(`<div class="isomer-card-grid"><div class="isomer-card"><div class="isomer-card-body"><div class="isomer-card-description">${ok}</div></div></div></div>`).grid)).toEqual([]);
  });

  it('warns about a card image without alt text', () => {
    const { grid } = importGrid(
      '<div class="isomer-card-grid"><div class="isomer-card"><div class="isomer-card-image"><div class="isomer-image-wrapper"><img src="/a.png"></div></div><div class="isomer-card-body"><div class="isomer-card-title">T</div></div></div></div>',
    );
    expect(cardGridIssues(grid).map((i) => [i.level, i.card])).toEqual([['warning', 0]]);
  });
});

describe('placeholder grids', () => {
  it('gives 1 to 18 valid cards that export to Isomer markup', () => {
    for (const [asked, made] of [[3, 3], [0, 1], [40, 18], [1, 1]] as const) {
      const grid = codec.schema.nodeFromJSON(placeholderGrid(asked));
      grid.check();
      expect(grid.childCount).toBe(made);
      expect(cardGridIssues(grid)).toEqual([]);
      const doc = codec.schema.nodes['doc']!.create(null, grid);
      const html = codec.exportHtml({ doc, leading: '', trailing: '' }).html;
      expect(html.startsWith('<div class="isomer-card-grid">\n<div class="isomer-card">\n<div class="isomer-card-body">\n<div class="isomer-card-title">Card title 1</div>')).toBe(true);
      expect(codec.exportHtml(importGrid(html).imported, { reuseSource: false }).html).toBe(html);
    }
  });
});

describe('card grids of the corpus pages', () => {
  const pages = readCorpus()
    .map(({ name, text }) => ({ name, page: readPageFile(text) }))
    .filter(({ page }) => pageVariant(page) === 'tiptap' && page.body.includes('isomer-card-grid'));

  const gridFacts = (root: Element) =>
    Array.from(root.querySelectorAll('.isomer-card-grid')).map((grid) => ({
      text: (grid.textContent ?? '').replace(/\s+/g, ''),
      cards: Array.from(grid.querySelectorAll('.isomer-card')).map((c) => [c.localName, c.getAttribute('href'), c.getAttribute('rel')]),
      images: Array.from(grid.querySelectorAll('img')).map((i) => [i.getAttribute('src'), i.getAttribute('alt')]),
      parts: ['.isomer-card-image', '.isomer-card-body', '.isomer-card-title', '.isomer-card-description', '.isomer-card-link'].map((s) => grid.querySelectorAll(s).length),
    }));

  it('finds the pages with card grids', () => {
    expect(pages.map((p) => p.page.body.split('isomer-card-grid').length - 1)).toEqual([1, 3, 1]);
  });

  it.each(pages.map((p) => [p.name, p.page.body] as const))('%s: every grid is a card grid block, saved byte for byte and rebuilt without loss', (_name, body) => {
    const imported = codec.importHtml(body);
    expect(imported.report.filter((r) => r.kind === 'keptRaw' && r.snippet.startsWith('<div class="isomer-card-grid"'))).toEqual([]);
    let grids = 0;
    imported.doc.forEach((n) => {
      if (n.type.name === 'cardGrid') grids++;
    });
    expect(grids).toBe(body.split('isomer-card-grid').length - 1);
    if (!imported.report.some((r) => r.kind === 'removed')) expect(codec.exportHtml(imported).html).toBe(body);
    const before = document.createElement('div');
    before.innerHTML = body;
    const after = document.createElement('div');
    after.innerHTML = codec.exportHtml(imported, { reuseSource: false }).html;
    expect(gridFacts(after)).toEqual(gridFacts(before));
  });
});
