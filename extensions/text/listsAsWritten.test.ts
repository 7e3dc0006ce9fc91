// @vitest-environment node
import { Fragment, Slice } from '@tiptap/pm/model';
import { EditorState, TextSelection } from '@tiptap/pm/state';
import { splitListItem } from '@tiptap/pm/schema-list';
import { describe, expect, it } from 'vitest';
import { BodyCodec } from '../../src/core/bodyCodec.ts';
import { useJsdom } from '../../src/core/node/useJsdom.ts';
import { blockRegistry } from '../registry.ts';

const win = useJsdom();
const codec = new BodyCodec(blockRegistry);

// Lists as sites write them by hand (markup of our own), each on one line or several.
const LISTS = {
  'numbered from 4 in roman, reversed': '<ol start="4" type="i" reversed class="steps"><li>Four</li><li>Three</li></ol>',
  'an explicit start of 1 and type 1': '<ol start="1" type="1">\n  <li>One</li>\n</ol>',
  'a styled list with classed items': '<ul class="checklist" style="list-style: square"><li class="done" style="color: #444">Ready</li></ul>',
  'line breaks in items': '<ul>\n<li>First line<br>second line</li>\n<li>Only line</li>\n</ul>',
  'paragraphs in items': '<ol>\n<li><p>Para one</p><p>Para two</p></li>\n</ol>',
  'a list nested directly in a list': '<ol><li>Parent</li><ol><li>Child</li></ol><li>Next</li></ol>',
  'items opening with a heading': '<ul>\n<li>\n<h6>Term one</h6>\n</li>\n<li>\n<h6>Term two</h6>\n<p>Its meaning</p>\n</li>\n</ul>',
};

function attributesOf(html: string): Record<string, string | null>[] {
  const container = win.document.createElement('div');
  container.innerHTML = html;
  return Array.from(container.querySelectorAll('ol, ul')).map((list) => ({
    start: list.getAttribute('start'),
    type: list.getAttribute('type'),
    reversed: list.getAttribute('reversed'),
    class: list.getAttribute('class'),
    style: list.getAttribute('style'),
  }));
}

describe('lists as sites write them', () => {
  it.each(Object.entries(LISTS))('%s opens as an editable list and saves byte for byte unedited', (_name, html) => {
    const imported = codec.importHtml(html);
    expect(imported.report).toEqual([]);
    expect(imported.doc.childCount).toBe(1);
    expect(['bulletList', 'orderedList']).toContain(imported.doc.firstChild!.type.name);
    expect(codec.exportHtml(imported).html).toBe(html);
  });

  it.each(Object.entries(LISTS))('%s keeps its words and list attributes when written afresh', (_name, html) => {
    const imported = codec.importHtml(html);
    const fresh = codec.exportHtml(imported, { reuseSource: false }).html;
    const words = (text: string) => {
      const el = win.document.createElement('div');
      el.innerHTML = text;
      return (el.textContent ?? '').replace(/\s+/g, '');
    };
    expect(words(fresh)).toBe(words(html));
    expect(attributesOf(fresh)).toEqual(attributesOf(html));
  });

  it('an edit in a numbered list from 4 keeps start, type and reversed', () => {
    const imported = codec.importHtml(LISTS['numbered from 4 in roman, reversed']);
    const state = EditorState.create({ doc: imported.doc });
    let at = -1;
    state.doc.descendants((node, pos) => {
      if (at === -1 && node.isText && node.text === 'Four') at = pos + node.nodeSize;
    });
    const doc = state.apply(state.tr.insertText(' steps', at)).doc;
    const html = codec.exportHtml({ ...imported, doc }).html;
    expect(html).toContain('Four steps');
    expect(attributesOf(html)).toEqual([{ start: '4', type: 'i', reversed: '', class: 'steps', style: null }]);
  });

  it('an edit in one item rewrites that item only, without the paragraph its neighbours do not have', () => {
    const html = '<ol start="4" class="board-steps">\n  <li>Apply online</li>\n  <li>Meet the panel<br>in person</li>\n  <li>Start</li>\n</ol>';
    const imported = codec.importHtml(html);
    const state = EditorState.create({ doc: imported.doc });
    let at = -1;
    state.doc.descendants((node, pos) => {
      if (at === -1 && node.isText && node.text === 'Meet the panel') at = pos + node.nodeSize;
    });
    const doc = state.apply(state.tr.insertText(' of three', at)).doc;
    const edited = codec.exportHtml({ ...imported, doc }).html;
    expect(edited).toBe(html.replace('Meet the panel', 'Meet the panel of three'));
  });

  it('a new item is written as its neighbours are; items written with paragraphs keep them', () => {
    const bare = codec.importHtml('<ul class="x">\n<li>One</li>\n</ul>');
    const item = codec.schema.nodes['listItem']!.create(null, codec.schema.nodes['paragraph']!.create(null, codec.schema.text('Two')));
    const added = bare.doc.replace(bare.doc.firstChild!.nodeSize - 1, bare.doc.firstChild!.nodeSize - 1, new Slice(Fragment.from(item), 0, 0));
    expect(codec.exportHtml({ ...bare, doc: added }).html).toBe('<ul class="x">\n<li>One</li>\n<li>Two</li>\n</ul>');

    const withParagraphs = codec.importHtml('<ul>\n<li><p>One</p></li>\n<li><p>Two</p></li>\n</ul>');
    const state = EditorState.create({ doc: withParagraphs.doc });
    let at = -1;
    state.doc.descendants((node, pos) => {
      if (at === -1 && node.isText && node.text === 'Two') at = pos + node.nodeSize;
    });
    const doc = state.apply(state.tr.insertText('!', at)).doc;
    expect(codec.exportHtml({ ...withParagraphs, doc }).html).toBe('<ul>\n<li><p>One</p></li>\n<li><p>Two!</p></li>\n</ul>');
  });

  it('a list nested directly in a list belongs to the item before it: an edit there rewrites that item only, inside it', () => {
    const imported = codec.importHtml(LISTS['a list nested directly in a list']);
    const state = EditorState.create({ doc: imported.doc });
    const doc = state.apply(state.tr.insertText('The ', 3)).doc;
    const html = codec.exportHtml({ ...imported, doc }).html;
    expect(html).toBe('<ol><li>The Parent<ol><li>Child</li></ol></li><li>Next</li></ol>');
  });

  it('Enter at the end of a heading in an item starts a new item with a paragraph', () => {
    const imported = codec.importHtml(LISTS['items opening with a heading']);
    let state = EditorState.create({ doc: imported.doc });
    let end = -1;
    state.doc.descendants((node, pos) => {
      if (end === -1 && node.type.name === 'heading') end = pos + node.nodeSize - 1;
    });
    state = state.apply(state.tr.setSelection(TextSelection.create(state.doc, end)));
    const done = splitListItem(codec.schema.nodes['listItem']!)(state, (tr) => {
      state = state.apply(tr);
    });
    expect(done).toBe(true);
    state.doc.check();
    const list = state.doc.firstChild!;
    expect(list.childCount).toBe(3);
    expect(list.child(1).firstChild!.type.name).toBe('paragraph');
  });
});
