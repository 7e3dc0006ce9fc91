import { describe, expect, it } from 'vitest';
import { BodyCodec } from '../../src/core/bodyCodec.ts';
import { useJsdom } from '../../src/core/node/useJsdom.ts';
import { pageVariant, readPageFile } from '../../src/core/pageFile.ts';
import { oneWordEdits } from '../../src/core/testing/oneWordEdits.ts';
import { blockRegistry } from '../registry.ts';

/**
 * One word changed in a list of a corpus markdown page: the saved file differs from the page as
 * converted (saved unedited) by the one line holding that word.
 */

useJsdom();
const codec = new BodyCodec(blockRegistry);
const LISTS = new Set(['bulletList', 'orderedList']);

/** Up to three one-word edits per markdown page, in text inside a list: `X` typed after a word. */
const wordEdits = () =>
  oneWordEdits(codec, (_parent, top) => LISTS.has(top.type.name), (text) => pageVariant(readPageFile(text)) === 'markdown');

describe('a one-word edit in a list of a converted markdown page', () => {
  const edits = wordEdits();

  it('changes one line, only by that word', () => {
    // Some of the edited lines hold characters kramdown published (no-break spaces, typographic quotes).
    expect(edits.filter((edit) => /[\u00a0’“”–—]/.test(edit.removed[0] ?? '')).length).toBeGreaterThanOrEqual(3);
    expect(edits.length).toBeGreaterThanOrEqual(30);
    expect(new Set(edits.map((edit) => edit.page)).size).toBeGreaterThanOrEqual(10);
    for (const edit of edits) {
      const label = `${edit.page}: ${edit.word}`;
      expect(edit.removed, label).toHaveLength(1);
      expect(edit.added, label).toHaveLength(1);
      expect(edit.added[0]!.replace(`${edit.word}X`, edit.word), label).toBe(edit.removed[0]);
    }
  });
});
