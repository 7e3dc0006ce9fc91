// @vitest-environment node
import { Editor } from '@tiptap/core';
import type { Node as PMNode } from '@tiptap/pm/model';
import { EditorState } from '@tiptap/pm/state';
import { describe, expect, it } from 'vitest';
import { blockRegistry } from '../../extensions/registry.ts';
import { finishSourceTracking, trackSourcesWhenIdle } from '../editor/sourceTracking.ts';
import { BodyCodec } from './bodyCodec.ts';
import { useJsdom } from './node/useJsdom.ts';
import { shownDocument as shown } from './testing/testEditors.ts';

useJsdom();
const eager = new BodyCodec(blockRegistry);
const deferred = new BodyCodec(blockRegistry);
deferred.deferChildSources = true;

const BODY = [
  '<p>Before the list.</p>',
  '<ul>',
  '    <li>First item</li>',
  '  <li>Second item</li>',
  '<li>Third   item</li>',
  '</ul>',
  '<div class="row">',
  '  <div class="col is-half"><p>Left half</p></div>',
  '    <div class="col is-half"><p>Right half</p></div>',
  '</div>',
  '<p>After the list.</p>',
  '',
].join('\n');

/** `doc` with `suffix` typed at the end of the text `text`. */
function typedAfter(doc: PMNode, text: string, suffix: string): PMNode {
  let at = -1;
  doc.descendants((node, pos) => {
    if (node.isText && node.text === text) at = pos + text.length;
  });
  expect(at).toBeGreaterThan(0);
  const state = EditorState.create({ doc });
  return state.apply(state.tr.insertText(suffix, at)).doc;
}

const containers = (doc: PMNode) => [doc.child(1), doc.child(2)];

describe('child sources filled in later', () => {
  it('reads the page without them, and writes an unedited page byte for byte all the same', () => {
    const read = deferred.importHtml(BODY);
    for (const container of containers(read.doc)) expect(container.attrs['childSources']).toBeNull();
    expect(deferred.exportHtml({ ...read, doc: shown(deferred, read.doc) }).html).toBe(BODY);
  });

  it('once filled in, writes an edited item inside its list as it was written, as a page read with them at once', () => {
    const read = deferred.importHtml(BODY);
    const doc = shown(deferred, read.doc);
    expect(deferred.trackChildSources(doc, () => true)).toBe(true);
    for (const container of containers(doc)) expect(container.attrs['childSources']).not.toBeNull();
    const edited = typedAfter(doc, 'Second item', '!');
    const written = deferred.exportHtml({ ...read, doc: edited }).html;

    const readAtOnce = eager.importHtml(BODY);
    const expected = eager.exportHtml({ ...readAtOnce, doc: typedAfter(shown(eager, readAtOnce.doc), 'Second item', '!') }).html;
    expect(written).toBe(expected);
    // Only that line changed: the others keep their own indentation and spacing.
    expect(written).toBe(BODY.replace('<li>Second item</li>', '<li>Second item!</li>'));
  });

  it('fills them in for a list edited before they were, from its source', () => {
    const read = deferred.importHtml(BODY);
    const edited = typedAfter(shown(deferred, read.doc), 'Right half', '?');
    expect(deferred.trackChildSources(edited, () => true)).toBe(true);
    expect(deferred.exportHtml({ ...read, doc: edited }).html).toBe(BODY.replace('<p>Right half</p>', '<p>Right half?</p>'));
  });

  it('does as much as it is given time for, and the rest on a later call', () => {
    const read = deferred.importHtml(BODY);
    const doc = shown(deferred, read.doc);
    let calls = 0;
    expect(deferred.trackChildSources(doc, () => calls++ < 1)).toBe(false);
    expect(doc.child(1).attrs['childSources']).not.toBeNull();
    expect(doc.child(2).attrs['childSources']).toBeNull();
    expect(deferred.trackChildSources(doc, () => true)).toBe(true);
    expect(doc.child(2).attrs['childSources']).not.toBeNull();
  });

  it('in the editor, waits for the browser to be idle, and a save finishes it first', () => {
    const read = deferred.importHtml(BODY);
    const editor = new Editor({ extensions: deferred.extensions, content: deferred.toJSON(read.doc) });
    try {
      deferred.adoptUnedited(read.doc, editor.state.doc);
      performance.clearMarks('isomer:save-ready');
      const stop = trackSourcesWhenIdle(editor, deferred);
      // Nothing is done while the page is being shown.
      expect(editor.state.doc.child(1).attrs['childSources']).toBeNull();
      expect(performance.getEntriesByName('isomer:save-ready')).toHaveLength(0);
      // What a save does before writing the page.
      finishSourceTracking(editor);
      for (const container of containers(editor.state.doc)) expect(container.attrs['childSources']).not.toBeNull();
      expect(performance.getEntriesByName('isomer:save-ready')).toHaveLength(1);
      stop();
      const edited = typedAfter(editor.state.doc, 'First item', '.');
      expect(deferred.exportHtml({ ...read, doc: edited }).html).toBe(BODY.replace('<li>First item</li>', '<li>First item.</li>'));
    } finally {
      editor.destroy();
    }
  });
});
