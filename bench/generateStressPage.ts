/**
 * A deterministic stress page for the benchmark: about 1 MB of tiptap HTML with 2,000 paragraphs,
 * 100 card grids of 6 cards, 50 tables, 50 accordions, 200 images, 60 layout containers (two columns
 * of headings, text and lists), 60 classed lists and the page's own CSS, in the markup the blocks read.
 * The same options always give the same text (a seeded generator, no clock, no Math.random).
 */

export interface StressPageOptions {
  paragraphs?: number;
  cardGrids?: number;
  cardsPerGrid?: number;
  tables?: number;
  accordions?: number;
  images?: number;
  /** Two-column layouts (`<div class="row">` of `<div class="col is-half">`), kept by the container block. */
  layouts?: number;
  /** Lists with a class of the site's (`<ul class="checklist">`), outside the layouts. */
  classedLists?: number;
  /** CSS rules of the page's own `<style>` block, at its top (0: none). */
  cssRules?: number;
  seed?: number;
}

export interface StressPage {
  /** The HTML body. */
  body: string;
  /** The whole page file (front matter with `variant: tiptap`, then the body). */
  text: string;
  /** Every distinct image address the body uses (each must be served as a real image). */
  imageSources: string[];
  /** The text of the last block, to tell when an editor shows the whole page. */
  lastBlockText: string;
  /** The text of the paragraph in the middle of the page, where keystrokes are typed. */
  middleParagraphText: string;
  counts: Required<Omit<StressPageOptions, 'seed'>>;
}

export const STRESS_PAGE_TITLE = 'Bench stress page';
/** Distinct image files the stress page refers to; a page's images cycle through them. */
export const STRESS_IMAGE_COUNT = 200;

const WORDS = (
  'park trail harbour lawn garden ranger bench tree shade river bridge path cycle picnic permit ' +
  'volunteer planting morning evening weekend visitor family dog leash boardwalk mangrove pier sunset ' +
  'lantern festival kayak boat ferry terminal gate bicycle rack parking shelter pavilion toilet water ' +
  'fountain playground fitness corner lookout tower bird kingfisher heron otter fig palm rain storm ' +
  'notice closure repair opening hours booking group event guide map north south east west loop'
).split(' ');

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function stressImageSource(index: number): string {
  return `/images/bench/photo-${String((index % STRESS_IMAGE_COUNT) + 1).padStart(3, '0')}.png`;
}

export function generateStressPage(options: StressPageOptions = {}): StressPage {
  const counts = {
    paragraphs: options.paragraphs ?? 2000,
    cardGrids: options.cardGrids ?? 100,
    cardsPerGrid: options.cardsPerGrid ?? 6,
    tables: options.tables ?? 50,
    accordions: options.accordions ?? 50,
    images: options.images ?? 200,
    layouts: options.layouts ?? 60,
    classedLists: options.classedLists ?? 60,
    cssRules: options.cssRules ?? 40,
  };
  const random = mulberry32(options.seed ?? 20240611);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const words = (min: number, max: number): string => {
    const n = min + Math.floor(random() * (max - min + 1));
    return Array.from({ length: n }, () => pick(WORDS)).join(' ');
  };
  const sentence = (): string => {
    const s = words(6, 16);
    return `${s[0]!.toUpperCase()}${s.slice(1)}.`;
  };
  let imageIndex = 0;
  const nextImage = () => stressImageSource(imageIndex++);

  const paragraph = (i: number): string => {
    const parts = [sentence(), sentence(), sentence()];
    // Some marks and links, as real pages have.
    if (i % 5 === 1) parts[1] = `<strong>${parts[1]}</strong>`;
    if (i % 7 === 2) parts[0] = `<em>${parts[0]}</em>`;
    if (i % 11 === 3) parts[2] = `<a href="/pages/${pick(WORDS)}/">${parts[2]}</a>`;
    return `<p>Paragraph ${i + 1}. ${parts.join(' ')}</p>`;
  };
  const image = (): string =>
    `<div class="isomer-image-wrapper">\n<img style="width: 100%" height="auto" width="100%" alt="${words(3, 6)}" src="${nextImage()}">\n</div>`;
  const card = (g: number, c: number): string => {
    const title = `Card ${g + 1}.${c + 1} ${words(1, 3)}`;
    const body = [
      '<div class="isomer-card-body">',
      `<div class="isomer-card-title">${title}</div>`,
      `<div class="isomer-card-description">${sentence()} ${sentence()}</div>`,
      c % 2 === 0 ? `<div class="isomer-card-link">Read about ${pick(WORDS)}</div>` : '',
      '</div>',
    ].filter(Boolean);
    const img = [
      '<div class="isomer-card-image">',
      '<div class="isomer-image-wrapper">',
      `<img style="width: 100%" height="auto" width="100%" alt="${words(2, 4)}" src="${stressImageSource(g * counts.cardsPerGrid + c)}">`,
      '</div>',
      '</div>',
    ];
    return c % 2 === 0
      ? [`<a class="isomer-card" href="/pages/${pick(WORDS)}-${g}-${c}/" rel="noopener noreferrer nofollow">`, ...img, ...body, '</a>'].join('\n')
      : ['<div class="isomer-card">', ...img, ...body, '</div>'].join('\n');
  };
  const cardGrid = (g: number): string =>
    ['<div class="isomer-card-grid">', ...Array.from({ length: counts.cardsPerGrid }, (_, c) => card(g, c)), '</div>'].join('\n');
  const cell = (tag: 'td' | 'th', text: string) => `<${tag} rowspan="1" colspan="1">\n<p>${text}</p>\n</${tag}>`;
  const table = (t: number): string => {
    const cols = 4;
    const rows = [
      `<tr>\n${Array.from({ length: cols }, (_, c) => cell('th', `Column ${c + 1} of table ${t + 1}`)).join('\n')}\n</tr>`,
      ...Array.from({ length: 5 }, () => `<tr>\n${Array.from({ length: cols }, () => cell('td', words(2, 6))).join('\n')}\n</tr>`),
    ];
    return [`<table style="minWidth: ${cols * 25}px">`, '<colgroup>', ...Array.from({ length: cols }, () => '<col>'), '</colgroup>', '<tbody>', ...rows, '</tbody>', '</table>'].join('\n');
  };
  const accordion = (a: number): string => {
    const items = Array.from({ length: 3 }, (_, i) =>
      [
        '<details class="isomer-details">',
        `<summary>Question ${a + 1}.${i + 1}: ${words(3, 7)}?</summary>`,
        '<div data-type="detailsContent" class="isomer-details-content">',
        `<p>${sentence()} ${sentence()}</p>`,
        '</div>',
        '</details>',
      ].join('\n'),
    );
    return [`<div data-type="detailGroup" class="isomer-accordion isomer-accordion-${a % 2 ? 'gray' : 'white'}">`, ...items, '</div>'].join('\n');
  };

  const LIST_CLASSES = ['checklist', 'list-unstyled', 'steps', 'tight-links'];
  const classedList = (l: number): string => {
    const tag = l % 3 === 2 ? 'ol' : 'ul';
    const items = Array.from({ length: 4 }, () => `<li>\n<p>${sentence()}</p>\n</li>`);
    return [`<${tag} class="${LIST_CLASSES[l % LIST_CLASSES.length]}">`, ...items, `</${tag}>`].join('\n');
  };
  const layout = (l: number): string =>
    [
      '<div class="row">',
      '<div class="col is-half">',
      `<h3>Layout ${l + 1}: ${words(2, 4)}</h3>`,
      `<p>${sentence()} ${sentence()}</p>`,
      '</div>',
      '<div class="col is-half">',
      `<p>${sentence()}</p>`,
      classedList(l + 1),
      '</div>',
      '</div>',
    ].join('\n');
  const pageCss = (): string => {
    const rules = Array.from({ length: counts.cssRules }, (_, r) => {
      const selector = r % 4 === 0 ? `.${LIST_CLASSES[r % LIST_CLASSES.length]} li` : r % 4 === 1 ? `.row .col:nth-child(${(r % 2) + 1})` : r % 4 === 2 ? `h3:nth-of-type(${r})` : `.isomer-card-grid .isomer-card:nth-child(${(r % 6) + 1})`;
      return `${selector} { margin-bottom: ${(r % 5) * 0.25}rem; color: #${(0x203040 + r * 0x010203).toString(16).slice(-6)}; }`;
    });
    return ['<style>', ...rules, '</style>'].join('\n');
  };

  // Spread the other blocks evenly between the paragraphs.
  const others: { at: number; html: () => string }[] = [];
  const spread = (n: number, offset: number, make: (i: number) => string) => {
    for (let i = 0; i < n; i++) others.push({ at: Math.floor(((i + offset) * counts.paragraphs) / Math.max(n, 1)), html: () => make(i) });
  };
  spread(counts.cardGrids, 0.2, cardGrid);
  spread(counts.tables, 0.4, table);
  spread(counts.accordions, 0.6, accordion);
  spread(counts.images, 0.8, image);
  spread(counts.layouts, 0.3, layout);
  spread(counts.classedLists, 0.7, classedList);
  others.sort((a, b) => a.at - b.at);

  const blocks: string[] = counts.cssRules > 0 ? [pageCss()] : [];
  let next = 0;
  const middle = Math.floor(counts.paragraphs / 2);
  let middleParagraphText = '';
  for (let p = 0; p < counts.paragraphs; p++) {
    if (p % 40 === 0) blocks.push(`<h2>Section ${p / 40 + 1}: ${words(2, 4)}</h2>`);
    while (next < others.length && others[next]!.at <= p) blocks.push(others[next++]!.html());
    const html = paragraph(p);
    if (p === middle) middleParagraphText = html.replace(/<[^>]+>/g, '');
    blocks.push(html);
  }
  while (next < others.length) blocks.push(others[next++]!.html());
  const lastBlockText = 'End of the stress page.';
  blocks.push(`<p>${lastBlockText}</p>`);

  const body = `${blocks.join('\n')}\n`;
  const text = `---\ntitle: ${STRESS_PAGE_TITLE}\npermalink: /bench-stress/\nvariant: tiptap\n---\n${body}`;
  const imageSources = Array.from({ length: Math.min(STRESS_IMAGE_COUNT, Math.max(imageIndex, counts.cardGrids * counts.cardsPerGrid)) }, (_, i) => stressImageSource(i));
  return { body, text, imageSources, lastBlockText, middleParagraphText, counts };
}
