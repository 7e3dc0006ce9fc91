// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { blockRegistry } from '../../extensions/registry.ts';
import type { BlockDefinition } from './blockDefinition.ts';
import { useJsdom } from './node/useJsdom.ts';
import { createSanitizer } from './sanitize.ts';

useJsdom();

// A block owning `<div class="note">` with a tone from a list, a level by pattern, and an `itemprop`
// attribute the generic rules do not keep: these allowances hold on that element only.
const noteBlock: BlockDefinition = {
  name: 'note',
  order: 1000,
  extensions: [],
  sanitizer: {
    elements: [
      { tag: 'div', className: 'note', attributes: { 'data-tone': ['info', 'warning'], 'data-level': /[1-3]/, 'itemprop': true } },
      { tag: 'span', className: 'note-tag', attributes: { title: true }, unknownAttributes: 'keep' },
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
});
