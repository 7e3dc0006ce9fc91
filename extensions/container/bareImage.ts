import { Node } from '@tiptap/core';
import type { DOMOutputSpec } from '@tiptap/pm/model';
import { elementSpec as h } from '../../src/core/domSpec.ts';
import { attributesOf, soleImageIn } from './layoutElements.ts';

const hidden = (value: unknown) => ({ default: value, rendered: false, parseHTML: () => null });

/** The attributes of a bare image and of the link around it (null: no link), in source order. */
export interface BareImageAttrs {
  img: Record<string, string>;
  link: Record<string, string> | null;
}

export function bareImageSpec(attrs: BareImageAttrs): DOMOutputSpec {
  const img = h('img', { ...attrs.img });
  return attrs.link ? h('a', { ...attrs.link }, img) : img;
}

/**
 * An `<img>` without Isomer's wrapper, or a link holding only one, inside a layout (a photo in a grid
 * cell): edited as an image, written back as it was, without a wrapper.
 */
export const BareImage = Node.create({
  name: 'bareImage',
  group: 'block',
  atom: true,
  selectable: true,
  draggable: true,

  addAttributes() {
    return { img: hidden({}), link: hidden(null) };
  },

  parseHTML() {
    // Only where a layout holds blocks: in a paragraph an image stays text-level markup.
    return [
      { tag: 'img', context: 'layoutContainer/', getAttrs: (el: HTMLElement) => ({ img: attributesOf(el), link: null }) },
      {
        tag: 'a',
        context: 'layoutContainer/',
        priority: 60,
        getAttrs: (el: HTMLElement) => {
          const img = soleImageIn(el);
          return img ? { img: attributesOf(img), link: attributesOf(el) } : false;
        },
      },
    ];
  },

  renderHTML({ node }) {
    return bareImageSpec(node.attrs as BareImageAttrs);
  },
});
