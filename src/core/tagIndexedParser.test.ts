// @vitest-environment node
import { DOMParser as PMDOMParser } from '@tiptap/pm/model';
import { describe, expect, it } from 'vitest';
import { blockRegistry } from '../../extensions/registry.ts';
import { BodyCodec } from './bodyCodec.ts';
import { markdownToHtml } from './markdown/markdownToHtml.ts';
import { useJsdom } from './node/useJsdom.ts';
import { pageVariant, readPageFile } from './pageFile.ts';
import { TagIndexedParser } from './tagIndexedParser.ts';
import { readCorpus } from './testing/corpus.ts';

const win = useJsdom();
const { schema } = new BodyCodec(blockRegistry);
const stock = PMDOMParser.fromSchema(schema);
const indexed = TagIndexedParser.forSchema(schema);

const bodies = readCorpus().map(({ name, text }) => {
  const page = readPageFile(text);
  return [name, pageVariant(page) === 'markdown' ? markdownToHtml(page.body).html : page.body] as const;
});

/** The document a parser reads from `html`, parsed afresh (the parser may rearrange lists in place). */
function parsed(parser: PMDOMParser, html: string) {
  const container = win.document.createElement('div');
  container.innerHTML = html;
  return parser.parseSlice(container, { preserveWhitespace: false }).content.toJSON();
}

describe('the tag-indexed parser', () => {
  it('knows every rule of the blocks without a selector engine', () => {
    expect(indexed.independentOfMode).toBe(true);
  });

  it.each(bodies)('reads %s as the stock parser does', (_name, html) => {
    expect(parsed(indexed, html)).toEqual(parsed(stock, html));
  });

  it('picks the rule the stock parser picks for every element, and the next one after it', () => {
    const extra = [
      '<div data-type="detailsContent"></div><div data-type="detailscontent"></div><div data-type=" detailsContent"></div>',
      '<div class="isomer-card"></div><div class="Isomer-Card"></div><div class="x\tisomer-card y"></div><div class="isomer-cards"></div>',
      '<a class="isomer-card" href="/x"></a><a class="isomer-image-wrapper"></a><blockquote class="instagram-media"></blockquote>',
      '<div data-raw-html=""></div><div data-raw-html-x="1"></div><ul data-type="taskList"><li data-type="taskItem"></li></ul>',
    ];
    // Context rules are checked alike by both parsers; answering yes lets every selector be tried.
    const context = { matchesContext: () => true };
    const stockMatch = (stock as unknown as { matchTag: TagIndexedParser['matchTag'] }).matchTag.bind(stock);
    let elements = 0;
    for (const html of [...bodies.map(([, body]) => body), ...extra]) {
      const container = win.document.createElement('div');
      container.innerHTML = html;
      for (const element of Array.from(container.querySelectorAll('*'))) {
        elements++;
        let after: ReturnType<typeof stockMatch> = undefined;
        do {
          const expected = stockMatch(element, context, after);
          expect(indexed.matchTag(element, context, after)).toBe(expected);
          after = expected;
        } while (after);
      }
    }
    expect(elements).toBeGreaterThan(1000);
  });

  it.each([
    '<div class="isomer-card-grid extra"><a class="isomer-card" href="/x"><div class="isomer-card-body"><div class="isomer-card-title">T</div></div></a></div>',
    '<div class="Isomer-Card-Grid"><div class="isomer-card"><div class="isomer-card-body"><p>x</p></div></div></div>',
    '<div data-type="detailGroup"><details><summary>a</summary><div data-type="detailsContent"><p>b</p></div></details></div>',
    '<div data-type="detailgroup"><p>x</p></div>',
    '<div data-raw-html="&lt;p&gt;x&lt;/p&gt;"></div><a href="/y">y</a><a>no href</a>',
    '<svg><a href="/z"><text>t</text></a></svg><math><mi>x</mi></math>',
    '<P>Upper <STRONG>case</STRONG> <Em>tags</Em></P>',
  ])('matches selectors exactly: %s', (html) => {
    expect(parsed(indexed, html)).toEqual(parsed(stock, html));
  });
});
