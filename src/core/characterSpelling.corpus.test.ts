import { EditorState } from '@tiptap/pm/state';
import { describe, expect, it } from 'vitest';
import { blockRegistry } from '../../extensions/registry.ts';
import { lineDiff } from '../storage/lineDiff.ts';
import { BodyCodec } from './bodyCodec.ts';
import { useJsdom } from './node/useJsdom.ts';
import { openPage, savePage } from './pageDocument.ts';
import { oneWordEdits } from './testing/oneWordEdits.ts';

/**
 * One word changed in a corpus page, in text holding characters a page may spell several ways
 * (no-break spaces, typographic quotes and dashes): the saved file differs from the unedited save by
 * the one line holding that word, where the editor writes the block in the layout it was read in.
 */

useJsdom();
const codec = new BodyCodec(blockRegistry);
const SPELLED_SEVERAL_WAYS = /[\u00a0’‘“”–—…]/;

/** Up to three one-word edits per page, each in its own text: `X` typed at the end of a word. */
const wordEdits = () => oneWordEdits(codec, (parent) => SPELLED_SEVERAL_WAYS.test(parent.textContent));

describe('a one-word edit in a corpus page', () => {
  const edits = wordEdits();
  const oneLine = edits.filter((edit) => edit.removed.length === 1 && edit.added.length === 1);

  it('changes one line for most edits in text with no-break spaces and typographic characters', () => {
    expect(edits.length).toBeGreaterThanOrEqual(80);
    // Where more lines change, the block was laid out otherwise than the editor writes it (attributes
    // in another order, white space between inline elements), not spelled otherwise.
    expect(oneLine.length).toBeGreaterThanOrEqual(65);
  });

  it('changes only the word on that line, every other character spelled as before', () => {
    for (const edit of oneLine) {
      expect(edit.added[0]!.replace(`${edit.word}X`, edit.word), `${edit.page}: ${edit.word}`).toBe(edit.removed[0]);
    }
  });

  it('keeps &nbsp; and &rsquo; of a tiptap page and the no-break spaces a converted page was written with', () => {
    const pages = new Set(oneLine.map((edit) => edit.page));
    expect(pages).toContain('isomerpages__imda-tradetrust___about__Legality Guide.md');
    const spelled = oneLine.flatMap((edit) => edit.added).join('\n');
    expect(spelled).toMatch(/&nbsp;/);
    expect(spelled).toMatch(/’/);
    // A converted markdown page holds no-break spaces as characters: an edit keeps them so.
    const literal = oneLine.filter((edit) => edit.added[0]!.includes('\u00a0')).map((edit) => edit.page);
    expect(literal).toContain('isomerpages__govtech-im8__pages__Highlights.md');
  });
});

describe('a one-word edit in a converted markdown page', () => {
  it('changes one line, whose no-break spaces and quotes stay the characters kramdown published', () => {
    const markdown = "---\ntitle: Hours\n---\nOpen Mon&nbsp;-- Fri, 9&nbsp;am to 5&nbsp;pm.\nOn Saturdays it's busy, so \"come early\".\nClosed on Sundays&nbsp;... and holidays.\n";
    const opened = openPage(codec, markdown);
    const unedited = savePage(codec, opened, opened.body.doc).text;
    expect(unedited).toContain('Open Mon\u00a0– Fri, 9\u00a0am to 5\u00a0pm.\nOn Saturdays it’s busy, so “come early”.\nClosed on Sundays\u00a0… and holidays.');
    let at = -1;
    opened.body.doc.descendants((node, pos) => {
      if (node.isText && node.text!.includes('busy')) at = pos + node.text!.indexOf('busy');
    });
    const state = EditorState.create({ doc: opened.body.doc });
    const doc = state.apply(state.tr.insertText('quiet', at, at + 'busy'.length)).doc;
    const changed = lineDiff(unedited, savePage(codec, opened, doc).text).filter((line) => line.type !== 'same');
    expect(changed.map((line) => [line.type, line.text])).toEqual([
      ['removed', 'On Saturdays it’s busy, so “come early”.'],
      ['added', 'On Saturdays it’s quiet, so “come early”.'],
    ]);
  });
});
