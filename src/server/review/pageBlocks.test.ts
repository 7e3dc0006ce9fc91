import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { likeness } from '../../core/blockText.ts';
import { pageBlocks, reanchor, type PageBlock } from './pageBlocks.ts';

const volunteer = readFileSync(path.resolve('sample-site/pages/volunteer.md'), 'utf8');
const anchorOf = (blocks: PageBlock[], index: number) => ({ index, hash: blocks[index]!.hash, likeness: blocks[index]!.likeness });
const indexOfText = (blocks: PageBlock[], start: string) => blocks.findIndex((b) => b.text.startsWith(start));

describe('page blocks for comments', () => {
  it('reads the blocks of an HTML page and of a markdown page as the editor opens them', () => {
    const html = pageBlocks('---\ntitle: A\nvariant: tiptap\n---\n<h2>Parks</h2>\n<!-- note -->\n<p>Open <strong>daily</strong>.</p>\n<img src="/x.png" alt="">');
    expect(html.map((b) => b.text)).toEqual(['Parks', 'Open daily.', '']);
    expect(html[2]!.hash).not.toBe(pageBlocks('---\nvariant: tiptap\n---\n<img src="/y.png" alt="">')[0]!.hash);
    expect(html[2]!.likeness).toBe('<img src="/x.png" alt="">');
    const md = pageBlocks('---\ntitle: Lakes\n---\n# Lakes\n\nThe *big* lake.\n\n- one\n- two\n');
    expect(md.map((b) => b.text)).toEqual(['Lakes', 'The big lake.', 'one two']);
  });

  it('finds a block again by its text, nearest first, or says it is gone', () => {
    const blocks = pageBlocks('---\nvariant: tiptap\n---\n<p>A</p><p>B</p><p>A</p><p>C</p>');
    expect(reanchor(blocks, anchorOf(blocks, 0))).toEqual({ state: 'same' });
    expect(reanchor(blocks, { ...anchorOf(blocks, 0), index: 3 })).toEqual({ state: 'moved', index: 2 });
    expect(reanchor(blocks, { index: 1, hash: 'nothing', likeness: 'D' })).toEqual({ state: 'outdated' });
  });

  it('tells how alike two blocks read by the words they share', () => {
    expect(likeness('We look after the parks.', 'We look after the parks.')).toBe(1);
    expect(likeness('We look after the parks.', 'We look after six parks.')).toBe(0.8);
    expect(likeness('Open daily', 'Closed on Mondays')).toBe(0);
    expect(likeness('', '')).toBe(0);
  });

  describe('on the sample site\'s volunteer page', () => {
    const before = pageBlocks(volunteer);
    const cards = indexOfText(before, 'Planting days');
    const lawn = indexOfText(before, 'Most planting days take place');
    const work = indexOfText(before, 'Where you will work');

    it('follows a block moved up the page', () => {
      // "Where you will work" and its lawn photo and sentence go above "Ways to help".
      const lines = volunteer.split('\n');
      const at = (start: string) => lines.findIndex((l) => l.startsWith(start));
      const from = at('<h2>Where you will work</h2>');
      const moved = lines.splice(from, at('<p>Most planting days') - from + 1);
      lines.splice(at('<h2>Ways to help</h2>'), 0, ...moved);
      const after = pageBlocks(lines.join('\n'));
      expect(after).toHaveLength(before.length);
      expect(reanchor(after, anchorOf(before, lawn))).toEqual({ state: 'moved', index: 2 });
      expect(reanchor(after, anchorOf(before, work))).toEqual({ state: 'moved', index: 0 });
      expect(after[0]!.text).toBe('Where you will work');
    });

    it('stays on the card grid when one card\'s title is edited, and on a sentence edited a little', () => {
      const edited = volunteer
        .replace('<div class="isomer-card-title">Planting days</div>', '<div class="isomer-card-title">Tree planting Saturdays</div>')
        .replace('<p>Most planting days take place on Harbour Lawn.</p>', '<p>Most planting days now take place on the Harbour Lawn.</p>');
      const after = pageBlocks(edited);
      const onCards = reanchor(after, anchorOf(before, cards));
      expect(onCards).toMatchObject({ state: 'edited', index: cards });
      expect(onCards.state === 'edited' && onCards.block.text).toContain('Tree planting Saturdays');
      expect(reanchor(after, anchorOf(before, lawn))).toMatchObject({ state: 'edited', index: lawn });
      // An image kept as it was is the same block.
      expect(reanchor(after, anchorOf(before, lawn - 1))).toEqual({ state: 'same' });
    });

    it('follows an edited block that also moved, to the one most like it', () => {
      const edited = volunteer
        .replace('<p>Most planting days take place on Harbour Lawn.</p>\n', '')
        .replace('<h2>Ways to help</h2>', '<p>Most planting days take place on the Harbour Lawn.</p>\n<h2>Ways to help</h2>');
      expect(reanchor(pageBlocks(edited), anchorOf(before, lawn))).toMatchObject({ state: 'edited', index: 0 });
    });

    it('marks a comment outdated when its block is deleted or rewritten, and only a block as it was brings a thread back', () => {
      const deleted = pageBlocks(volunteer.replace('<p>Most planting days take place on Harbour Lawn.</p>\n', ''));
      expect(deleted).toHaveLength(before.length - 1);
      expect(reanchor(deleted, anchorOf(before, lawn))).toEqual({ state: 'outdated' });
      const rewritten = pageBlocks(volunteer.replace('Most planting days take place on Harbour Lawn.', 'Bring water and a hat.'));
      expect(reanchor(rewritten, anchorOf(before, lawn))).toEqual({ state: 'outdated' });
      // Without likeness (an outdated thread), a block edited a little is not its block.
      const aLittle = pageBlocks(volunteer.replace('take place on Harbour Lawn', 'take place on the Harbour Lawn'));
      expect(reanchor(aLittle, anchorOf(before, lawn), false)).toEqual({ state: 'outdated' });
      expect(reanchor(before, anchorOf(before, lawn), false)).toEqual({ state: 'same' });
    });
  });
});
