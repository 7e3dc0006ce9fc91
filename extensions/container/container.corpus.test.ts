import { EditorState } from '@tiptap/pm/state';
import { describe, expect, it } from 'vitest';
import { BodyCodec } from '../../src/core/bodyCodec.ts';
import { useJsdom } from '../../src/core/node/useJsdom.ts';
import { openPage, savePage } from '../../src/core/pageDocument.ts';
import { readCorpus } from '../../src/core/testing/corpus.ts';
import { lineDiff } from '../../src/storage/lineDiff.ts';
import { blockRegistry } from '../registry.ts';

/**
 * One word changed inside a layout container of a corpus page, at the top level of the page or nested:
 * the saved file differs from the unedited save by the one line holding that word.
 */

useJsdom();
const codec = new BodyCodec(blockRegistry);

interface WordEdit {
  page: string;
  word: string;
  removed: string[];
  added: string[];
}

/** Up to three one-word edits per page, in text inside a layout container: `X` typed after a word. */
function wordEdits(): WordEdit[] {
  const edits: WordEdit[] = [];
  for (const { name, text } of readCorpus()) {
    const opened = openPage(codec, text);
    const unedited = savePage(codec, opened, opened.body.doc).text;
    let tried = 0;
    opened.body.doc.forEach((top, topOffset) => {
      if (top.type.name !== 'layoutContainer') return;
      top.descendants((node, pos) => {
        if (tried >= 3 || !node.isText) return;
        const word = /[A-Za-z]{5,}/.exec(node.text!);
        if (!word) return;
        tried++;
        const state = EditorState.create({ doc: opened.body.doc });
        const at = topOffset + 1 + pos + word.index + word[0].length;
        const doc = state.apply(state.tr.insertText('X', at)).doc;
        const changed = lineDiff(unedited, savePage(codec, opened, doc).text).filter((line) => line.type !== 'same');
        edits.push({
          page: name,
          word: word[0],
          removed: changed.filter((line) => line.type === 'removed').map((line) => line.text),
          added: changed.filter((line) => line.type === 'added').map((line) => line.text),
        });
      });
    });
  }
  return edits;
}

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
