// @vitest-environment node
import type { Node as PMNode } from '@tiptap/pm/model';
import { EditorState } from '@tiptap/pm/state';
import { describe, expect, it } from 'vitest';
import { blockRegistry } from '../../extensions/registry.ts';
import { BodyCodec } from '../core/bodyCodec.ts';
import { useJsdom } from '../core/node/useJsdom.ts';
import { touchesNodeTypes } from '../core/touchesNodeTypes.ts';
import { EMPTY_PART_TYPES, findEmptyParts } from './emptyParts.ts';

useJsdom();
const codec = new BodyCodec(blockRegistry);
const docOf = (html: string) => codec.importHtml(html).doc;

const accordion = (...items: [string, string][]) =>
  '<div data-type="detailGroup" class="isomer-accordion isomer-accordion-white">\n' +
  items.map(([q, a]) => `<details class="isomer-details">\n<summary>${q}</summary>\n<div data-type="detailsContent" class="isomer-details-content">\n${a}\n</div>\n</details>\n`).join('') +
  '</div>';
const card = (body: string) => `<div class="isomer-card">\n<div class="isomer-card-body">\n${body}\n</div>\n</div>`;
const cards = (...bodies: string[]) => `<div class="isomer-card-grid">\n${bodies.map(card).join('\n')}\n</div>`;
const table = (...headers: string[]) =>
  `<table>\n<tbody>\n<tr>\n${headers.map((h) => `<th rowspan="1" colspan="1">\n<p>${h}</p>\n</th>`).join('\n')}\n</tr>\n` +
  `<tr>\n${headers.map(() => '<td rowspan="1" colspan="1">\n<p>cell</p>\n</td>').join('\n')}\n</tr>\n</tbody>\n</table>`;

/** The kind of each part found, with the node type and text around the position the cursor goes to. */
function partsAround(doc: PMNode) {
  return findEmptyParts(doc).map(({ kind, pos }) => {
    const $pos = doc.resolve(pos);
    return { kind, parent: $pos.parent.type.name, holder: $pos.node(Math.max(1, $pos.depth - 1)).type.name };
  });
}

describe('findEmptyParts', () => {
  it('finds nothing on a page whose items, cards and header cells all have text', () => {
    const doc = docOf(
      `<p>Intro</p>\n${accordion(['When?', '<p>Daily.</p>'])}\n${cards('<div class="isomer-card-title">Plant</div>')}\n${table('Park', 'Opens')}`,
    );
    expect(findEmptyParts(doc)).toEqual([]);
  });

  it('finds an accordion item with no question, or with a question and no answer, and points into the blank part', () => {
    const doc = docOf(accordion(['', '<p></p>'], ['Filled?', '<p>Yes.</p>'], ['No answer?', '<p> </p>'], ['', '<p>An answer without a question.</p>']));
    expect(partsAround(doc)).toEqual([
      { kind: 'accordionItem', parent: 'accordionSummary', holder: 'accordionItem' },
      { kind: 'accordionItem', parent: 'paragraph', holder: 'accordionContent' },
      { kind: 'accordionItem', parent: 'accordionSummary', holder: 'accordionItem' },
    ]);
  });

  it('does not call an answer blank when it shows an image or a line', () => {
    const image = '<div class="isomer-image-wrapper">\n<img style="width: 100%" height="auto" width="100%" alt="A map" src="/images/map.png">\n</div>';
    expect(findEmptyParts(docOf(accordion(['Where?', image])))).toEqual([]);
    expect(findEmptyParts(docOf(accordion(['Where?', '<hr>'])))).toEqual([]);
  });

  it('finds cards with no title or a blank one, and points into the title or the card’s first text', () => {
    const doc = docOf(
      cards(
        '<div class="isomer-card-title">Plant a tree</div>',
        '<div class="isomer-card-title"> </div>\n<div class="isomer-card-description">Only words below.</div>',
        '<div class="isomer-card-description">No title at all.</div>',
      ),
    );
    expect(partsAround(doc)).toEqual([
      { kind: 'card', parent: 'cardTitle', holder: 'cardBody' },
      { kind: 'card', parent: 'cardDescription', holder: 'cardBody' },
    ]);
  });

  it('finds each empty header cell, not the empty ordinary cells', () => {
    const doc = docOf(`${table('Park', '', ' ')}\n<table>\n<tbody>\n<tr>\n<td rowspan="1" colspan="1">\n<p></p>\n</td>\n</tr>\n</tbody>\n</table>`);
    expect(partsAround(doc)).toEqual([
      { kind: 'tableHeader', parent: 'paragraph', holder: 'tableHeader' },
      { kind: 'tableHeader', parent: 'paragraph', holder: 'tableHeader' },
    ]);
  });

  it('finds blank items inside another accordion’s answer, in document order', () => {
    const inner = accordion(['Inner question', '<p></p>']);
    const doc = docOf(accordion(['Outer', inner], ['', '<p>Later.</p>']));
    const parts = findEmptyParts(doc);
    expect(parts.map((p) => p.kind)).toEqual(['accordionItem', 'accordionItem']);
    expect(parts[0]!.pos).toBeLessThan(parts[1]!.pos);
  });
});

describe('which changes can change what findEmptyParts finds', () => {
  const doc = docOf(`<p>Intro</p>\n${accordion(['', '<p>Daily.</p>'])}\n${table('Park')}`);
  const state = EditorState.create({ doc });
  const typedAt = (text: string, inside: string) => {
    let at = -1;
    doc.descendants((node, pos) => {
      if (at === -1 && node.isTextblock && node.textContent === text && (inside === '' || doc.resolve(pos).parent.type.name === inside)) at = pos + 1;
      return at === -1;
    });
    return touchesNodeTypes(state.tr.insertText('x', at), EMPTY_PART_TYPES);
  };

  it('typing in a paragraph of the page or in an ordinary cell touches none of them', () => {
    expect(typedAt('Intro', '')).toBe(false);
    expect(typedAt('cell', 'tableCell')).toBe(false);
  });

  it('typing in a question, an answer or a header cell does', () => {
    expect(typedAt('', 'accordionItem')).toBe(true);
    expect(typedAt('Daily.', 'accordionContent')).toBe(true);
    expect(typedAt('Park', 'tableHeader')).toBe(true);
  });

  it('deleting a whole block that holds one does', () => {
    const accordionPos = doc.firstChild!.nodeSize;
    expect(touchesNodeTypes(state.tr.delete(accordionPos, accordionPos + doc.child(1).nodeSize), EMPTY_PART_TYPES)).toBe(true);
  });
});
