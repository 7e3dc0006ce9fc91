import { Node } from '@tiptap/core';
import { attributesOf } from '../container/layoutElements.ts';

const hidden = (value: unknown) => ({ default: value, rendered: false, parseHTML: () => null });

/**
 * The page's own `<style>` element, kept as written: a small chip in the canvas, whose CSS is applied
 * there (scoped to the canvas) and in the preview, so the page looks as it is published.
 */
export const PageStyles = Node.create({
  name: 'pageStyles',
  group: 'block',
  atom: true,
  selectable: true,
  draggable: true,

  addAttributes() {
    return { css: hidden(''), attributes: hidden({}) };
  },

  parseHTML() {
    return [{ tag: 'style', getAttrs: (el: HTMLElement) => ({ css: el.textContent ?? '', attributes: attributesOf(el) }) }];
  },

  renderHTML({ node }) {
    return ['style', { ...(node.attrs['attributes'] as Record<string, string>) }, node.attrs['css'] as string];
  },
});

/** The page's CSS for the canvas: applied only inside it (`@scope`), never to the editor around it. */
export function scopedToCanvas(css: string): string {
  // A closing `</style` cannot occur in a style element's text; nothing else can leave the block.
  return `@scope (.isomer-canvas .ProseMirror) {\n${css}\n}`;
}
