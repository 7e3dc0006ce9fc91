// @vitest-environment node
import type { Node as PMNode } from '@tiptap/pm/model';
import { EditorState } from '@tiptap/pm/state';
import { describe, expect, it } from 'vitest';
import { blockRegistry } from '../../extensions/registry.ts';
import { BodyCodec } from './bodyCodec.ts';
import { EMPTY_ATTRIBUTE_VALUE } from './compactAttrs.ts';
import { docInSchema } from './docInSchema.ts';
import { useJsdom } from './node/useJsdom.ts';
import { hasFastProperties } from './testing/fastProperties.ts';

useJsdom();
const codec = new BodyCodec(blockRegistry);
codec.deferChildSources = true;

const BODY = [
  '<h2 id="start">A heading</h2>',
  '<p>Some <a href="https://example.org/" title="Example">linked</a> and <strong>bold</strong> text.</p>',
  '<ol start="3">',
  '  <li>Third step</li>',
  '      <li class="note">Fourth step</li>',
  '</ol>',
  '<div class="row">',
  '    <div class="col is-two-thirds"><p>Wide part</p></div>',
  '  <div class="col"><p>Narrow part</p></div>',
  '</div>',
  '',
].join('\n');

/** The document as ProseMirror makes it from the read one's JSON, its blocks adopted as unedited. */
const shown = (read: PMNode): PMNode => {
  const copy = codec.fromJSON(codec.toJSON(read));
  codec.adoptUnedited(read, copy);
  return copy;
};

/** The document as the page editor holds it: made again with compact attributes, its blocks adopted as unedited. */
const compacted = (read: PMNode): PMNode => {
  const copy = docInSchema(read, codec.schema);
  codec.adoptUnedited(read, copy);
  return copy;
};

const isEmptyObject = (value: unknown) => value !== null && typeof value === 'object' && !Array.isArray(value) && Object.keys(value).length === 0;

/** Every attributes object of a document's nodes and marks, with where it sits. */
function attrsOf(doc: PMNode): { holder: string; attrs: Record<string, unknown>; defaults: Record<string, unknown> | null }[] {
  const all: { holder: string; attrs: Record<string, unknown>; defaults: Record<string, unknown> | null }[] = [];
  doc.descendants((node, pos) => {
    if (!node.isText) all.push({ holder: `${node.type.name} at ${pos}`, attrs: node.attrs, defaults: (node.type as never as { defaultAttrs: Record<string, unknown> | null }).defaultAttrs });
    for (const mark of node.marks) {
      const instance = (mark.type as never as { instance: { attrs: Record<string, unknown> } | null }).instance;
      all.push({ holder: `${mark.type.name} at ${pos}`, attrs: mark.attrs, defaults: instance?.attrs ?? null });
    }
  });
  return all;
}

describe('compact attributes (docInSchema)', () => {
  it('keeps every attribute, in its order, with its value and no prototype, in fields instead of a hash table; default attributes become the type\'s own', () => {
    const read = codec.importHtml(BODY).doc;
    // ProseMirror's own attributes, as reading the JSON makes them: hash tables.
    const reference = shown(read);
    const before = attrsOf(reference);
    expect(before.some(({ attrs }) => !hasFastProperties(attrs))).toBe(true);
    const json = JSON.stringify(reference.toJSON());

    const doc = compacted(read);

    const after = attrsOf(doc);
    expect(after.map((a) => a.holder)).toEqual(before.map((b) => b.holder));
    let shared = 0;
    after.forEach(({ holder, attrs, defaults }, i) => {
      const old = before[i]!.attrs;
      expect(Object.getPrototypeOf(attrs), holder).toBeNull();
      expect(Object.entries(attrs), holder).toEqual(Object.entries(old));
      if (attrs === defaults) {
        shared++;
        return;
      }
      expect(old === before[i]!.defaults || Object.entries(old).some(([name, value]) => value !== defaults?.[name] && !(isEmptyObject(value) && isEmptyObject(defaults?.[name]))), holder).toBe(true);
      // Attribute values are the very same objects and strings, but for empty objects: one shared.
      for (const name in old) expect(attrs[name], `${holder} ${name}`).toBe(isEmptyObject(old[name]) ? EMPTY_ATTRIBUTE_VALUE : old[name]);
      expect(hasFastProperties(attrs), holder).toBe(true);
    });
    // The inner blocks (the list's items, the layout's columns' paragraphs) and the bold mark.
    expect(shared).toBeGreaterThanOrEqual(5);
    expect(JSON.stringify(doc.toJSON())).toBe(json);
  });

  it('gives every empty object value one shared, frozen empty object; the page still writes back and edits as before', () => {
    const body = '<table>\n<tbody>\n<tr>\n<td>\n<p>One</p>\n</td>\n<td>\n<p>Two</p>\n</td>\n</tr>\n</tbody>\n</table>\n<p><img src="/images/a.png" alt="A"></p>\n';
    const read = codec.importHtml(body);
    // (Not counting the type's own defaults, which the blocks with default attributes share.)
    const empties = (of: PMNode) => attrsOf(of).flatMap(({ attrs, defaults }) => (attrs === defaults ? [] : Object.values(attrs).filter(isEmptyObject)));
    expect(new Set(empties(shown(read.doc))).size).toBeGreaterThan(1);
    const editedExport = (of: PMNode) => {
      let at = -1;
      of.descendants((node, pos) => {
        if (node.isText && node.text === 'Two') at = pos + node.text.length;
      });
      const state = EditorState.create({ doc: of });
      return codec.exportHtml({ ...read, doc: state.apply(state.tr.insertText('!', at)).doc }).html;
    };
    const editedBefore = editedExport(shown(read.doc));
    const doc = compacted(read.doc);
    expect(new Set(empties(doc))).toEqual(new Set([EMPTY_ATTRIBUTE_VALUE]));
    expect(Object.isFrozen(EMPTY_ATTRIBUTE_VALUE)).toBe(true);
    expect(codec.exportHtml({ ...read, doc }).html).toBe(body);
    expect(editedExport(doc)).toBe(editedBefore);
    expect(editedBefore).toContain('Two!');
  });

  it('leaves attributes shared with the type\'s defaults shared', () => {
    const read = codec.schema.node('doc', null, [codec.schema.node('paragraph', null, [codec.schema.text('Plain')])]);
    const defaults = read.child(0).attrs;
    expect(docInSchema(read, codec.schema).child(0).attrs).toBe(defaults);
  });

  it('writes an unedited page back byte for byte, and an edit only where it was made, with sources filled in after', () => {
    const read = codec.importHtml(BODY);
    const doc = compacted(read.doc);
    expect(codec.exportHtml({ ...read, doc }).html).toBe(BODY);

    // The child sources go into the compacted attributes, as into ProseMirror's own.
    expect(codec.trackChildSources(doc, () => true)).toBe(true);
    expect(doc.child(2).attrs['childSources']).not.toBeNull();
    expect(codec.exportHtml({ ...read, doc }).html).toBe(BODY);
    let at = -1;
    doc.descendants((node, pos) => {
      if (node.isText && node.text === 'Fourth step') at = pos + node.text.length;
    });
    const state = EditorState.create({ doc });
    const edited = state.apply(state.tr.insertText('!', at)).doc;
    expect(codec.exportHtml({ ...read, doc: edited }).html).toBe(BODY.replace('Fourth step</li>', 'Fourth step!</li>'));
  });
});
