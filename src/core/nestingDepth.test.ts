// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { blockRegistry } from '../../extensions/registry.ts';
import { BodyCodec } from './bodyCodec.ts';
import { MAX_NESTING_DEPTH, NestedTooDeeply } from './nestingDepth.ts';
import { useJsdom } from './node/useJsdom.ts';
import { openPage } from './pageDocument.ts';
import { scanStrictHtml } from './strictHtmlScanner.ts';
import { splitTopLevel, splitTopLevelWithFullParser } from './topLevelSegments.ts';

useJsdom();
const codec = new BodyCodec(blockRegistry);

const nested = (depth: number, tag = 'div', close = true) => `<${tag}>`.repeat(depth) + 'x' + (close ? `</${tag}>`.repeat(depth) : '');

/** The error `read` throws, which must be a nesting error. */
function nestingError(read: () => unknown): NestedTooDeeply {
  try {
    read();
  } catch (err) {
    if (err instanceof NestedTooDeeply) return err;
    throw err;
  }
  throw new Error('No nesting error was thrown.');
}

describe('bodies nested too deeply', () => {
  it(`reads a body nested exactly ${MAX_NESTING_DEPTH} deep, and refuses one a level deeper`, () => {
    expect(codec.importHtml(nested(MAX_NESTING_DEPTH)).doc.childCount).toBe(1);
    const error = nestingError(() => codec.importHtml(`<p>a</p>\n\n${nested(MAX_NESTING_DEPTH + 1)}`));
    expect(error.line).toBe(3);
    expect(error.message).toBe(`Line 3: the markup is nested deeper than ${MAX_NESTING_DEPTH} levels, more than a page can hold; the page was not read.`);
  });

  for (const depth of [10_000, 100_000]) {
    it(`refuses ${depth.toLocaleString('en')} nested elements with the line, in the scanner and the full parser, without overflowing the stack`, () => {
      const body = `<p>first</p>\n<p>second</p>\n${nested(depth)}\n<p>after</p>\n`;
      // Well-formed: the strict scanner stops at the first element too deep.
      expect(nestingError(() => scanStrictHtml(body)).line).toBe(3);
      expect(nestingError(() => splitTopLevel(body)).line).toBe(3);
      expect(nestingError(() => splitTopLevelWithFullParser(body)).line).toBe(3);
      // Left open, and formatting elements the parser reopens: only the full parser builds these.
      for (const tag of ['div', 'b', 'span']) {
        const open = `<p>first</p>\n${nested(depth, tag, false)}`;
        expect(nestingError(() => codec.importHtml(open)).line).toBe(2);
      }
      expect(nestingError(() => codec.importHtml(body)).line).toBe(3);
    });
  }

  it('counts the line in the whole file for a tiptap page, and in the markdown for a markdown page', () => {
    const tiptap = `---\ntitle: Deep\nvariant: tiptap\n---\n<p>a</p>\n${nested(10_000)}\n`;
    expect(nestingError(() => openPage(codec, tiptap)).line).toBe(6);
    const markdown = `---\ntitle: Deep\n---\n# Title\n\nSome words.\n\n${nested(10_000)}\n\nafter\n`;
    expect(nestingError(() => openPage(codec, markdown)).line).toBe(8);
  });

  it('does not count elements a parser closes on its own: many paragraphs left open are not deep', () => {
    const body = '<p>item\n'.repeat(5_000);
    expect(codec.importHtml(body).doc.childCount).toBe(5_000);
  });
});
