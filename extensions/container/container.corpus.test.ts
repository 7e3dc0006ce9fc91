import { describe, expect, it } from 'vitest';
import { BodyCodec } from '../../src/core/bodyCodec.ts';
import { useJsdom } from '../../src/core/node/useJsdom.ts';
import { oneWordEdits } from '../../src/core/testing/oneWordEdits.ts';
import { blockRegistry } from '../registry.ts';

/**
 * One word changed inside a layout container of a corpus page, at the top level of the page or nested:
 * the saved file differs from the unedited save by the one line holding that word.
 */

useJsdom();
const codec = new BodyCodec(blockRegistry);

/** Up to three one-word edits per page, in text inside a layout container: `X` typed after a word. */
const wordEdits = () => oneWordEdits(codec, (_parent, top) => top.type.name === 'layoutContainer');

describe('a one-word edit in a layout container of a corpus page', () => {
  const edits = wordEdits();

  it('changes one line, only by that word, on every page with layouts', () => {
    expect(edits.length).toBeGreaterThanOrEqual(15);
    expect(new Set(edits.map((edit) => edit.page)).size).toBeGreaterThanOrEqual(6);
    for (const edit of edits) {
      const label = `${edit.page}: ${edit.word}`;
      expect(edit.removed, label).toHaveLength(1);
      expect(edit.added, label).toHaveLength(1);
      expect(edit.added[0]!.replace(`${edit.word}X`, edit.word), label).toBe(edit.removed[0]);
    }
  });
});
