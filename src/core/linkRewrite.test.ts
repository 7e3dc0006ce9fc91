import { describe, expect, it } from 'vitest';
import { countLinksTo, pointLinks } from './linkRewrite.ts';

const page = (body: string) => `---\ntitle: Links\npermalink: /old-page/\n---\n${body}`;

describe('pointLinks', () => {
  it('changes only the address bytes of links to the old address, keeping fragments and queries', () => {
    const before = page(
      '<p>See <a href="/old-page/">this</a>, <a class="x" href=\'/Old-Page#hours\'>hours</a> and <a href="/old-page/?a=1">that</a>.</p>\n' +
        '<p><a href="/old-page-two/">not this</a> <a href="https://other.example/old-page/">nor this</a></p>\n',
    );
    const { text, count } = pointLinks(before, '/old-page/', '/new-page/');
    expect(count).toBe(3);
    expect(text).toBe(
      page(
        '<p>See <a href="/new-page/">this</a>, <a class="x" href=\'/new-page/#hours\'>hours</a> and <a href="/new-page/?a=1">that</a>.</p>\n' +
          '<p><a href="/old-page-two/">not this</a> <a href="https://other.example/old-page/">nor this</a></p>\n',
      ),
    );
  });

  it('changes markdown link targets and leaves the front matter alone', () => {
    const before = '---\r\ntitle: T\r\nsee: /old-page/\r\n---\r\nRead [the page](/old-page/ "Old") or [more](/old-page#x).\r\n';
    const { text, count } = pointLinks(before, '/old-page/', '/new-page/');
    expect(count).toBe(2);
    expect(text).toBe('---\r\ntitle: T\r\nsee: /old-page/\r\n---\r\nRead [the page](/new-page/ "Old") or [more](/new-page/#x).\r\n');
  });

  it('leaves a page without such links byte for byte as it was', () => {
    const before = page('<p><a href="/elsewhere/">x</a></p>');
    expect(pointLinks(before, '/old-page/', '/new-page/')).toEqual({ text: before, count: 0 });
    expect(countLinksTo(page('<a href="/old-page">a</a><a href="/old-page/">b</a>'), '/old-page/')).toBe(2);
  });
});
