// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { blockRegistry } from '../../extensions/registry.ts';
import { BodyCodec } from './bodyCodec.ts';
import { markdownToHtml } from './markdown/markdownToHtml.ts';
import { useJsdom } from './node/useJsdom.ts';
import { pageVariant, readPageFile } from './pageFile.ts';
import { readCorpus } from './testing/corpus.ts';
import { hostileInputs } from './testing/hostileInputs.ts';

// The codec reads the blocks of a clean body from the sanitiser's parse of the whole body. A codec
// whose sanitiser never hands out its parse reads every block from its own text: both must agree.
useJsdom();
const codec = new BodyCodec(blockRegistry);
const perBlock = new BodyCodec(blockRegistry);
Object.assign(perBlock.sanitizer, { parseClean: () => null });

// Markup a parser reads differently within a body than block by block, or in quirks mode.
const tricky = [
  '<p><b>x</p><p>y</p>',
  '<b><p>x</p></b><p>y</p>',
  '<p><i>a</i><b>b<p>c</b>d</p>',
  '<p>a<table><tr><td>x</td></tr></table>',
  '<div><p>a<table><tr><td>x</td></tr></table></div>',
  '<blockquote><p>a<table><tbody><tr><td><p>x</p></td></tr></tbody></table></blockquote>',
  '<ul><li><p>a<table><tbody><tr><td><p>x</p></td></tr></tbody></table></li></ul>',
  '<table><tr><td>x</td></tr>foo</table><p>z</p>',
  '<table><td>x</td></table><p>y</p>',
  '<b>1<p>2</b>3</p>',
  '<p><b>x</p><table><tr><td>y</td></tr></table><p>z</p>',
  '<tr><td>a</td></tr><p>b</p>',
  '<td>a</td><p>b</p>',
  '<div><form></div><form><p>x</p></form>',
  '<p>a</p></body><!--c--><p>d</p>',
  '<p>a</p></html> <p>d</p>',
  '<body><p>x</p>',
  '<html><p>x</p>',
  '<p>x</p><frameset></frameset>',
  '<a href=" /x ">t</a><p><a href=" /y ">t</a></p>',
  '<p title=" spaced ">x</p>',
  '<p><a href="/x">a<p>b</a></p>',
  'text <b>bold</b>\n<p>para</p> tail',
  '<svg viewBox="0 0 1 1"><path d="M0"/></svg><p>x</p>',
  '<p>x</p><!-- <p>y</p> -->',
  '<p>x</p><remove></remove><p>y</p>',
  '<ul><li>a<li>b</ul><p>x',
  '<ol><li>a</li><ol><li>nested</li></ol></ol>',
  '<pre>\nx</pre><p>y</p>',
  '<template><p>x</p></template><p>y</p>',
  '<noscript><p>x</p></noscript>',
  '<div class="Isomer-Card-Grid"><a class="isomer-card" href="/x"><div class="isomer-card-body"><div class="isomer-card-title">T</div></div></a></div>',
  '<div class="isomer-card-grid"><div class="ISOMER-CARD"><div class="isomer-card-body"><div class="isomer-card-title">T</div></div></div></div>',
  '<div class="IFRAME-WRAPPER"><iframe src="https://www.youtube.com/embed/x"></iframe></div>',
  '<div data-raw-html="<p>x</p>"></div><p>y</p>',
];

const corpusBodies = readCorpus().map(({ name, text }) => {
  const page = readPageFile(text);
  return [name, pageVariant(page) === 'markdown' ? markdownToHtml(page.body).html : page.body] as const;
});

function outcome(c: BodyCodec, body: string) {
  const imported = c.importHtml(body);
  return {
    doc: imported.doc.toJSON(),
    leading: imported.leading,
    trailing: imported.trailing,
    report: imported.report,
    saved: c.exportHtml(imported).html,
    fresh: c.exportHtml(imported, { reuseSource: false }).html,
  };
}

describe('blocks read from the whole body parse', () => {
  it.each([...corpusBodies, ...tricky.map((html) => [html, html] as const), ...hostileInputs.map((h) => [h.name, h.html] as const)])(
    'match blocks parsed one by one: %s',
    (_name, body) => {
      expect(outcome(codec, body)).toEqual(outcome(perBlock, body));
    },
  );

  it('is how clean corpus bodies are read', () => {
    const clean = corpusBodies.filter(([, body]) => body !== '' && codec.sanitizer.parseClean(body) !== null);
    expect(clean.length).toBeGreaterThan(50);
  });
});
