// @vitest-environment node
import type { Node as PMNode } from '@tiptap/pm/model';
import { afterEach, describe, expect, it } from 'vitest';
import { blockRegistry } from '../../extensions/registry.ts';
import { finishSourceTracking, trackSourcesWhenIdle } from '../editor/sourceTracking.ts';
import { BodyCodec, setLightBlockReader, type BodyReportItem } from './bodyCodec.ts';
import { useJsdom } from './node/useJsdom.ts';
import { shownDocument as shown, testEditors } from './testing/testEditors.ts';

useJsdom();
// As in the browser, every block is read into the DOM (Node reads plain blocks another way, checked at once).
setLightBlockReader(null);
const eager = new BodyCodec(blockRegistry);
const deferred = new BodyCodec(blockRegistry);
deferred.deferRenderChecks = true;

// The second block is a layout its blocks read but cannot write back (the frame's attributes would be
// lost): import keeps it as HTML. The quotation's `cite` would be dropped only by an edit.
const FRAME = '<div style="padding:50% 0 0 0;position:relative;">\n  <iframe allowfullscreen="" src="https://player.vimeo.com/video/1" style="position:absolute;width:100%;"></iframe>\n</div>';
const BODY = [
  '<p>Before the frame.</p>',
  FRAME,
  '<blockquote cite="https://example.org/words"><p>Said once.</p></blockquote>',
  '<p>After the frame.</p>',
  '',
].join('\n');

const types = (doc: PMNode) => Array.from({ length: doc.childCount }, (_, i) => doc.child(i).type.name);
const withoutBlock = (items: BodyReportItem[]) => items.map(({ block: _block, ...item }) => item);

describe('render-back checks left for later', () => {
  it('reads the page without them, and writes it unedited byte for byte all the same', () => {
    const read = deferred.importHtml(BODY);
    expect(types(eager.importHtml(BODY).doc)).toEqual(['paragraph', 'rawHtml', 'blockquote', 'paragraph']);
    expect(types(read.doc)[1]).not.toBe('rawHtml');
    expect(read.report).toEqual([]);
    expect(deferred.exportHtml({ ...read, doc: shown(deferred, read.doc) }).html).toBe(BODY);
  });

  it('once run, give the blocks, keys and report that checking at once gives', () => {
    const atOnce = eager.importHtml(BODY);
    const read = deferred.importHtml(BODY);
    const doc = shown(deferred, read.doc);
    const outcome = deferred.checkRenders(doc, () => true);
    expect(outcome.done).toBe(true);
    expect(outcome.keptRaw.map(({ node }) => node)).toEqual([doc.child(1)]);
    const raw = outcome.keptRaw[0]!.raw;
    expect(raw.type.name).toBe('rawHtml');
    expect(raw.attrs).toEqual(atOnce.doc.child(1).attrs);
    expect(outcome.report).toEqual(atOnce.report);
    // The blocks that passed have the keys a block read at once has.
    for (const i of [0, 2, 3]) expect(doc.child(i).attrs['sourceKey']).toBe(atOnce.doc.child(i).attrs['sourceKey']);
    // Nothing is left to check.
    expect(deferred.checkRenders(doc, () => true)).toEqual({ done: true, keptRaw: [], report: [] });
  });

  it('does as much as it is given time for, and the rest on a later call', () => {
    const doc = shown(deferred, deferred.importHtml(BODY).doc);
    let calls = 0;
    const first = deferred.checkRenders(doc, () => calls++ < 1);
    expect(first.done).toBe(false);
    expect(doc.child(0).attrs['sourceKey']).not.toBeNull();
    expect(doc.child(3).attrs['sourceKey']).toBeNull();
    const rest = deferred.checkRenders(doc, () => true);
    expect(rest.done).toBe(true);
    expect(rest.keptRaw).toHaveLength(1);
    expect(doc.child(3).attrs['sourceKey']).not.toBeNull();
  });

  it('count lines in the whole body where an element left open cut it into pieces', () => {
    const body = `<p>First.</p>\n<style>\n\n${BODY}`;
    const atOnce = eager.importHtml(body);
    const doc = shown(deferred, deferred.importHtml(body).doc);
    const { report } = deferred.checkRenders(doc, () => true);
    expect(withoutBlock(report)).toEqual(withoutBlock(atOnce.report.filter((item) => item.kind === 'keptRaw' || item.kind === 'dropsOnEdit')));
  });

  it('are left out of a markdown page, whose report lines are markdown lines', async () => {
    const { importMarkdown } = await import('./markdown/importMarkdown.ts');
    const markdown = `Before.\n\n${FRAME}\n\nAfter.\n`;
    expect(importMarkdown(deferred, markdown).body.doc.child(1).type.name).toBe(importMarkdown(eager, markdown).body.doc.child(1).type.name);
    expect(deferred.deferRenderChecks).toBe(true);
  });
});

describe('render-back checks in the editor', () => {
  // Each test's editor is destroyed after it (testEditors), and its tracking stopped.
  const makeEditor = testEditors(deferred);
  const stops: (() => void)[] = [];
  afterEach(() => {
    for (const stop of stops.splice(0)) stop();
  });
  function open() {
    const read = deferred.importHtml(BODY);
    const editor = makeEditor({ content: deferred.toJSON(read.doc) });
    deferred.adoptUnedited(read.doc, editor.state.doc);
    const found: BodyReportItem[][] = [];
    stops.push(trackSourcesWhenIdle(editor, deferred, (report) => found.push(report)));
    return { read, editor, found };
  }
  const textEnd = (doc: PMNode, text: string) => {
    let at = -1;
    doc.descendants((node, pos) => {
      if (node.isText && node.text === text) at = pos + text.length;
    });
    return at;
  };

  it('wait for the browser to be idle; a save finishes them, putting the block back as HTML, not as an edit', () => {
    const { read, editor, found } = open();
    expect(types(editor.state.doc)[1]).not.toBe('rawHtml');
    finishSourceTracking(editor);
    expect(types(editor.state.doc)).toEqual(['paragraph', 'rawHtml', 'blockquote', 'paragraph']);
    expect(found).toHaveLength(1);
    expect(found[0]!.map((item) => item.kind).sort()).toEqual(['dropsOnEdit', 'keptRaw']);
    // Not undone by undo: it is the page as read.
    editor.commands.undo();
    expect(types(editor.state.doc)[1]).toBe('rawHtml');
    expect(deferred.exportHtml({ ...read, doc: editor.state.doc }).html).toBe(BODY);
  });

  it('do not hold up an edit elsewhere: it stays, and the block goes back to HTML once they run', () => {
    const { read, editor, found } = open();
    const frame = editor.state.doc.child(1);
    editor.view.dispatch(editor.state.tr.insertText('!', textEnd(editor.state.doc, 'After the frame.')));
    // Only the edited paragraph was checked: the layout is the same block, still waiting for its check.
    expect(editor.state.doc.child(1)).toBe(frame);
    expect(found).toEqual([]);
    finishSourceTracking(editor);
    expect(types(editor.state.doc)).toEqual(['paragraph', 'rawHtml', 'blockquote', 'paragraph']);
    expect(found).toHaveLength(1);
    expect(deferred.exportHtml({ ...read, doc: editor.state.doc }).html).toBe(BODY.replace('After the frame.', 'After the frame.!'));
  });

  it('run for a block as it is edited: an edit to the quotation, whose check finds what an edit drops, is kept and reported', () => {
    const { read, editor, found } = open();
    editor.view.dispatch(editor.state.tr.insertText('!', textEnd(editor.state.doc, 'Said once.')));
    // The quotation's check ran before the edit and said what editing it drops; the edit stays.
    expect(found).toHaveLength(1);
    expect(found[0]!.map((item) => item.kind)).toEqual(['dropsOnEdit']);
    expect(types(editor.state.doc)[1]).not.toBe('rawHtml');
    finishSourceTracking(editor);
    expect(types(editor.state.doc)).toEqual(['paragraph', 'rawHtml', 'blockquote', 'paragraph']);
    expect(deferred.exportHtml({ ...read, doc: editor.state.doc }).html).toContain('<p>Said once.!</p>');
  });

  it('undo an edit typed into a block that cannot be edited before they ran, and keep its markup', () => {
    const { read, editor } = open();
    let inFrame = -1;
    editor.state.doc.child(1).descendants((node, pos) => {
      if (inFrame < 0 && node.isTextblock) inFrame = pos + 1 + 1;
    });
    // Text typed into the layout's first text block, if it shows one; else a character of it deleted.
    const tr = inFrame > 0 ? editor.state.tr.insertText('typed', editor.state.doc.child(0).nodeSize + inFrame) : editor.state.tr.delete(editor.state.doc.child(0).nodeSize + 1, editor.state.doc.child(0).nodeSize + 2);
    editor.view.dispatch(tr);
    expect(types(editor.state.doc)[1]).toBe('rawHtml');
    expect(deferred.exportHtml({ ...read, doc: editor.state.doc }).html).toBe(BODY);
  });
});
