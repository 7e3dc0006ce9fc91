// @vitest-environment node
import { Fragment, Slice } from '@tiptap/pm/model';
import { describe, expect, it } from 'vitest';
import { blockRegistry } from '../../extensions/registry.ts';
import { BodyCodec } from './bodyCodec.ts';
import { docJsonText, writeBlockTextsInSlices } from './docJsonText.ts';
import { useJsdom } from './node/useJsdom.ts';
import { generateStressPage } from '../../bench/generateStressPage.ts';

useJsdom();
const codec = new BodyCodec(blockRegistry);
const docOf = (html: string) => codec.importHtml(html).doc;

describe('docJsonText', () => {
  it('writes what JSON.stringify(doc.toJSON()) writes, on a page with every kind of block', () => {
    const doc = docOf(generateStressPage({ paragraphs: 20, cardGrids: 2, tables: 2, accordions: 2, images: 2, layouts: 2, classedLists: 2, cssRules: 2 }).body);
    expect(docJsonText(doc)).toBe(JSON.stringify(doc.toJSON()));
  });

  it('writes an empty document as toJSON does', () => {
    const empty = codec.schema.topNodeType.create();
    expect(docJsonText(empty)).toBe(JSON.stringify(empty.toJSON()));
  });

  it('follows an edit and still gives the unedited document', () => {
    const doc = docOf('<p>alpha beta</p>\n<p>gamma</p>');
    expect(JSON.parse(docJsonText(doc))).toEqual(doc.toJSON());
    const edited = doc.replace(11, 11, new Slice(Fragment.from(codec.schema.text(' delta')), 0, 0));
    expect(docJsonText(edited)).toBe(JSON.stringify(edited.toJSON()));
    expect(docJsonText(edited)).toContain('alpha beta delta');
    expect(docJsonText(doc)).toBe(JSON.stringify(doc.toJSON()));
  });

  it('writes the blocks out in several tasks, after which the whole text is the same', async () => {
    const doc = docOf(generateStressPage({ paragraphs: 40, cardGrids: 1, tables: 1, accordions: 1, images: 1, layouts: 1, classedLists: 1, cssRules: 1 }).body);
    let otherTasks = 0;
    const other = setInterval(() => otherTasks++, 0);
    // A slice of no time still writes one block, then lets other tasks run.
    await writeBlockTextsInSlices(doc, 0);
    clearInterval(other);
    expect(otherTasks).toBeGreaterThan(0);
    expect(docJsonText(doc)).toBe(JSON.stringify(doc.toJSON()));
  });
});
