// @vitest-environment node
import { getSchema } from '@tiptap/core';
import type { Node as PMNode } from '@tiptap/pm/model';
import { describe, expect, it } from 'vitest';
import { blockRegistry } from '../../extensions/registry.ts';
import { BodyCodec } from './bodyCodec.ts';
import { docInSchema } from './docInSchema.ts';
import { useJsdom } from './node/useJsdom.ts';
import { hasFastProperties } from './testing/fastProperties.ts';

useJsdom();
const codec = new BodyCodec(blockRegistry);
// Another schema of the same types, as an editor makes from the codec's blocks.
const editorSchema = getSchema(codec.extensions);


const BODY = [
  '<h2 id="start">A heading</h2>',
  '<p>Some <a href="https://example.org/" title="Example">linked <em>here</em></a>, <strong>bold and <em>slanted</em></strong> text.</p>',
  '<ol start="5">',
  '  <li>Fifth <strong>stage</strong></li>',
  '      <li class="note">Sixth stage</li>',
  '</ol>',
  '<div class="isomer-image-wrapper"><img src="/images/a.png" alt="A picture"></div>',
  '<table>\n<tbody>\n<tr>\n<td>\n<p>One</p>\n</td>\n<td>\n<p>Two</p>\n</td>\n</tr>\n</tbody>\n</table>',
  '<div class="row">',
  '  <div class="col"><p>Left column</p></div>',
  '    <div class="col is-one-third"><p>Right column</p></div>',
  '</div>',
  '',
].join('\n');

function everyNode(doc: PMNode): PMNode[] {
  const all = [doc];
  doc.descendants((node) => void all.push(node));
  return all;
}

describe('docInSchema', () => {
  it('makes the document reading its JSON in the other schema would make, every node and mark of that schema', () => {
    const read = codec.importHtml(BODY).doc;
    const made = docInSchema(read, editorSchema);
    const fromJson = editorSchema.nodeFromJSON(read.toJSON());
    expect(made.eq(fromJson)).toBe(true);
    expect(made.toJSON()).toEqual(read.toJSON());
    for (const node of everyNode(made)) {
      expect(node.type.schema).toBe(editorSchema);
      for (const mark of node.marks) expect(mark.type.schema).toBe(editorSchema);
    }
    made.check();
  });

  it('keeps attributes in fields, shares the type\'s defaults, and makes one object of each mark read', () => {
    const made = docInSchema(codec.importHtml(BODY).doc, editorSchema);
    let shared = 0;
    for (const node of everyNode(made)) {
      if (node.isText) continue;
      const defaults = (node.type as never as { defaultAttrs: unknown }).defaultAttrs;
      if (node.attrs === defaults) shared++;
      else expect(hasFastProperties(node.attrs), node.type.name).toBe(true);
    }
    // The list items, table rows and cells, the paragraphs inside them and the layout's columns.
    expect(shared).toBeGreaterThanOrEqual(8);
    // A mark with its type's default attributes is the type's one mark: both bold elements.
    const marksNamed = (name: string) => everyNode(made).flatMap((node) => node.marks.filter((mark) => mark.type.name === name));
    expect(marksNamed('bold').length).toBe(3);
    expect(new Set(marksNamed('bold')).size).toBe(1);
    expect(marksNamed('bold')[0]).toBe(editorSchema.marks['bold']!.create());
    // "linked " and "here" are in one link element: one mark, its attributes in fields.
    expect(marksNamed('link').length).toBe(2);
    expect(new Set(marksNamed('link')).size).toBe(1);
    expect(hasFastProperties(marksNamed('link')[0]!.attrs)).toBe(true);
  });

  it('writes an unedited page back byte for byte', () => {
    const read = codec.importHtml(BODY);
    const made = docInSchema(read.doc, codec.schema);
    codec.adoptUnedited(read.doc, made);
    expect(codec.exportHtml({ ...read, doc: made }).html).toBe(BODY);
  });

  it('names a type the other schema does not have', () => {
    const other = getSchema(codec.extensions.filter((extension) => extension.name !== 'table' && extension.name !== 'tableRow' && extension.name !== 'tableCell' && extension.name !== 'tableHeader'));
    expect(() => docInSchema(codec.importHtml(BODY).doc, other)).toThrow(/Unknown node type: table/);
  });
});
