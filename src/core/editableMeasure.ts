import type { Node as PMNode } from '@tiptap/pm/model';
import { domWindow } from './dom.ts';

/** How much of a page's body text an editor can change visually, and how much only as HTML. */
export interface EditableMeasure {
  /** Characters of body text (whitespace not counted), in visual blocks and raw blocks together. */
  bodyTextChars: number;
  /** Of those, the characters inside raw HTML blocks. */
  rawTextChars: number;
  /** Raw HTML blocks holding text (a block of styles, scripts or comments only does not count). */
  rawBlocks: number;
}

// Raw blocks: a top-level one, and one in its place inside a layout (extensions/container).
const RAW_TYPES = new Set(['rawHtml', 'layoutRaw']);
// Elements whose content is not text a reader sees.
const UNSEEN = 'style, script, template, noscript';
// A Liquid comment (`{% comment %}…{% endcomment %}`, with or without `-`) is a note to editors, never published.
const LIQUID_COMMENT = /\{%-?\s*comment\s*-?%\}[\s\S]*?\{%-?\s*endcomment\s*-?%\}/g;

/** The measure of a document as the editor opens it: raw blocks anywhere in it, nested ones included. */
export function measureEditable(doc: PMNode): EditableMeasure {
  const measure: EditableMeasure = { bodyTextChars: 0, rawTextChars: 0, rawBlocks: 0 };
  doc.descendants((node) => {
    if (RAW_TYPES.has(node.type.name)) {
      const chars = visibleChars(node.attrs['html'] as string);
      if (chars > 0) measure.rawBlocks++;
      measure.rawTextChars += chars;
      measure.bodyTextChars += chars;
      return false;
    }
    if (node.isTextblock) {
      measure.bodyTextChars += countChars(node.textContent.replace(LIQUID_COMMENT, ''));
      return false;
    }
    if (node.isText) measure.bodyTextChars += countChars(node.text ?? '');
    return true;
  });
  return measure;
}

/** The characters a reader sees in a piece of markup: its text, without styles, scripts and comments (HTML or Liquid). */
function visibleChars(html: string): number {
  const template = domWindow().document.createElement('template');
  template.innerHTML = html.replace(LIQUID_COMMENT, '');
  for (const unseen of Array.from(template.content.querySelectorAll(UNSEEN))) unseen.remove();
  return countChars(template.content.textContent ?? '');
}

function countChars(text: string): number {
  return text.replace(/\s+/g, '').length;
}
