// @vitest-environment jsdom
import type { Editor } from '@tiptap/core';
import type { Node as PMNode } from '@tiptap/pm/model';
import { afterEach, describe, expect, it } from 'vitest';
import { BodyCodec } from '../../src/core/bodyCodec.ts';
import { setSiteEmbedConfig } from '../../src/core/siteEmbedHosts.ts';
import { testEditors } from '../../src/core/testing/testEditors.ts';
import { blockRegistry } from '../registry.ts';
import { embedFromUrl, isAllowedEmbedSource } from './embedUrl.ts';

const codec = new BodyCodec(blockRegistry);
const NOTE = 'Embedded from docs.google.com — kept as published. New embeds need an allowed host.';
// Our own words in the structure Google gives for a form's embed code.
const FORM =
  '<iframe src="https://docs.google.com/forms/d/e/1FAIpQLSeHarbourParksSurvey/viewform?embedded=true" width="640" height="900" frameborder="0" marginheight="0" marginwidth="0">Loading…</iframe>';
const BODY = `<h2>Tell us about your visit</h2>\n<p>The survey takes five minutes.</p>\n${FORM}\n<p>Thank you for your time.</p>\n`;

function topLevel(doc: PMNode): PMNode[] {
  const nodes: PMNode[] = [];
  doc.forEach((node) => nodes.push(node));
  return nodes;
}

afterEach(() => setSiteEmbedConfig({ hosts: [], error: null }));

describe('an iframe from a host off the allowlist that a page already publishes', () => {
  it('is kept as written in a locked block, with the note in the report, and the page saves byte for byte', () => {
    const imported = codec.importHtml(BODY);
    expect(topLevel(imported.doc).map((n) => n.type.name)).toEqual(['heading', 'paragraph', 'publishedEmbed', 'paragraph']);
    const locked = topLevel(imported.doc)[2]!;
    expect(locked.attrs['html']).toBe(FORM);
    expect(locked.attrs['hosts']).toEqual(['docs.google.com']);
    expect(imported.report).toEqual([{ kind: 'keptRaw', line: 3, message: NOTE, snippet: expect.stringMatching(/^<iframe src="https:\/\/docs\.google\.com\//), block: 2 }]);
    expect(codec.exportHtml(imported).html).toBe(BODY);
    // Written afresh too, it is the markup as published (nothing in it is the editor's).
    expect(codec.exportHtml(imported, { reuseSource: false }).html).toContain(FORM);
  });

  it('is locked with the block around it, whatever that block is (an Isomer embed wrapper, a section)', () => {
    for (const body of [`<div class="iframe-wrapper">\n${FORM}\n</div>`, `<section id="survey">\n${FORM}\n<p>Below the form.</p>\n</section>`]) {
      const imported = codec.importHtml(body);
      expect(topLevel(imported.doc).map((n) => n.type.name)).toEqual(['publishedEmbed']);
      expect(codec.exportHtml(imported).html).toBe(body);
    }
  });

  it('names every host of a block that holds frames from several', () => {
    const body = `<div>${FORM}<iframe src="https://app.powerbi.com/view?r=harbour"></iframe></div>`;
    const imported = codec.importHtml(body);
    expect(topLevel(imported.doc)[0]!.attrs['hosts']).toEqual(['docs.google.com', 'app.powerbi.com']);
    expect(imported.report[0]!.message).toBe('Embedded from docs.google.com, app.powerbi.com — kept as published. New embeds need an allowed host.');
  });

  it.each([
    ['srcdoc', '<iframe src="https://docs.google.com/forms/x" srcdoc="&lt;script&gt;alert(1)&lt;/script&gt;"></iframe>'],
    ['an event handler', '<iframe src="https://docs.google.com/forms/x" onload="alert(1)"></iframe>'],
    ['a javascript: address', '<iframe src="javascript:alert(1)"></iframe>'],
    ['a data: address', '<iframe src="data:text/html,&lt;script&gt;alert(1)&lt;/script&gt;"></iframe>'],
    ['an http address', '<iframe src="http://docs.google.com/forms/x"></iframe>'],
    ['a user name posing as a host', '<iframe src="https://www.youtube.com@docs.google.com/forms/x"></iframe>'],
    ['a style with a javascript: address', '<iframe src="https://docs.google.com/forms/x" style="background:url(javascript:alert(1))"></iframe>'],
  ])('is removed and reported when it has %s', (_what, iframe) => {
    const imported = codec.importHtml(`<p>Before.</p>\n${iframe}\n<p>After.</p>`);
    expect(topLevel(imported.doc).some((n) => n.type.name === 'publishedEmbed')).toBe(false);
    expect(imported.report.some((r) => r.kind === 'removed' && /embed/.test(r.message))).toBe(true);
    const html = codec.exportHtml(imported).html;
    expect(html).not.toContain('<iframe');
    expect(html).toContain('<p>Before.</p>');
    expect(html).toContain('<p>After.</p>');
  });

  it('is never kept from new markup: pasted, or typed into an HTML block', () => {
    const pasted = codec.sanitizer.sanitize(FORM);
    expect(pasted.html).not.toContain('<iframe');
    expect(pasted.removed[0]!.what).toMatch(/^embed from docs\.google\.com \(embeds are allowed only from /);
    const raw = codec.schema.nodes['rawHtml']!.create({ html: FORM });
    const exported = codec.exportHtml({ doc: codec.schema.nodes['doc']!.create(null, [raw]), leading: '', trailing: '' });
    expect(exported.html).not.toContain('<iframe');
    expect(exported.removed).toHaveLength(1);
  });

  it('no markup parses into a locked block (only a page as read makes one)', () => {
    const pasted = codec.importHtml(`<div data-raw-html="${FORM.replace(/"/g, '&quot;')}"></div>`);
    expect(topLevel(pasted.doc).map((n) => n.type.name)).not.toContain('publishedEmbed');
  });
});

describe('the locked block in the editor', () => {
  const makeEditor = testEditors(codec);
  let editor: Editor;
  const start = () => {
    editor = makeEditor({ content: codec.toJSON(codec.importHtml(BODY).doc) });
    return editor;
  };
  const exported = (e: Editor) => codec.exportHtml({ doc: e.state.doc, leading: '', trailing: '\n' }).html;

  it('can be moved and deleted, and moved it is written as published', () => {
    const e = start();
    const lockedPos = e.state.doc.child(0).nodeSize + e.state.doc.child(1).nodeSize;
    const locked = e.state.doc.nodeAt(lockedPos)!;
    expect(locked.type.name).toBe('publishedEmbed');
    // Moved to the top.
    e.view.dispatch(e.state.tr.delete(lockedPos, lockedPos + locked.nodeSize).insert(0, locked));
    expect(exported(e)).toBe(`${FORM}\n<h2>Tell us about your visit</h2>\n<p>The survey takes five minutes.</p>\n<p>Thank you for your time.</p>\n`);
    // Deleted.
    e.commands.setNodeSelection(0);
    e.commands.deleteSelection();
    expect(exported(e)).not.toContain('<iframe');
  });

  it('a new embed from that host is refused, with a message that names it', () => {
    const e = start();
    const before = e.state.doc;
    expect(e.commands.insertEmbed('https://docs.google.com/forms/d/e/1FAIpQLSeHarbourParksSurvey/viewform')).toBe(false);
    expect(e.state.doc.eq(before)).toBe(true);
    const result = embedFromUrl(FORM);
    expect('error' in result && result.error).toBe('Embeds from docs.google.com are not allowed. You can embed YouTube, Vimeo, Google Maps and FormSG.');
  });
});

describe('a site that adds a host to the allowlist (_data/isomer-editor.yml)', () => {
  it('edits its embeds as embeds, and new ones from that host can be made', () => {
    setSiteEmbedConfig({ hosts: ['docs.google.com'], error: null });
    const wrapped = `<div class="iframe-wrapper">\n${FORM.replace('Loading…', '')}\n</div>`;
    const imported = codec.importHtml(wrapped);
    expect(topLevel(imported.doc).map((n) => n.type.name)).toEqual(['embed']);
    expect(codec.exportHtml(imported).html).toBe(wrapped);
    expect(codec.sanitizer.sanitize(FORM).removed).toEqual([]);
    expect(isAllowedEmbedSource('https://docs.google.com/forms/d/e/x/viewform')).toBe(true);
    expect(embedFromUrl('https://docs.google.com/forms/d/e/x/viewform?embedded=true')).toEqual({
      provider: 'site',
      iframe: { src: 'https://docs.google.com/forms/d/e/x/viewform?embedded=true', width: '640', height: '480', frameborder: '0' },
    });
    expect(embedFromUrl('https://evil.example/')).toEqual({
      error: "Embeds from evil.example are not allowed. You can embed YouTube, Vimeo, Google Maps, FormSG and, by this site's settings, docs.google.com.",
    });
  });

  it('still removes what carries script from that host', () => {
    setSiteEmbedConfig({ hosts: ['docs.google.com'], error: null });
    const { html, removed } = codec.sanitizer.sanitize('<iframe src="https://docs.google.com/x" srcdoc="&lt;script&gt;alert(1)&lt;/script&gt;" onload="alert(2)"></iframe>');
    expect(html).not.toMatch(/srcdoc|onload/);
    expect(removed.length).toBeGreaterThan(0);
  });
});
