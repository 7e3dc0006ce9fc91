// @vitest-environment jsdom
import type { Node as PMNode } from '@tiptap/pm/model';
import { Transform } from '@tiptap/pm/transform';
import { describe, expect, it } from 'vitest';
import { BodyCodec } from '../../src/core/bodyCodec.ts';
import { loadFullParser } from '../../src/core/topLevelSegments.ts';
import { blockRegistry } from '../registry.ts';
import { bareImageFields, patchBareImage, type BareImageAttrs } from './bareImage.ts';
import { duplicateAt, unwrapAt, withClasses } from './commands.ts';

const codec = new BodyCodec(blockRegistry);

// A grid of people in markup of our own, indented as hand-written pages are.
const grid = [
  '<p>Our board</p>',
  '<div class="people-grid">',
  '  <div class="person">',
  '    <img src="/images/people/ada.jpg" alt="Ada Tan">',
  '    <h4>Ada Tan</h4>',
  '    <div class="role">Chair</div>',
  '  </div>',
  '  <div class="person">',
  '    <a href="/people/ben/"><img src="/images/people/ben.jpg" alt="Ben Lim"></a>',
  '    <h4>Ben  Lim</h4>',
  '    <div class="role">Treasurer, <small>since 2021</small></div>',
  '  </div>',
  '</div>',
  '<p>More soon.</p>',
].join('\n');

/** The first node of a type, with its position. */
function find(doc: PMNode, test: (node: PMNode) => boolean): { node: PMNode; pos: number } {
  let found: { node: PMNode; pos: number } | null = null;
  doc.descendants((node, pos) => {
    if (!found && test(node)) found = { node, pos };
    return !found;
  });
  if (!found) throw new Error('not found');
  return found;
}

/** Types `text` over `from`–`to`, with the marks of the text there. */
function typeText(doc: PMNode, from: number, to: number, text: string): PMNode {
  return new Transform(doc).replaceWith(from, to, doc.type.schema.text(text, doc.resolve(from + 1).marks())).doc;
}

/** Replaces the text of the first textblock whose text is `from`. */
function retype(doc: PMNode, from: string, to: string): PMNode {
  const { node, pos } = find(doc, (n) => n.isTextblock && n.textContent === from);
  return typeText(doc, pos + 1, pos + 1 + node.content.size, to);
}

function changedLines(before: string, after: string): string[] {
  const a = before.split('\n');
  const b = after.split('\n');
  return b.filter((line, i) => a[i] !== line);
}

describe('layout containers', () => {
  it('reads a grid of people as containers of ordinary blocks, and writes it back byte for byte', () => {
    const body = codec.importHtml(grid);
    expect(body.report).toEqual([]);
    const outer = find(body.doc, (n) => n.type.name === 'layoutContainer');
    expect(outer.node.attrs['attributes']).toEqual({ class: 'people-grid' });
    expect(outer.node.childCount).toBe(2);
    const names = outer.node.child(0).content.content.map((n) => n.type.name);
    expect(names).toEqual(['bareImage', 'heading', 'layoutText']);
    expect(outer.node.child(1).child(0).attrs['link']).toEqual({ href: '/people/ben/' });
    expect(codec.exportHtml(body).html).toBe(grid);
  });

  it('changes one line when one name in a grid cell is edited', () => {
    const body = codec.importHtml(grid);
    const doc = retype(body.doc, 'Ada Tan', 'Ada Tan-Lee');
    const html = codec.exportHtml({ ...body, doc }).html;
    expect(changedLines(grid, html)).toEqual(['    <h4>Ada Tan-Lee</h4>']);
    expect(html.split('\n').length).toBe(grid.split('\n').length);
  });

  it('keeps inline markup (tag and attributes) when the text around it is edited', () => {
    const body = codec.importHtml(grid);
    const { node, pos } = find(body.doc, (n) => n.isTextblock && n.textContent.startsWith('Treasurer'));
    const edited = typeText(body.doc, pos + 1, pos + 1 + 'Treasurer'.length, 'Acting treasurer');
    const html = codec.exportHtml({ ...body, doc: edited }).html;
    expect(node.type.name).toBe('layoutText');
    expect(changedLines(grid, html)).toEqual(['    <div class="role">Acting treasurer, <small>since 2021</small></div>']);
  });

  it('duplicates an item of a repeated layout', () => {
    const body = codec.importHtml(grid);
    const person = find(body.doc, (n) => n.type.name === 'layoutContainer' && n.attrs['attributes'].class === 'person');
    const tr = new Transform(body.doc);
    expect(duplicateAt(tr, person.pos)).toBe(true);
    const html = codec.exportHtml({ ...body, doc: tr.doc }).html;
    const ada = grid.split('\n').slice(2, 7).join('\n');
    expect(html).toBe(grid.replace(ada, `${ada}\n  ${ada.trimStart()}`));
    expect(codec.importHtml(html).report).toEqual([]);
  });

  it('unwraps a container, keeping its children as they were written', () => {
    const body = codec.importHtml('<section class="intro">\n<h2>About</h2>\n<p>We look after parks.</p>\n</section>');
    const tr = new Transform(body.doc);
    expect(unwrapAt(tr, 0)).toBe(true);
    expect(tr.doc.childCount).toBe(2);
    expect(codec.exportHtml({ ...body, doc: tr.doc }).html).toBe('<h2>About</h2>\n<p>We look after parks.</p>');
  });

  it('changes only the start tag when the classes change', () => {
    const body = codec.importHtml(grid);
    const outer = find(body.doc, (n) => n.type.name === 'layoutContainer');
    const attrs = { ...outer.node.attrs, attributes: withClasses(outer.node.attrs['attributes'], 'people-grid three-up') };
    const doc = new Transform(body.doc).setNodeMarkup(outer.pos, undefined, attrs).doc;
    expect(changedLines(grid, codec.exportHtml({ ...body, doc }).html)).toEqual(['<div class="people-grid three-up">']);
  });

  it('reads text between the blocks of a layout as a text run, written back as it stood', () => {
    const html = '<div class="entry">\n<h3>Notice</h3>\n<div class="meta">\nPosted <b>today</b>\n<p>by the team</p>\n</div>\n</div>';
    const body = codec.importHtml(html);
    expect(body.report).toEqual([]);
    const run = find(body.doc, (n) => n.type.name === 'layoutRun').node;
    expect(run.textContent).toBe('Posted today');
    expect(codec.exportHtml(body).html).toBe(html);
    const doc = retype(body.doc, 'Posted today', 'Posted yesterday');
    expect(changedLines(html, codec.exportHtml({ ...body, doc }).html)).toEqual(['Posted yesterday']);
  });

  it('keeps a layout element that mixes blocks with text-level markup no mark reads as raw markup in its place', () => {
    const html = '<div class="entry">\n<h3>Notice</h3>\n<div class="meta">Posted <label>today</label><p>by the team</p></div>\n</div>';
    const body = codec.importHtml(html);
    expect(body.report).toEqual([]);
    expect(find(body.doc, (n) => n.type.name === 'layoutRaw').node.attrs['html']).toBe('<div class="meta">Posted <label>today</label><p>by the team</p></div>');
    const doc = retype(body.doc, 'Notice', 'Notices');
    expect(changedLines(html, codec.exportHtml({ ...body, doc }).html)).toEqual(['<h3>Notices</h3>']);
  });

  it('takes a layout holding elements no block reads as a raw block, not dropping them', () => {
    const html = '<div class="tools"><button type="button">Print</button> this page</div>';
    const body = codec.importHtml(html);
    expect(body.doc.firstChild!.type.name).toBe('rawHtml');
    expect(codec.exportHtml(body).html).toBe(html);
  });

  it('leaves Isomer blocks to their own blocks', () => {
    const image = '<div class="isomer-image-wrapper">\n<img style="width: 100%" height="auto" width="100%" alt="A bench" src="/images/bench.png">\n</div>';
    expect(codec.importHtml(image).doc.firstChild!.type.name).toBe('isomerImage');
  });

  it('removes and reports handlers and unsafe addresses on layouts, images and inline markup', () => {
    const hostile =
      '<div class="grid" onclick="alert(1)">\n<img src="x" onerror="alert(2)" alt="x">\n<a href="javascript:alert(3)"><img src="/images/a.png" alt="a"></a>\n<p><span onmouseover="alert(4)" class="k">hi</span></p>\n</div>';
    const body = codec.importHtml(hostile);
    const removed = body.report.filter((r) => r.kind === 'removed').map((r) => r.message);
    expect(removed).toEqual(expect.arrayContaining([expect.stringContaining('onclick'), expect.stringContaining('onerror'), expect.stringContaining('href'), expect.stringContaining('onmouseover')]));
    const out = codec.exportHtml(body).html;
    expect(out).not.toMatch(/on\w+=|javascript:/i);
    const edited = codec.exportHtml({ ...body, doc: retype(body.doc, 'hi', 'hello') }).html;
    expect(edited).not.toMatch(/on\w+=|javascript:/i);
    expect(edited).toContain('<span class="k">hello</span>');
  });

  it('keeps a layout element inside a heading as markup of its text', () => {
    const html = '<h3><center>Small print</center></h3>';
    const body = codec.importHtml(html);
    expect(body.doc.firstChild!.type.name).toBe('heading');
    expect(codec.exportHtml({ ...body, doc: retype(body.doc, 'Small print', 'Fine print') }).html).toBe('<h3><center>Fine print</center></h3>');
  });
});

describe('inline images', () => {
  it('reads an image beside text in a layout or a table cell as an inline image, and writes it back as written', async () => {
    // A table body without rows (`<tbody><td>`, as a real page has it) is split with the full parser.
    await loadFullParser();
    const logos = '<table width="100%">\n<tbody>\n  <td width="50%" style="text-align:center">\n    <a href="https://example.org" target="_blank"><img src="/images/river.png" alt="River Trust" title="Visit"/></a><br /><strong>River Trust</strong><br />\n  </td>\n</tbody>\n</table>';
    const cell = '<div class="person"><a href="/people/ada/"><img src="/images/ada.jpg" alt="Ada Tan"></a><br><strong>Ada Tan</strong></div>';
    for (const html of [logos, cell]) {
      const body = codec.importHtml(html);
      expect(body.report).toEqual([]);
      expect(body.doc.firstChild!.type.name).not.toBe('rawHtml');
      expect(codec.exportHtml(body).html).toBe(html);
      const image = find(body.doc, (node) => node.type.name === 'inlineImage');
      expect(image.node.attrs['img']).toEqual(html === cell ? { src: '/images/ada.jpg', alt: 'Ada Tan' } : { src: '/images/river.png', alt: 'River Trust', title: 'Visit' });
      expect(image.node.marks.map((mark) => mark.type.name)).toEqual(['link']);
    }
  });

  it('keeps the image and its link when the name beside it is edited', () => {
    const html = '<div class="person"><a href="/people/ada/"><img src="/images/ada.jpg" alt="Ada Tan"></a><br><strong>Ada Tan</strong></div>';
    const body = codec.importHtml(html);
    const { pos } = find(body.doc, (node) => node.isText && node.text === 'Ada Tan');
    const doc = typeText(body.doc, pos, pos + 'Ada Tan'.length, 'Ada Lim');
    const edited = codec.exportHtml({ ...body, doc }).html;
    expect(edited).toContain('<a href="/people/ada/"><img src="/images/ada.jpg" alt="Ada Tan"></a>');
    expect(edited).toContain('<strong>Ada Lim</strong>');
    expect(edited).toMatch(/^<div class="person">/);
  });
});

describe('bare images', () => {
  it('edits the description, width and link of an image in a grid cell, and writes it back without a wrapper', () => {
    const body = codec.importHtml(grid);
    const image = find(body.doc, (n) => n.type.name === 'bareImage');
    const attrs = image.node.attrs as BareImageAttrs;
    expect(bareImageFields(attrs)).toEqual({ src: '/images/people/ada.jpg', alt: 'Ada Tan', width: null, href: null });
    const patched = patchBareImage(attrs, { alt: 'Ada Tan, chair', width: 50, href: '/people/ada/' });
    const doc = new Transform(body.doc).setNodeMarkup(image.pos, undefined, { ...image.node.attrs, ...patched }).doc;
    expect(changedLines(grid, codec.exportHtml({ ...body, doc }).html)).toEqual([
      '    <a href="/people/ada/"><img src="/images/people/ada.jpg" alt="Ada Tan, chair" style="width: 50%"></a>',
    ]);
  });

  it('keeps other style declarations and removes a link', () => {
    const attrs: BareImageAttrs = { img: { style: 'width: 30%; border: 0', src: '/a.png', alt: 'a' }, link: { href: '/x/', target: '_blank' } };
    expect(patchBareImage(attrs, { width: 80, href: null })).toEqual({ img: { style: 'width: 80%; border: 0', src: '/a.png', alt: 'a' }, link: null });
    expect(patchBareImage(attrs, { alt: null }).img).toEqual({ style: 'width: 30%; border: 0', src: '/a.png' });
  });
});
