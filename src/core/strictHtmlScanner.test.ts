// @vitest-environment node
import { readdirSync, readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { blockRegistry } from '../../extensions/registry.ts';
import { BodyCodec } from './bodyCodec.ts';
import { markdownToHtml } from './markdown/markdownToHtml.ts';
import { useJsdom } from './node/useJsdom.ts';
import { pageVariant, readPageFile } from './pageFile.ts';
import { scanStrictHtml } from './strictHtmlScanner.ts';
import { readCorpus } from './testing/corpus.ts';
import { hostileInputs } from './testing/hostileInputs.ts';
import { openPageInBrowser } from './openedPage.ts';
import {
  FullParserNotLoaded,
  loadFullParser,
  setFullParser,
  splitTopLevel,
  splitTopLevelWithFullParser,
  splitTopLevelWithScanner,
  useStrictScanner,
} from './topLevelSegments.ts';

useJsdom();

const corpus = readCorpus().map(({ name, text }) => ({ name, file: readPageFile(text) }));
const tiptapBodies = corpus.filter(({ file }) => pageVariant(file) === 'tiptap').map(({ name, file }) => ({ name, body: file.body }));
const markdownBodies = corpus
  .filter(({ file }) => pageVariant(file) !== 'tiptap' && file.body.trim() !== '')
  .map(({ name, file }) => ({ name: `${name} (as HTML)`, body: markdownToHtml(file.body).html }));

function sampleSiteBodies(): { name: string; body: string }[] {
  const root = new URL('../../sample-site/', import.meta.url);
  const bodies: { name: string; body: string }[] = [];
  const visit = (dir: string) => {
    for (const entry of readdirSync(new URL(dir, root), { withFileTypes: true })) {
      const path = `${dir}${entry.name}`;
      if (entry.isDirectory()) {
        if (!entry.name.startsWith('_site') && entry.name !== 'node_modules') visit(`${path}/`);
      } else if (entry.name.endsWith('.md') && entry.name !== 'README.md') {
        const file = readPageFile(readFileSync(new URL(encodeURI(path), root), 'utf8'));
        const body = pageVariant(file) === 'tiptap' ? file.body : markdownToHtml(file.body).html;
        bodies.push({ name: `sample-site/${path}`, body });
      }
    }
  };
  visit('');
  return bodies;
}

// Inputs where an HTML5 parser does something other than what the markup says, and plain ones.
const TRICKY = [
  '<p>a<div>b</div></p>',
  '<p>one<p>two',
  '<ul><li>a<li>b</ul>',
  '<dl><dt>a<dd>b</dl>',
  '<h1>a<h2>b</h2></h1>',
  '<a href="x">a<a href="y">b</a></a>',
  '<b><i>x</b></i>',
  '<table><tr><td>x</td></tr></table>',
  '<table>text<tbody><tr><td>x</td></tr></tbody></table>',
  '<table><tbody><tr><td>x</td></tr></tbody></table>',
  '<table>\n  <thead><tr><th>h</th></tr></thead>\n  <tbody><tr><td><table><tbody><tr><td>n</td></tr></tbody></table></td></tr></tbody>\n</table>',
  '<table><col><tbody></tbody></table>',
  '<table><colgroup><col><col/></colgroup><caption>c<b>d</b></caption></table>',
  '<table><tbody><tr><td>a<td>b</tr></tbody></table>',
  '<table><tbody><tr><div>x</div></tr></tbody></table>',
  '<tr><td>x</td></tr>',
  '<td>x</td>',
  '<p>a</p>\r\n\r\n<div\r\nclass="x">b</div>\r\n',
  'text\r\n<p>x</p>\rmore',
  '<script>if (a < b && c > d) {}</script><p>x</p>',
  '<script>x = "</scriptx>"; y = "<!--";</script>',
  '<script><!-- document.write("<script>x</script>") --></script><p>a</p>',
  '<SCRIPT>x</Script ><STYLE>p{}</STYLE\n>',
  '<style>a</style b><p>x</p>',
  '<iframe src="x"></iframe><p>y</p>',
  '<iframe src="x" /><p>y</p>',
  '<xmp><b>x</b></xmp>',
  '<!-- note --><p>x</p><!-- another -->',
  '<!--><p>x</p>',
  '<!---><p>x</p>',
  '<!-- a --!> <p>x</p>',
  '<!-- unclosed <p>x</p>',
  '<!DOCTYPE html><p>x</p>',
  '<![CDATA[x]]><p>y</p>',
  '<?php x ?><p>y</p>',
  '</p><p>x</p>',
  '</ x><p>y</p>',
  '<p title="a>b" data-x=\'c>d\'>x</p>',
  '<p title=a>b>x</p>',
  '<a href=x/>y</a>',
  '<DIV CLASS="Big">X</DIV><P>y</P>',
  '<div/>x',
  '<br/><br /><img src="a.png"/><hr/>',
  '<p>a < b and c<3</p>',
  'a <b>bold</b> and <i>it</i>\n\n<p>x</p>\n',
  '  \n<p>x</p>  tail <em>e</em>\n  ',
  '<div><span><div>x</div></span></div>',
  '<p><span>a</span><!-- c --> b</p>',
  '<a class="isomer-image-wrapper" href="x"><img src="y"></a>\n<p>z</p>',
  '<a class="isomer-image-wrapper &amp;" href="x"><img src="y"></a>',
  '<svg><p>x</p></svg>',
  '<math><mi>x</mi></math>',
  '<template><p>x</p></template>',
  '<noscript><p>x</p></noscript>',
  '<select><option>a<option>b</select>',
  '<textarea>\n<p>x</p></textarea>',
  '<title>x</title>',
  '<html><body><p>x</p></body></html>',
  '<p>a<table><tr><td>x</td></tr></table>',
  '<p>a<button>b<button>c</button></button></p>',
  '<form><form></form></form>',
  '<nobr>a<nobr>b</nobr></nobr>',
  '<div>unclosed',
  '<p>x</p></div>',
  '<b><b><b><b>x</b></b></b></b>',
  '<ol><li><ul><li>x</li></ul></li></ol>',
  '<div><li>a</li><li>b</li></div>',
  '<li><div><li>x</li></div></li>',
  '<pre>\nx\n</pre>',
  '<pre>\n</pre>',
  '<details><summary>s</summary><p>x</p></details>',
  '<custom-el a="1"><p>x</p></custom-el>',
  '<p>a\0b</p>',
  '<video controls><source src="a.mp4" type="video/mp4"></video>',
  '<object data="x"><param name="a" value="b"></object>',
  '<p><a href="#">x</a><a href="#">y</a></p>',
  '<h2 id="x">Title</h2>\n<p>Para <strong>bold <em>both</em></strong>.</p>',
  '<div a b=c d = "e" f=\'g\'>x</div>',
  '<div a="1"b="2">x</div>',
  '<p =x>y</p>',
  '<div>\u0130</DIV>',
  '<dİv>x</dİv>',
  '\uFEFF<p>x</p>',
  '<p>\u{1F600} a</p>\n<p title="\u{1F600}">y</p>\u{1F600}',
  '<p>\uD800 lone</p>\uDC00<p>z</p>',
  '<p>x</p>\u00A0\n<p>y</p>\u2003',
  '<p>x</p>\f<p>y</p>',
  '<p>&amp; &lt;p&gt; &#60;div&#62;</p>',
  '',
  '   ',
  'just text',
];

describe('the strict scanner splits as the full parser does, or declines', () => {
  let scanned = 0;
  const check = (body: string) => {
    const byScanner = splitTopLevelWithScanner(body);
    if (byScanner) {
      scanned++;
      expect(byScanner).toEqual(splitTopLevelWithFullParser(body));
    }
    return byScanner !== null;
  };

  it('on every tiptap body of the corpus, all of them by the scanner', () => {
    scanned = 0;
    const declined = tiptapBodies.filter(({ body }) => !check(body)).map(({ name }) => name);
    console.log(`strict scanner: ${scanned} of ${tiptapBodies.length} tiptap corpus bodies`);
    expect(tiptapBodies.length).toBeGreaterThan(0);
    expect(declined).toEqual([]);
  });

  it('on every markdown page of the corpus converted to HTML, in LF and CRLF', () => {
    scanned = 0;
    for (const { body } of markdownBodies) {
      check(body);
      check(body.replace(/\n/g, '\r\n'));
    }
    console.log(`strict scanner: ${scanned} of ${markdownBodies.length * 2} markdown corpus bodies (LF and CRLF)`);
    expect(markdownBodies.length).toBeGreaterThan(0);
  });

  it('on every page of the sample site, all of them by the scanner', () => {
    const bodies = sampleSiteBodies();
    expect(bodies.length).toBeGreaterThan(5);
    expect(bodies.filter(({ body }) => !check(body)).map(({ name }) => name)).toEqual([]);
  });

  it('on every hostile input, alone and between paragraphs', () => {
    scanned = 0;
    for (const { html } of hostileInputs) {
      check(html);
      check(`<p>before</p>\n${html}\n<p>after</p>`);
    }
    console.log(`strict scanner: ${scanned} of ${hostileInputs.length * 2} hostile bodies`);
  });

  it('on tricky markup, declining what the parser rewrites', () => {
    scanned = 0;
    const outcomes = TRICKY.map((body) => [body, check(body)] as const);
    console.log(`strict scanner: ${scanned} of ${TRICKY.length} tricky snippets`, outcomes.filter(([, ok]) => ok).map(([b]) => b));
    const declined = (body: string) => outcomes.find(([b]) => b === body)![1] === false;
    // Implied ends, misnesting, foster parenting, foreign content and unclosed markup are left to the full parser.
    for (const body of ['<p>a<div>b</div></p>', '<p>one<p>two', '<ul><li>a<li>b</ul>', '<b><i>x</b></i>', '<table><tr><td>x</td></tr></table>', '<table>text<tbody><tr><td>x</td></tr></tbody></table>', '<svg><p>x</p></svg>', '<div>unclosed', '<!--><p>x</p>', '<iframe src="x" /><p>y</p>', '<li><div><li>x</li></div></li>']) {
      expect(declined(body), body).toBe(true);
    }
    // Well-formed markup is the scanner's.
    for (const body of ['<table>\n  <thead><tr><th>h</th></tr></thead>\n  <tbody><tr><td><table><tbody><tr><td>n</td></tr></tbody></table></td></tr></tbody>\n</table>', '<p>a</p>\r\n\r\n<div\r\nclass="x">b</div>\r\n', '<SCRIPT>x</Script ><STYLE>p{}</STYLE\n>', '<p title="a>b" data-x=\'c>d\'>x</p>', '  \n<p>x</p>  tail <em>e</em>\n  ', '<DIV CLASS="Big">X</DIV><P>y</P>']) {
      expect(declined(body), body).toBe(false);
    }
  });
});

describe('the codec with and without the scanner', () => {
  afterEach(() => useStrictScanner(true));

  it('reads and writes every tiptap corpus body the same either way', () => {
    const codec = new BodyCodec(blockRegistry);
    const read = () =>
      tiptapBodies.map(({ body }) => {
        const imported = codec.importHtml(body);
        return { json: codec.toJSON(imported.doc), report: imported.report, html: codec.exportHtml(imported).html, split: splitTopLevel(body) };
      });
    const withScanner = read();
    useStrictScanner(false);
    const withoutScanner = read();
    expect(withScanner).toEqual(withoutScanner);
    // Unedited, every body comes back byte for byte.
    expect(withScanner.map((r) => r.html)).toEqual(tiptapBodies.map((b) => b.body));
  });

  it('declines on a body it is not sure of and needs the full parser', () => {
    expect(scanStrictHtml('<p>one<p>two')).toBeNull();
    expect(splitTopLevel('<p>one<p>two').topLevel).toEqual(['p', 'p']);
  });
});

describe('without the full parser loaded (the browser until it needs it)', () => {
  afterEach(() => loadFullParser());

  it('splits what the scanner is sure of, refuses the rest, and opening such a page loads the parser', async () => {
    setFullParser(null);
    expect(splitTopLevel('<p>a</p>\n<p>b</p>').topLevel).toEqual(['p', '#text', 'p']);
    expect(() => splitTopLevel('<ul><li>a<li>b</ul>')).toThrow(FullParserNotLoaded);

    const codec = new BodyCodec(blockRegistry);
    const text = '---\nvariant: tiptap\ntitle: T\n---\n<ul><li>a<li>b</ul>\n<p>one<p>two</p>\n';
    const { opened } = await openPageInBrowser(codec, text);
    expect(codec.exportHtml(opened.body).html).toBe(opened.file.body);
    expect(opened.body.doc.childCount).toBe(3);
    expect(splitTopLevel('<ul><li>a<li>b</ul>').topLevel).toEqual(['ul']);
  });
});
