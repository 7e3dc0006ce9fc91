// @vitest-environment node
import { EditorState } from '@tiptap/pm/state';
import { describe, expect, it } from 'vitest';
import { blockRegistry } from '../../extensions/registry.ts';
import { BodyCodec } from './bodyCodec.ts';
import { useJsdom } from './node/useJsdom.ts';
import { pageVariant, readPageFile } from './pageFile.ts';
import { readCorpus } from './testing/corpus.ts';

const win = useJsdom();
const codec = new BodyCodec(blockRegistry);
const tiptapPages = readCorpus()
  .map(({ name, text }) => ({ name, page: readPageFile(text) }))
  .filter(({ page }) => pageVariant(page) === 'tiptap');

/** The words and addresses a visitor gets from a body, to prove nothing was lost. */
function visible(html: string) {
  const el = win.document.createElement('div');
  el.innerHTML = html;
  const attrs = (selector: string, name: string) => Array.from(el.querySelectorAll(selector)).map((e) => e.getAttribute(name));
  return {
    text: (el.textContent ?? '').replace(/\s+/g, ''),
    links: attrs('a[href]', 'href'),
    images: attrs('img', 'src'),
    alts: attrs('img', 'alt'),
    iframes: attrs('iframe', 'src'),
    counts: ['img', 'table', 'td', 'th', 'details', 'li', 'iframe', '.isomer-card', 'a'].map((s) => el.querySelectorAll(s).length),
  };
}

describe('BodyCodec over the corpus tiptap pages', () => {
  it('finds the 23 tiptap pages', () => {
    expect(tiptapPages).toHaveLength(23);
  });

  it.each(tiptapPages.map((p) => [p.name, p.page.body]))('opens and saves %s byte for byte', (_name, body) => {
    const doc = codec.importHtml(body);
    expect(codec.exportHtml(doc).html).toBe(body);
  });

  it.each(tiptapPages.map((p) => [p.name, p.page.body]))(
    'keeps text, links and images of %s with source reuse off, and is idempotent',
    (_name, body) => {
      const imported = codec.importHtml(body);
      const fresh = codec.exportHtml(imported, { reuseSource: false }).html;
      // What the sanitiser removed (and reported) is the only thing allowed to differ.
      const removedIframes = imported.report.filter((r) => r.kind === 'removed' && r.snippet.startsWith('<iframe')).length;
      const before = visible(body);
      const after = visible(fresh);
      expect(after.text).toBe(before.text);
      expect(after.links).toEqual(before.links);
      expect(after.images).toEqual(before.images);
      expect(after.alts).toEqual(before.alts);
      expect(after.iframes.length).toBe(before.iframes.length - removedIframes);
      const again = codec.exportHtml(codec.importHtml(fresh), { reuseSource: false }).html;
      expect(again).toBe(fresh);
    },
  );
});

describe('minimal-diff export', () => {
  const body = '<h3>Title</h3>\n<p>First\nparagraph</p>\n<p></p>\n<p>Second</p>';

  it('changes only the edited paragraph', () => {
    const imported = codec.importHtml(body);
    const insideSecondBlock = imported.doc.child(0).nodeSize + 1;
    const state = EditorState.create({ doc: imported.doc });
    const doc = state.apply(state.tr.insertText('Very ', insideSecondBlock)).doc;
    expect(codec.exportHtml({ ...imported, doc }).html).toBe('<h3>Title</h3>\n<p>Very First\nparagraph</p>\n<p></p>\n<p>Second</p>');
  });

  it('writes a new block in the readable layout, between the blocks it was put between', () => {
    const imported = codec.importHtml(body);
    const list = codec.schema.nodeFromJSON({
      type: 'bulletList',
      attrs: { tight: true },
      content: [{ type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'New' }] }] }],
    });
    const doc = imported.doc.copy(imported.doc.content.addToEnd(list));
    expect(codec.exportHtml({ ...imported, doc }).html).toBe(
      `${body}\n<ul data-tight="true" class="tight">\n<li>\n<p>New</p>\n</li>\n</ul>`,
    );
  });

  it('keeps leading and trailing whitespace of the body', () => {
    const text = '\n\n<p>a</p>\n<p>b</p>\n\n';
    expect(codec.exportHtml(codec.importHtml(text)).html).toBe(text);
  });

  it('keeps the line break after a last element left open (`<p>two` and a newline), edited elsewhere or not', () => {
    for (const text of ['<p>one<p>two\n', '<p>one\n<p>two\n\n', '<p>one</p>\n<p>two\n']) {
      const imported = codec.importHtml(text);
      expect(codec.exportHtml(imported).html).toBe(text);
      const state = EditorState.create({ doc: imported.doc });
      const doc = state.apply(state.tr.insertText('Very ', 1)).doc;
      expect(codec.exportHtml({ ...imported, doc }).html.endsWith(text.slice(text.lastIndexOf('two')))).toBe(true);
    }
  });

  it('a last <pre> left open keeps its closing blank lines as its own text, once', () => {
    const text = '<p>a</p>\n<pre>code\n\n';
    expect(codec.exportHtml(codec.importHtml(text)).html).toBe(text);
    const fresh = codec.exportHtml(codec.importHtml(text), { reuseSource: false }).html;
    expect(fresh.match(/\n\n/g)?.length ?? 0).toBeLessThanOrEqual(1);
  });

  it('writes an empty body for an empty document', () => {
    expect(codec.exportHtml(codec.importHtml('')).html).toBe('');
  });
});

describe('raw blocks', () => {
  it('keeps markup no block understands verbatim, and reports it', () => {
    const body = '<p>before</p>\n<dl class="x"><dt>inside</dt></dl>\n<!-- note -->\n<p>after</p>';
    const imported = codec.importHtml(body);
    expect(imported.doc.childCount).toBe(4);
    expect(imported.doc.child(1).type.name).toBe('rawHtml');
    expect(imported.doc.child(1).attrs['html']).toBe('<dl class="x"><dt>inside</dt></dl>');
    expect(imported.doc.child(2).type.name).toBe('rawHtml');
    expect(imported.report.filter((r) => r.kind === 'keptRaw').map((r) => r.line)).toEqual([2, 3]);
    expect(codec.exportHtml(imported, { reuseSource: false }).html).toBe(body);
  });

  it('removes a script, reports it with its line, and never writes it', () => {
    const body = '<p>ok</p>\n<p>x<img src="/a.png" onerror="alert(1)"></p>\n<script>alert(2)</script>';
    const imported = codec.importHtml(body);
    const removed = imported.report.filter((r) => r.kind === 'removed');
    expect(removed.map((r) => [r.line, r.message])).toEqual([
      [2, 'Removed onerror attribute on <img>.'],
      [3, 'Removed <script> element.'],
    ]);
    const out = codec.exportHtml(imported).html;
    expect(out).not.toMatch(/alert|onerror|<script/);
    expect(out).toContain('<p>ok</p>');
  });
});
