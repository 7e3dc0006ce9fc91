import { Node } from '@tiptap/core';
import { elementSpec as spec } from '../../src/core/domSpec.ts';
import { BLOCK_TAGS, onlyWhitespaceText, otherAttributes } from './schema.ts';

/*
 * A `<details>` accordion in other markup than Isomer's (not in a `detailGroup`): its question and
 * answer are edited in place, and it is written back with its own tag and attributes, in their order.
 * The answer is either blocks straight after the `<summary>`, or one wrapper `<div>` (any classes)
 * holding them. Anything else (text beside the blocks, a question holding blocks) stays raw HTML.
 */

const allAttributes = { default: {}, rendered: false, parseHTML: (element: HTMLElement) => otherAttributes(element, []) };

/** `<summary>` then at least one block, nothing but whitespace between them, outside an Isomer accordion. */
function isOtherDetails(element: HTMLElement): boolean {
  const [summary, ...answer] = Array.from(element.children);
  return (
    element.parentElement?.getAttribute('data-type') !== 'detailGroup' &&
    summary?.localName === 'summary' &&
    answer.length > 0 &&
    !answer.some((child) => child.localName === 'summary') &&
    onlyWhitespaceText(element) &&
    !Array.from(summary.querySelectorAll('*')).some((el) => BLOCK_TAGS.has(el.localName))
  );
}

/** The one `<div>` after the question: the answer's wrapper. */
function isAnswerWrapper(element: HTMLElement): boolean {
  const siblings = Array.from(element.parentElement?.children ?? []);
  return siblings.length === 2 && siblings[0]?.localName === 'summary' && siblings[1] === element && element.children.length > 0;
}

export const Details = Node.create({
  name: 'details',
  group: 'block',
  content: 'accordionSummary (detailsAnswer | block+)',
  defining: true,
  isolating: true,
  draggable: true,

  addAttributes() {
    return { attributes: allAttributes };
  },

  parseHTML() {
    return [{ tag: 'details', priority: 900, getAttrs: (element) => (isOtherDetails(element) ? null : false) }];
  },

  renderHTML({ node }) {
    return spec('details', { ...(node.attrs['attributes'] as Record<string, string>) }, 0);
  },
});

/** The wrapper `<div>` of an answer, kept with its attributes; its blocks are edited. */
export const DetailsAnswer = Node.create({
  name: 'detailsAnswer',
  content: 'block+',
  defining: true,
  selectable: false,

  addAttributes() {
    return { attributes: allAttributes };
  },

  parseHTML() {
    return [{ tag: 'div', context: 'details/', priority: 1100, getAttrs: (element) => (isAnswerWrapper(element) ? null : false) }];
  },

  renderHTML({ node }) {
    return spec('div', { ...(node.attrs['attributes'] as Record<string, string>) }, 0);
  },
});
