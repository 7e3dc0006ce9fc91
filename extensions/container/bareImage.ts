import { Node } from '@tiptap/core';
import type { DOMOutputSpec } from '@tiptap/pm/model';
import { elementSpec as h } from '../../src/core/domSpec.ts';
import { composeImageStyle, parseImageStyle } from '../image/schema.ts';
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

/**
 * An `<img>` standing in text (a logo before a name in a table cell, an icon in a sentence): an inline
 * image, written back with its attributes as written. A link around it stays the text's link mark.
 * Below every block's rules: Isomer's image block and the bare image block win where they match.
 */
export const InlineImage = Node.create({
  name: 'inlineImage',
  group: 'inline',
  inline: true,
  atom: true,
  selectable: true,
  draggable: true,

  addAttributes() {
    return { img: hidden({}) };
  },

  parseHTML() {
    return [{ tag: 'img', priority: 10, getAttrs: (el: HTMLElement) => ({ img: attributesOf(el) }) }];
  },

  renderHTML({ node }) {
    return h('img', { ...(node.attrs['img'] as Record<string, string>) });
  },
});

/** What an editor changes on a bare image. `alt: null` removes the description; `href: null` the link. */
export interface BareImagePatch {
  src?: string;
  alt?: string | null;
  width?: number | null;
  href?: string | null;
}

/** The fields of a bare image an editor sees: its file, description, width in percent and link. */
export function bareImageFields(attrs: BareImageAttrs): { src: string; alt: string | null; width: number | null; href: string | null } {
  return {
    src: attrs.img['src'] ?? '',
    alt: attrs.img['alt'] ?? null,
    width: parseImageStyle(attrs.img['style'] ?? null).width,
    href: attrs.link ? (attrs.link['href'] ?? '') : null,
  };
}

/** A bare image with a change applied; every attribute not changed stays as written, in its place. */
export function patchBareImage(attrs: BareImageAttrs, patch: BareImagePatch): BareImageAttrs {
  const img = { ...attrs.img };
  if (patch.src !== undefined) img['src'] = patch.src;
  if (patch.alt === null) delete img['alt'];
  else if (patch.alt !== undefined) img['alt'] = patch.alt;
  if (patch.width !== undefined) {
    const style = composeImageStyle(patch.width, parseImageStyle(img['style'] ?? null).extraStyle);
    if (style === null) delete img['style'];
    else img['style'] = style;
  }
  let link = attrs.link;
  if (patch.href === null || patch.href === '') link = null;
  else if (patch.href !== undefined) link = { ...(link ?? {}), href: patch.href };
  return { img, link };
}
