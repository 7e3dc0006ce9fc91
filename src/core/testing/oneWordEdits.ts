import { EditorState } from '@tiptap/pm/state';
import type { Node as PmNode } from '@tiptap/pm/model';
import { lineDiff } from '../../storage/lineDiff.ts';
import type { BodyCodec } from '../bodyCodec.ts';
import { openPage, savePage, type OpenedPage } from '../pageDocument.ts';
import { readCorpus } from './corpus.ts';

/** One word of a corpus page with `X` typed after it, and the lines the save changed from the unedited save. */
export interface WordEdit {
  page: string;
  word: string;
  removed: string[];
  added: string[];
}

/** Up to this many edits per page, each in its own text node. */
const PER_PAGE = 3;

/**
 * Types `X` after the first word of five letters or more in each text node `wants` accepts (up to three per
 * page, in document order) and diffs each save against the unedited save of the corpus page.
 * `wants` gets the parent of the text node and the top-level block holding it; `pages` chooses which pages to edit.
 */
export function oneWordEdits(
  codec: BodyCodec,
  wants: (parent: PmNode, top: PmNode) => boolean,
  pages: (text: string) => boolean = () => true,
): WordEdit[] {
  const edits: WordEdit[] = [];
  for (const { name, text } of readCorpus()) {
    if (!pages(text)) continue;
    const opened = openPage(codec, text);
    const unedited = savePage(codec, opened, opened.body.doc).text;
    let tried = 0;
    opened.body.doc.descendants((node, pos, parent) => {
      if (tried >= PER_PAGE || !node.isText || !parent || !wants(parent, opened.body.doc.resolve(pos).node(1))) return;
      const word = /[A-Za-z]{5,}/.exec(node.text!);
      if (!word) return;
      tried++;
      edits.push(wordEdit(codec, opened, unedited, name, word[0], pos + word.index + word[0].length));
    });
  }
  return edits;
}

function wordEdit(codec: BodyCodec, opened: OpenedPage, unedited: string, page: string, word: string, at: number): WordEdit {
  const state = EditorState.create({ doc: opened.body.doc });
  const doc = state.apply(state.tr.insertText('X', at)).doc;
  const changed = lineDiff(unedited, savePage(codec, opened, doc).text).filter((line) => line.type !== 'same');
  return {
    page,
    word,
    removed: changed.filter((line) => line.type === 'removed').map((line) => line.text),
    added: changed.filter((line) => line.type === 'added').map((line) => line.text),
  };
}
