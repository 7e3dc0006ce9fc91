// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { formatElement } from './formatHtml.ts';

function element(html: string): Element {
  const container = document.createElement('div');
  container.innerHTML = html;
  return container.firstElementChild!;
}

describe('formatElement', () => {
  it('puts each child of a container on its own line and keeps text-level markup on one', () => {
    expect(formatElement(element('<ul><li><p>One <b>bold</b></p></li><!-- note --><li><p>Two</p></li></ul>'))).toBe(
      '<ul>\n<li>\n<p>One <b>bold</b></p>\n</li>\n<!-- note -->\n<li>\n<p>Two</p>\n</li>\n</ul>',
    );
    expect(formatElement(element('<div>text <em>inline</em></div>'))).toBe('<div>text <em>inline</em></div>');
    expect(formatElement(element('<div class="a"></div>'))).toBe('<div class="a"></div>');
  });

  it('lays out a container nested 10,000 deep without running out of stack', () => {
    const depth = 10_000;
    // Built from the inside out: parsing markup this deep is slow in jsdom.
    let deep: Element = element('<p>x</p>');
    for (let i = 0; i < depth; i++) {
      const div = document.createElement('div');
      div.append(deep);
      deep = div;
    }
    expect(formatElement(deep)).toBe('<div>\n'.repeat(depth) + '<p>x</p>' + '\n</div>'.repeat(depth));
  });
});
