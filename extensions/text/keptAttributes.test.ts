// @vitest-environment node
import { EditorState } from '@tiptap/pm/state';
import { describe, expect, it } from 'vitest';
import { BodyCodec } from '../../src/core/bodyCodec.ts';
import { useJsdom } from '../../src/core/node/useJsdom.ts';
import { openPage } from '../../src/core/pageDocument.ts';
import { readCorpus } from '../../src/core/testing/corpus.ts';
import { blockRegistry } from '../registry.ts';

useJsdom();
const codec = new BodyCodec(blockRegistry);

// Markup of our own with every kept attribute on every kind of text node and mark.
const KEPT = {
  paragraph: '<p class="lead intro" id="intro" style="color: #334; text-align: center" lang="ms" dir="ltr" title="Opening" data-note="one &amp; two">Selamat datang to our <strong class="key">office</strong></p>',
  heading: '<h2 id="contact-us" class="section-title" data-anchor="contact">Contact us</h2>',
  list: '<ol class="steps" style="list-style-type: lower-roman">\n<li class="step" data-step="1">\n<p>Fill in the form</p>\n</li>\n<li class="step" data-step="2">\n<p>Send it</p>\n</li>\n</ol>',
  quote: '<blockquote class="pull-quote" lang="en">\n<p>Said once</p>\n</blockquote>',
  link: '<p>See <a href="/forms/" id="forms-link" data-track="forms" aria-label="All forms" style="color: #226">the forms</a> and <em class="aside" title="note">this</em></p>',
};

describe('attributes kept on text blocks and marks', () => {
  it.each(Object.entries(KEPT))('%s: opens as a visual block, saves byte for byte, and re-serialises the same', (_name, html) => {
    const imported = codec.importHtml(html);
    expect(imported.report).toEqual([]);
    expect(imported.doc.firstChild!.type.name).not.toBe('rawHtml');
    expect(codec.exportHtml(imported).html).toBe(html);
    expect(codec.exportHtml(imported, { reuseSource: false }).html).toBe(html);
  });

  it('an edit inside the block keeps its attributes and those of its marks', () => {
    const body = `${KEPT.paragraph}\n${KEPT.list}\n`;
    const imported = codec.importHtml(body);
    const state = EditorState.create({ doc: imported.doc });
    // After "Selamat " in the first paragraph.
    const doc = state.apply(state.tr.insertText('pagi, ', 1 + 'Selamat '.length)).doc;
    const { html } = codec.exportHtml({ ...imported, doc });
    expect(html).toBe(`${KEPT.paragraph.replace('Selamat ', 'Selamat pagi, ')}\n${KEPT.list}\n`);
  });

  it('an edit in a list item keeps the attributes of the list and of every item', () => {
    const imported = codec.importHtml(KEPT.list);
    const state = EditorState.create({ doc: imported.doc });
    let at = -1;
    state.doc.descendants((node, pos) => {
      if (at === -1 && node.isText && node.text === 'Send it') at = pos + 'Send'.length;
    });
    const doc = state.apply(state.tr.insertText(' and post', at)).doc;
    expect(codec.exportHtml({ ...imported, doc }).html).toBe(KEPT.list.replace('Send it', 'Send and post it'));
  });

  it('no corpus page reports that an edit would drop an attribute', () => {
    const drops = readCorpus().flatMap(({ name, text }) =>
      openPage(codec, text)
        .report.filter((item) => item.kind === 'dropsOnEdit')
        .map((item) => `${name}: ${item.message}`),
    );
    expect(drops).toEqual([]);
  });
});

describe('kept attribute values are sanitised, and every removal is reported', () => {
  const removedFrom = (html: string) => codec.importHtml(html);

  it.each([
    ['style loading script', '<p style="background: url(javascript:alert(1))">x</p>', 'style attribute on <p>'],
    ['style with expression()', '<h2 style="width: expression(alert(1))">x</h2>', 'style attribute on <h2>'],
    ['style with behavior', '<li style="behavior: url(/x.htc)">x</li>', 'style attribute on <li>'],
    ['style with -moz-binding', '<blockquote style="-moz-binding: url(/x.xml#x)"><p>x</p></blockquote>', 'style attribute on <blockquote>'],
    ['style with @import', '<p style="@import \'/x.css\'">x</p>', 'style attribute on <p>'],
    ['style loading from another site over http', '<p style="background-image: url(http://example.org/a.png)">x</p>', 'style attribute on <p>'],
    ['style loading from another host without a scheme', '<p style="background-image: url(//example.org/a.png)">x</p>', 'style attribute on <p>'],
    ['style loading data', '<p style="background-image: url(data:image/png;base64,AAAA)">x</p>', 'style attribute on <p>'],
    ['an id with a quote', '<p id="a&quot;b">x</p>', 'id attribute on <p>'],
    ['an id with a space', '<h3 id="two words">x</h3>', 'id attribute on <h3>'],
    ['a class with markup', '<p class="ok &lt;img&gt;">x</p>', 'class attribute on <p>'],
    ['a class with Liquid', '<ul class="{{ site.x }}"><li>x</li></ul>', 'class attribute on <ul>'],
  ])('%s is removed and reported', (_name, html, what) => {
    const imported = removedFrom(html);
    const removed = imported.report.filter((item) => item.kind === 'removed');
    expect(removed.map((item) => item.message)).toEqual([`Removed ${what}.`]);
    expect(codec.exportHtml(imported).html).not.toMatch(new RegExp(what.split(' ')[0]! + '='));
  });

  it.each([
    ['a same-site image in a style', '<p style="background-image: url(/images/a.png)">x</p>'],
    ['an https image in a style', '<p style="background-image: url(\'https://example.org/a.png\')">x</p>'],
    ['class names with colons, slashes and dots', '<p class="md:w-1/2 is-7 col.x">x</p>'],
    ['data values holding markup, kept as text', '<p data-note="&lt;b&gt;bold&lt;/b&gt; &amp; more">x</p>'],
  ])('%s is kept', (_name, html) => {
    const imported = codec.importHtml(html);
    expect(imported.report).toEqual([]);
    expect(codec.exportHtml(imported, { reuseSource: false }).html).toBe(html);
  });
});
