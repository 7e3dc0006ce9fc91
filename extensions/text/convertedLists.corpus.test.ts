import { EditorState } from '@tiptap/pm/state';
import { describe, expect, it } from 'vitest';
import { BodyCodec } from '../../src/core/bodyCodec.ts';
import { useJsdom } from '../../src/core/node/useJsdom.ts';
import { openPage, savePage } from '../../src/core/pageDocument.ts';
import { pageVariant, readPageFile } from '../../src/core/pageFile.ts';
import { readCorpus } from '../../src/core/testing/corpus.ts';
import { lineDiff } from '../../src/storage/lineDiff.ts';
import { blockRegistry } from '../registry.ts';

/**
 * One word changed in a list of a corpus markdown page: the saved file differs from the page as
 * converted (saved unedited) by the one line holding that word.
 */

useJsdom();
const codec = new BodyCodec(blockRegistry);
const LISTS = new Set(['bulletList', 'orderedList']);

interface WordEdit {
  page: string;
  word: string;
  removed: string[];
  added: string[];
}

/** Up to three one-word edits per markdown page, in text inside a list: `X` typed after a word. */
function wordEdits(): WordEdit[] {
  const edits: WordEdit[] = [];
  for (const { name, text } of readCorpus()) {
    if (pageVariant(readPageFile(text)) !== 'markdown') continue;
    const opened = openPage(codec, text);
    const converted = savePage(codec, opened, opened.body.doc).text;
    let tried = 0;
    opened.body.doc.forEach((top, topOffset) => {
      if (!LISTS.has(top.type.name)) return;
      top.descendants((node, pos) => {
        if (tried >= 3 || !node.isText) return;
        const word = /[A-Za-z]{5,}/.exec(node.text!);
        if (!word) return;
        tried++;
        const state = EditorState.create({ doc: opened.body.doc });
        const at = topOffset + 1 + pos + word.index + word[0].length;
        const doc = state.apply(state.tr.insertText('X', at)).doc;
        const changed = lineDiff(converted, savePage(codec, opened, doc).text).filter((line) => line.type !== 'same');
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
