// @vitest-environment node
import { Fragment, Slice } from '@tiptap/pm/model';
import { describe, expect, it } from 'vitest';
import { blockRegistry } from '../../extensions/registry.ts';
import { BodyCodec } from './bodyCodec.ts';
import { docJsonText, writeBlockTextsInSlices } from './docJsonText.ts';
import { useJsdom } from './node/useJsdom.ts';
import { tiptapCorpusBodies } from './testing/blockPages.ts';

useJsdom();
const codec = new BodyCodec(blockRegistry);
const docOf = (html: string) => codec.importHtml(html).doc;

// The corpus's tiptap pages: card grids, images, accordions, tables, embeds and raw blocks among them.
const corpusBodies = tiptapCorpusBodies('');
const largestBody = [...corpusBodies].sort((a, b) => b.body.length - a.body.length)[0]!.body;

describe('docJsonText', () => {
  it('writes what JSON.stringify(doc.toJSON()) writes, on every tiptap page of the corpus', () => {
    expect(corpusBodies.length).toBeGreaterThan(3);
    for (const { body } of corpusBodies) {
      const doc = docOf(body);
      expect(docJsonText(doc)).toBe(JSON.stringify(doc.toJSON()));
    }
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
    const doc = docOf(largestBody);
    let otherTasks = 0;
    const other = setInterval(() => otherTasks++, 0);
    // A slice of no time still writes one block, then lets other tasks run.
    await writeBlockTextsInSlices(doc, 0);
    clearInterval(other);
    expect(otherTasks).toBeGreaterThan(0);
    expect(docJsonText(doc)).toBe(JSON.stringify(doc.toJSON()));
  });
});
