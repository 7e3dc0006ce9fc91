// @vitest-environment node
import { DOMParser as PMDOMParser, DOMSerializer } from '@tiptap/pm/model';
import { describe, expect, it } from 'vitest';
import { BodyCodec } from '../../src/core/bodyCodec.ts';
import { formatElement } from '../../src/core/formatHtml.ts';
import { useJsdom } from '../../src/core/node/useJsdom.ts';
import { pageVariant, readPageFile } from '../../src/core/pageFile.ts';
import { readCorpus } from '../../src/core/testing/corpus.ts';
import { blockRegistry } from '../registry.ts';
import { imageBlock } from './index.ts';
import { composeImageStyle, imageIssues, parseImageStyle } from './schema.ts';

const { document } = useJsdom();
const codec = new BodyCodec(blockRegistry);

function importOne(html: string) {
  const imported = codec.importHtml(html);
  expect(imported.report.filter((r) => r.kind === 'keptRaw')).toEqual([]);
  expect(imported.doc.childCount).toBe(1);
  return { imported, node: imported.doc.child(0) };
}

/** Parses and renders markup through the schema alone, as it would inside a block that holds images. */
function throughSchema(html: string): string {
  const container = document.createElement('div');
  container.innerHTML = html;
  const doc = PMDOMParser.fromSchema(codec.schema).parse(container);
  const out = document.createElement('div');
  out.appendChild(DOMSerializer.fromSchema(codec.schema).serializeFragment(doc.content, { document }));
  return Array.from(out.children).map((el) => formatElement(el)).join('\n');
}

describe('image attributes', () => {
  it('reads src, alt, width and the img attributes as written', () => {
    const { node } = importOne(imageBlock.fixtures!.find((f) => f.name === 'half width')!.html);
    expect(node.type.name).toBe('isomerImage');
    expect(node.attrs).toMatchObject({ src: '/images/birds/kingfisher.jpg', alt: 'A kingfisher on a post', width: 50, heightAttr: 'auto', widthAttr: '100%', href: null });
  });

  it('keeps paths with spaces and %20 exactly', () => {
    const { node } = importOne(imageBlock.fixtures!.find((f) => f.name === 'path with spaces and %20')!.html);
    expect(node.attrs['src']).toBe('/images/Brand Kit/logo%20small v2.png');
  });

  it('keeps an empty alt as decorative and a missing alt as missing', () => {
    expect(importOne('<div class="isomer-image-wrapper"><img alt="" src="/a.png"></div>').node.attrs['alt']).toBe('');
    const missing = importOne('<div class="isomer-image-wrapper"><img src="/a.png"></div>');
    expect(missing.node.attrs['alt']).toBeNull();
    expect(codec.exportHtml(missing.imported, { reuseSource: false }).html).toBe('<div class="isomer-image-wrapper">\n<img src="/a.png">\n</div>');
  });

  it('keeps extra classes, ids, titles and style declarations with source reuse off', () => {
    const html = '<div class="isomer-image-wrapper frame" id="w" title="wrapper"><img style="width: 40%; border: 1px solid red" height="auto" width="100%" alt="x" src="/x.png" class="c" id="i" title="t" loading="lazy"></div>';
    const { imported, node } = importOne(html);
    expect(imported.report.filter((r) => r.kind === 'dropsOnEdit')).toEqual([]);
    expect(node.attrs).toMatchObject({ width: 40, extraStyle: 'border: 1px solid red', wrapperClass: 'frame', wrapperExtra: { id: 'w', title: 'wrapper' }, imgExtra: { class: 'c', id: 'i', title: 't', loading: 'lazy' } });
    expect(codec.exportHtml(imported, { reuseSource: false }).html).toBe(
      '<div class="isomer-image-wrapper frame" id="w" title="wrapper">\n<img style="width: 40%; border: 1px solid red" height="auto" width="100%" alt="x" src="/x.png" class="c" id="i" title="t" loading="lazy">\n</div>',
    );
  });

  it('writes a style back as it was written while the width is unchanged, and in Isomer form once it changes', () => {
    const { imported, node } = importOne('<div class="isomer-image-wrapper"><img style="width: 20%;" height="auto" width="100%" alt="b" src="/b.png"></div>');
    expect(node.attrs['width']).toBe(20);
    expect(codec.exportHtml(imported, { reuseSource: false }).html).toContain('style="width: 20%;"');
    const edited = node.type.create({ ...node.attrs, width: 35 });
    const doc = imported.doc.copy(imported.doc.content.replaceChild(0, edited));
    expect(codec.exportHtml({ ...imported, doc }).html).toBe('<div class="isomer-image-wrapper">\n<img style="width: 35%" height="auto" width="100%" alt="b" src="/b.png">\n</div>');
  });

  it('splits and composes the style', () => {
    expect(parseImageStyle('width: 100%')).toEqual({ width: 100, extraStyle: '' });
    expect(parseImageStyle('max-width: 10px; width:75%;')).toEqual({ width: 75, extraStyle: 'max-width: 10px' });
    expect(parseImageStyle('width: 300px')).toEqual({ width: null, extraStyle: 'width: 300px' });
    expect(composeImageStyle(60, 'float: left')).toBe('width: 60%; float: left');
    expect(composeImageStyle(null, '')).toBeNull();
  });

  it('leaves a wrapper with anything beside its image to other blocks (a layout, kept as written)', () => {
    const html = '<div class="isomer-image-wrapper"><img src="/a.png" alt="a"><p>caption</p></div>';
    const imported = codec.importHtml(html);
    expect(imported.doc.child(0).type.name).not.toBe('isomerImage');
    expect(codec.exportHtml(imported).html).toBe(html);
  });

  it('never keeps a data: image', () => {
    const imported = codec.importHtml('<div class="isomer-image-wrapper"><img alt="x" src="data:image/png;base64,AAAA"></div>');
    expect(imported.report.some((r) => r.kind === 'removed' && r.message.includes('src'))).toBe(true);
    expect(codec.exportHtml(imported).html).not.toContain('data:');
  });
});

describe('linked images', () => {
  const linkedImageFixtures = (imageBlock.fixtures ?? []).filter((f) => f.html.startsWith('<a '));

  it.each(linkedImageFixtures.map((f) => [f.name, f.html] as const))('"%s" parses and renders exactly through the schema', (_name, html) => {
    expect(codec.sanitizer.sanitize(html).removed).toEqual([]);
    expect(throughSchema(html)).toBe(html);
  });

  it('keeps a top-level linked image as an image block, byte for byte', () => {
    expect(linkedImageFixtures.length).toBe(2);
    for (const { html } of linkedImageFixtures) {
      const body = `<p>Before</p>${html}\n<p></p>`;
      const imported = codec.importHtml(body);
      expect(imported.doc.child(1).type.name).toBe('isomerImage');
      expect(codec.exportHtml(imported).html).toBe(body);
    }
  });
});

describe('imageIssues', () => {
  it('asks for alt text unless the image is decorative', () => {
    expect(imageIssues({ src: '/a.png', alt: null, width: 100 })).toHaveLength(1);
    expect(imageIssues({ src: '/a.png', alt: '', width: 100 })).toEqual([]);
    expect(imageIssues({ src: '/a.png', alt: '  ', width: 100 })).toHaveLength(1);
    expect(imageIssues({ src: '/a.png', alt: 'A', width: 100 })).toEqual([]);
  });

  it('flags a width out of 1–100', () => {
    expect(imageIssues({ src: '/a.png', alt: 'A', width: 0 })[0]!.message).toMatch(/between 1% and 100%/);
    expect(imageIssues({ src: '/a.png', alt: 'A', width: 120 })).toHaveLength(1);
    expect(imageIssues({ src: '/a.png', alt: 'A', width: 1 })).toEqual([]);
  });

  it('flags an image without a file', () => {
    expect(imageIssues({ src: '', alt: 'A', width: 100 })).toHaveLength(1);
  });
});

describe('images of the corpus pages', () => {
  const pages = readCorpus()
    .map(({ name, text }) => ({ name, page: readPageFile(text) }))
    .filter(({ page }) => pageVariant(page) === 'tiptap' && page.body.includes('isomer-image-wrapper'));

  it('finds the pages with images', () => {
    expect(pages.length).toBeGreaterThanOrEqual(8);
  });

  it.each(pages.map((p) => [p.name, p.page.body] as const))('%s: top-level images are image blocks and the page saves byte for byte', (_name, body) => {
    const imported = codec.importHtml(body);
    const raw = imported.report.filter((r) => r.kind === 'keptRaw' && /^<(div|a) class="isomer-image-wrapper"/.test(r.snippet));
    expect(raw).toEqual([]);
    const container = document.createElement('div');
    container.innerHTML = body;
    const topLevel = container.querySelectorAll(':scope > .isomer-image-wrapper').length;
    let images = 0;
    imported.doc.forEach((n) => {
      if (n.type.name === 'isomerImage') images++;
    });
    expect(images).toBe(topLevel);
    // Only what the sanitiser removed (and reported) may differ, e.g. an embed no registered block allows.
    if (!imported.report.some((r) => r.kind === 'removed')) expect(codec.exportHtml(imported).html).toBe(body);

    const fresh = codec.exportHtml(imported, { reuseSource: false }).html;
    const after = document.createElement('div');
    after.innerHTML = fresh;
    const pick = (root: Element) =>
      Array.from(root.querySelectorAll('.isomer-image-wrapper')).map((w) => {
        const img = w.querySelector('img')!;
        return [w.localName, w.getAttribute('href'), img.getAttribute('src'), img.getAttribute('alt'), parseImageStyle(img.getAttribute('style')).width];
      });
    expect(pick(after)).toEqual(pick(container));
  });
});
