// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { blockRegistry } from '../../extensions/registry.ts';
import type { BlockDefinition } from './blockDefinition.ts';
import { BodyCodec } from './bodyCodec.ts';
import { useJsdom } from './node/useJsdom.ts';
import { openPage } from './pageDocument.ts';
import { createSanitizer } from './sanitize.ts';
import { readCorpus } from './testing/corpus.ts';

useJsdom();

// A block owning `<div class="note">` with a tone from a list, a level by pattern, and an `itemprop`
// attribute and a `style` the generic rules do not keep there: these allowances hold on that element only.
const noteBlock: BlockDefinition = {
  name: 'note',
  order: 1000,
  extensions: [],
  sanitizer: {
    elements: [
      { tag: 'div', className: 'note', attributes: { 'data-tone': ['info', 'warning'], 'data-level': /[1-3]/, 'itemprop': true } },
      { tag: 'span', className: 'note-tag', attributes: { title: true }, unknownAttributes: 'keep' },
      { tag: 'hr', within: 'div.note', attributes: { style: true } },
    ],
  },
};
const sanitizer = createSanitizer([...blockRegistry, noteBlock]);
const clean = (html: string) => sanitizer.sanitize(html);

describe('allowances a block owns', () => {
  it('keeps the owned element with allowed attributes and values, untouched', () => {
    for (const html of ['<div class="note" data-tone="info" data-level="2" itemprop="note">x</div>', '<div class="note" data-tone="warning">x</div>']) {
      expect(clean(html)).toMatchObject({ html, removed: [] });
      expect(sanitizer.parseClean(html)).not.toBeNull();
    }
  });

  it('removes and reports a value off the list or the pattern', () => {
    const result = clean('<div class="note" data-tone="danger" data-level="12">x</div>');
    expect(result.html).toBe('<div class="note">x</div>');
    expect(result.removed.map((r) => r.what).sort()).toEqual(['data-level attribute on <div>', 'data-tone attribute on <div>']);
  });

  it('rejects attributes the block does not list, even ones the generic rules keep', () => {
    const result = clean('<div class="note" data-tone="info" title="t" id="n" style="color: red">x</div>');
    expect(result.html).toBe('<div class="note" data-tone="info">x</div>');
    expect(result.removed).toHaveLength(3);
  });

  it('leaves unlisted attributes to the generic rules when the block keeps them', () => {
    expect(clean('<span class="note-tag" title="a" id="b">x</span>').removed).toEqual([]);
    expect(clean('<span class="note-tag" onclick="x()">x</span>').removed).toHaveLength(1);
  });

  it('allows an owned-only attribute nowhere else', () => {
    const result = clean('<div class="other" itemprop="note">x</div>');
    expect(result.html).toBe('<div class="other">x</div>');
    expect(result.removed.map((r) => r.what)).toEqual(['itemprop attribute on <div>']);
    // Markup no block owns follows the generic rules as before.
    expect(clean('<div class="other" data-tone="danger" title="t">x</div>').removed).toEqual([]);
  });

  it('never lets a block allow script', () => {
    const risky = createSanitizer([{ ...noteBlock, sanitizer: { elements: [{ tag: 'a', attributes: { href: true, onclick: true } }] } }]);
    const result = risky.sanitize('<a href="javascript:alert(1)" onclick="alert(1)">x</a>');
    expect(result.html).toBe('<a>x</a>');
    expect(result.removed).toHaveLength(2);
  });

  it('keeps a style a block allows on its element, and on no other', () => {
    expect(clean('<div class="note" data-tone="info"><hr style="width: 50%"></div>').removed).toEqual([]);
    const result = clean('<div class="other"><hr style="width: 50%"></div>');
    expect(result.html).toBe('<div class="other"><hr></div>');
    expect(result.removed.map((r) => r.what)).toEqual(['style attribute on <hr>']);
  });

  it('lets an element several declarations own keep only what all of them allow', () => {
    const second: BlockDefinition = { name: 'second', order: 1001, extensions: [], sanitizer: { elements: [{ tag: 'div', className: 'note', attributes: { 'data-tone': ['info'], itemprop: true } }] } };
    const both = createSanitizer([noteBlock, second]);
    expect(both.sanitize('<div class="note" data-tone="info" itemprop="n">x</div>').removed).toEqual([]);
    // A value only one of them lists, and an attribute only one lists, go.
    expect(both.sanitize('<div class="note" data-tone="warning" data-level="2">x</div>').removed.map((r) => r.what).sort()).toEqual(['data-level attribute on <div>', 'data-tone attribute on <div>']);
  });
});

describe('the generic rules, for markup no block owns', () => {
  it('keep the names they list, on the elements they list them for', () => {
    const kept = [
      '<div class="grid" id="people" lang="ms" dir="ltr" title="t" role="list" data-x="1" aria-label="People" style="display: grid" align="center">x</div>',
      '<p><a href="/files/a.pdf" download="a.pdf" target="_blank" rel="noopener" name="top">a</a> <font color="#a00" face="Arial" size="2">b</font></p>',
      '<table border="1" cellpadding="2" width="100%"><tbody><tr><td colspan="2" valign="top" bgcolor="#eee" style="color: red">c</td></tr></tbody></table>',
      '<ol start="4" type="a" reversed=""><li value="7">d</li></ol>',
      '<img src="/images/a.png" alt="A" width="100" height="50" loading="lazy" style="float: left">',
    ];
    for (const html of kept) expect(clean(html)).toMatchObject({ html, removed: [] });
  });

  it('remove and report anything else: an attribute of another element, a style where they allow none', () => {
    const cases: [string, string, string[]][] = [
      ['<div itemprop="x" src="/a.png">x</div>', '<div>x</div>', ['itemprop attribute on <div>', 'src attribute on <div>']],
      ['<span href="/a" start="2">x</span>', '<span>x</span>', ['href attribute on <span>', 'start attribute on <span>']],
      ['<hr style="border: 0" class="rule">', '<hr class="rule">', ['style attribute on <hr>']],
      ['<details style="color: red" open=""><summary style="x: y">Q</summary>A</details>', '<details open=""><summary>Q</summary>A</details>', ['style attribute on <details>', 'style attribute on <summary>']],
    ];
    for (const [html, expected, removed] of cases) {
      const result = clean(html);
      expect(result.html).toBe(expected);
      expect(result.removed.map((r) => r.what).sort()).toEqual(removed);
    }
  });

  it('still judge values: handlers, script addresses and unsafe styles go where the names are allowed', () => {
    const result = clean('<div style="background: url(javascript:alert(1))" onclick="alert(1)"><a href="javascript:alert(1)">x</a></div>');
    expect(result.html).toBe('<div><a>x</a></div>');
    expect(result.removed).toHaveLength(3);
  });

  it('keep every page of the corpus whole: nothing removed on opening', () => {
    const codec = new BodyCodec(blockRegistry);
    const removed = readCorpus().flatMap(({ name, text }) =>
      openPage(codec, text)
        .report.filter((r) => r.kind === 'removed')
        .map((r) => `${name}: ${r.message} ${r.snippet}`),
    );
    expect(removed).toEqual([]);
  });
});
