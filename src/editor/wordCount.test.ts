// @vitest-environment node
import { Fragment, Slice } from '@tiptap/pm/model';
import { describe, expect, it } from 'vitest';
import { blockRegistry } from '../../extensions/registry.ts';
import { BodyCodec } from '../core/bodyCodec.ts';
import { useJsdom } from '../core/node/useJsdom.ts';
import { countText } from './wordCount.ts';

useJsdom();
const codec = new BodyCodec(blockRegistry);
const docOf = (html: string) => codec.importHtml(html).doc;

describe('countText', () => {
  it('counts words and characters of the text, not block breaks', () => {
    expect(countText(docOf('<p>Start</p>\n<p></p>'))).toEqual({ words: 1, characters: 5 });
    expect(countText(docOf('<h2>Park hours</h2>\n<p>Open <strong>every</strong> day.</p>'))).toEqual({ words: 5, characters: 25 });
  });

  it('never joins words across blocks, list items, table cells or line breaks', () => {
    const html =
      '<ul>\n<li><p>north</p></li>\n<li><p>south</p></li>\n</ul>\n<p>one<br>two</p>\n' +
      '<table>\n<tbody>\n<tr><td><p>left</p></td><td><p>right</p></td></tr>\n</tbody>\n</table>';
    expect(countText(docOf(html)).words).toBe(6);
  });

  it('separates words at every space a regular expression calls one, and joins text across marks', () => {
    expect(countText(docOf('<p>one&nbsp;two\u3000three\u2009four\tfive</p>')).words).toBe(5);
    expect(countText(docOf('<p>in<strong>side</strong> <em>word</em>s</p>'))).toEqual({ words: 2, characters: 12 });
  });

  it('counts an edited block again and reuses the others', () => {
    const doc = docOf('<p>alpha beta</p>\n<p>gamma</p>');
    expect(countText(doc)).toEqual({ words: 3, characters: 15 });
    // Typing at the end of the first paragraph.
    const edited = doc.replace(11, 11, new Slice(Fragment.from(codec.schema.text(' delta')), 0, 0));
    expect(edited.firstChild!.textContent).toBe('alpha beta delta');
    expect(edited.child(1)).toBe(doc.child(1));
    expect(countText(edited)).toEqual({ words: 4, characters: 21 });
    expect(countText(doc)).toEqual({ words: 3, characters: 15 });
  });
});
