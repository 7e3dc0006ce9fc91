import { describe, expect, it } from 'vitest';
import { pageBlocks, reanchor } from './pageBlocks.ts';

describe('page blocks for comments', () => {
  it('reads the blocks of an HTML page and of a markdown page as the editor opens them', () => {
    const html = pageBlocks('---\ntitle: A\nvariant: tiptap\n---\n<h2>Parks</h2>\n<!-- note -->\n<p>Open <strong>daily</strong>.</p>\n<img src="/x.png" alt="">');
    expect(html.map((b) => b.text)).toEqual(['Parks', 'Open daily.', '']);
    expect(html[2]!.hash).not.toBe(pageBlocks('---\nvariant: tiptap\n---\n<img src="/y.png" alt="">')[0]!.hash);
    const md = pageBlocks('---\ntitle: Lakes\n---\n# Lakes\n\nThe *big* lake.\n\n- one\n- two\n');
    expect(md.map((b) => b.text)).toEqual(['Lakes', 'The big lake.', 'one two']);
  });

  it('finds a block again by its text, nearest first, or says it is gone', () => {
    const blocks = pageBlocks('---\nvariant: tiptap\n---\n<p>A</p><p>B</p><p>A</p><p>C</p>');
    const a = blocks[0]!.hash;
    expect(reanchor(blocks, 0, a)).toEqual({ state: 'same' });
    expect(reanchor(blocks, 3, a)).toEqual({ state: 'moved', index: 2 });
    expect(reanchor(blocks, 1, 'nothing')).toEqual({ state: 'outdated' });
  });
});
