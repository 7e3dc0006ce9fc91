import { Node } from '@tiptap/core';
import { type DOMOutputSpec, type Node as PMNode } from '@tiptap/pm/model';
import { NodeSelection, type Transaction } from '@tiptap/pm/state';
import { elementSpec as h } from '../../src/core/domSpec.ts';
import { insertBlock } from '../../src/core/insertBlock.ts';
import { touchesNodeTypes } from '../../src/core/touchesNodeTypes.ts';

declare module '@tiptap/core' {
  interface Commands<ReturnType> {
    isomerImage: {
      /**
       * Inserts an Isomer image, or updates the selected one. `width` is a percentage (1–100);
       * `href` wraps the image in a link (an empty string removes the link). `alt: ''` marks the image
       * as decorative; `alt: null` leaves it undescribed (the editor then asks for a description).
       */
      setIsomerImage: (options: { src: string; alt: string | null; width?: number; href?: string }) => ReturnType;
    };
  }
}

/** Attributes of an element that a block does not manage, kept in source order so that nothing is dropped. */
export type ExtraAttributes = Record<string, string>;

export const IMAGE_WRAPPER_CLASS = 'isomer-image-wrapper';
const DEFAULT_WIDTH = 100;

/** What an Isomer image holds: the `<img>` itself, independent of the wrapper around it. */
export interface ImageAttrs {
  src: string;
  /** null: no alt attribute at all; '': a decorative image. */
  alt: string | null;
  /** Display width in percent, from `style="width: N%"`; null when the style sets none. */
  width: number | null;
  /** Style declarations other than the width, as written. */
  extraStyle: string;
  /** The style attribute exactly as it was read; written back while it still says the same. */
  styleSource: string | null;
  /** The `height` and `width` attributes of the `<img>`, kept as written (null: absent). */
  heightAttr: string | null;
  widthAttr: string | null;
  /** Any other `<img>` attribute (class, id, title, loading…). */
  imgExtra: ExtraAttributes;
}

const MANAGED_IMG_ATTRIBUTES = new Set(['src', 'alt', 'style', 'height', 'width']);

interface ParsedStyle {
  width: number | null;
  extraStyle: string;
}

/** Splits a style attribute into the width percentage and the other declarations. */
export function parseImageStyle(style: string | null): ParsedStyle {
  if (style === null) return { width: null, extraStyle: '' };
  let width: number | null = null;
  const rest: string[] = [];
  for (const declaration of style.split(';')) {
    const trimmed = declaration.trim();
    if (trimmed === '') continue;
    const match = /^width\s*:\s*(\d+(?:\.\d+)?)\s*%$/i.exec(trimmed);
    if (match && width === null) width = Number(match[1]);
    else rest.push(trimmed);
  }
  return { width, extraStyle: rest.join('; ') };
}

/** The style attribute for a width and other declarations, in the form Isomer writes (`width: 100%`). */
export function composeImageStyle(width: number | null, extraStyle: string): string | null {
  const parts = [];
  if (width !== null) parts.push(`width: ${width}%`);
  if (extraStyle.trim() !== '') parts.push(extraStyle.trim());
  return parts.length > 0 ? parts.join('; ') : null;
}

function styleFor(attrs: ImageAttrs): string | null {
  if (attrs.styleSource !== null) {
    const read = parseImageStyle(attrs.styleSource);
    if (read.width === attrs.width && read.extraStyle === attrs.extraStyle) return attrs.styleSource;
  }
  return composeImageStyle(attrs.width, attrs.extraStyle);
}

/** Reads an `<img>` element. */
export function readImage(img: Element): ImageAttrs {
  const styleSource = img.getAttribute('style');
  const { width, extraStyle } = parseImageStyle(styleSource);
  const imgExtra: ExtraAttributes = {};
  for (const attribute of Array.from(img.attributes)) {
    if (!MANAGED_IMG_ATTRIBUTES.has(attribute.name)) imgExtra[attribute.name] = attribute.value;
  }
  return {
    src: img.getAttribute('src') ?? '',
    alt: img.getAttribute('alt'),
    width,
    extraStyle,
    styleSource,
    heightAttr: img.getAttribute('height'),
    widthAttr: img.getAttribute('width'),
    imgExtra,
  };
}

/** The `<img>` as Isomer writes it: style, height, width, alt, src, then anything else it had. */
export function imageSpec(attrs: ImageAttrs): DOMOutputSpec {
  const out: Record<string, string | null> = {
    style: styleFor(attrs),
    height: attrs.heightAttr,
    width: attrs.widthAttr,
    alt: attrs.alt,
    src: attrs.src,
  };
  for (const [name, value] of Object.entries(attrs.imgExtra ?? {})) {
    if (!(name in out)) out[name] = value;
  }
  return h('img', out);
}


/** Attribute specs for the image fields, for any node that holds an image (the image block, a card). */
export function imageAttributeSpecs(prefix = '') {
  const hidden = (value: unknown) => ({ default: value, rendered: false, parseHTML: () => null });
  return {
    [`${prefix}src`]: hidden(''),
    [`${prefix}alt`]: hidden(''),
    [`${prefix}width`]: hidden(DEFAULT_WIDTH),
    [`${prefix}extraStyle`]: hidden(''),
    [`${prefix}styleSource`]: hidden(null),
    [`${prefix}heightAttr`]: hidden('auto'),
    [`${prefix}widthAttr`]: hidden('100%'),
    [`${prefix}imgExtra`]: hidden({}),
  };
}

/** Wrapper element attributes other than the ones the block writes itself. */
export function readExtras(element: Element, managed: readonly string[], ownClasses: readonly string[]): { extraClass: string; extra: ExtraAttributes } {
  const extra: ExtraAttributes = {};
  for (const attribute of Array.from(element.attributes)) {
    if (attribute.name !== 'class' && !managed.includes(attribute.name)) extra[attribute.name] = attribute.value;
  }
  const extraClass = Array.from(element.classList)
    .filter((c) => !ownClasses.includes(c))
    .join(' ');
  return { extraClass, extra };
}

/** Adds a block's extra class and attributes to the attributes it writes itself. */
export function withExtras(own: Record<string, string | null>, ownClass: string, extraClass: string, extra: ExtraAttributes): Record<string, string | null> {
  const out: Record<string, string | null> = { class: extraClass ? `${ownClass} ${extraClass}` : ownClass, ...own };
  for (const [name, value] of Object.entries(extra ?? {})) {
    if (!(name in out)) out[name] = value;
  }
  return out;
}

/** The one `<img>` an image wrapper holds, with nothing else but whitespace beside it; null otherwise. */
export function soleImage(wrapper: Element): Element | null {
  let image: Element | null = null;
  for (const child of Array.from(wrapper.childNodes)) {
    if (child.nodeType === 1) {
      if (image || (child as Element).localName !== 'img') return null;
      image = child as Element;
    } else if (child.nodeType !== 3 || !/^\s*$/.test(child.textContent ?? '')) {
      // Text or a comment beside the image would be lost on edit.
      return null;
    }
  }
  return image;
}

export interface ImageIssue {
  level: 'warning' | 'error';
  message: string;
}

/** An image needs a description: it has no alt at all, or a blank one (an empty alt marks it decorative). */
export function lacksAlt(alt: string | null | undefined): boolean {
  return alt === null || alt === undefined || (alt !== '' && alt.trim() === '');
}

/** Node types that hold an image with alt text: page images and card images. */
const IMAGE_NODE_TYPES = new Set(['isomerImage', 'cardImage']);

/** Where the images that lack a description are, in document order. */
export function imagesWithoutAlt(doc: PMNode): number[] {
  const found: number[] = [];
  doc.descendants((node, pos) => {
    if (IMAGE_NODE_TYPES.has(node.type.name) && lacksAlt(node.attrs['alt'] as string | null)) found.push(pos);
    // Images sit in top-level blocks and cards; text never holds one.
    return !node.isTextblock;
  });
  return found;
}

/** Whether a transaction may have added, removed or changed an image (see touchesNodeTypes). */
export function touchesImages(tr: Transaction): boolean {
  return touchesNodeTypes(tr, IMAGE_NODE_TYPES);
}

/** Warnings for an editor about an image's settings. */
export function imageIssues(attrs: Partial<ImageAttrs> & { src?: string }): ImageIssue[] {
  const issues: ImageIssue[] = [];
  if (!attrs.src || attrs.src.trim() === '') issues.push({ level: 'warning', message: 'The image has no file.' });
  if (attrs.alt === null || attrs.alt === undefined) {
    issues.push({ level: 'warning', message: 'Describe the image for people who cannot see it, or mark it as decorative.' });
  } else if (attrs.alt !== '' && attrs.alt.trim() === '') {
    issues.push({ level: 'warning', message: 'The image description is blank: write one, or mark the image as decorative.' });
  }
  if (attrs.width !== null && attrs.width !== undefined && (!Number.isFinite(attrs.width) || attrs.width < 1 || attrs.width > 100)) {
    issues.push({ level: 'warning', message: `The width must be between 1% and 100% (it is ${attrs.width}%).` });
  }
  return issues;
}

const WRAPPER_LINK_ATTRIBUTES = ['href', 'target', 'rel'];

/** Reads a wrapper (`div` or `a` with class isomer-image-wrapper) holding one image; false when it is something else. */
function readWrapper(element: HTMLElement): Record<string, unknown> | false {
  const img = soleImage(element);
  if (!img) return false;
  const isLink = element.localName === 'a';
  const { extraClass, extra } = readExtras(element, isLink ? WRAPPER_LINK_ATTRIBUTES : [], [IMAGE_WRAPPER_CLASS]);
  return {
    ...readImage(img),
    href: isLink ? (element.getAttribute('href') ?? '') : null,
    target: isLink ? element.getAttribute('target') : null,
    rel: isLink ? element.getAttribute('rel') : null,
    wrapperClass: extraClass,
    wrapperExtra: extra,
  };
}

/**
 * An Isomer image: `<div class="isomer-image-wrapper"><img …></div>`, or `<a class="isomer-image-wrapper"
 * href="…"><img …></a>` when it is a link. Every attribute it does not manage is kept.
 */
export const IsomerImage = Node.create({
  name: 'isomerImage',
  group: 'block',
  atom: true,
  selectable: true,
  draggable: true,

  addAttributes() {
    const hidden = (value: unknown) => ({ default: value, rendered: false, parseHTML: () => null });
    return {
      ...imageAttributeSpecs(),
      /** null: not a link. */
      href: hidden(null),
      target: hidden(null),
      rel: hidden(null),
      wrapperClass: hidden(''),
      wrapperExtra: hidden({}),
    };
  },

  parseHTML() {
    return [
      { tag: `div.${IMAGE_WRAPPER_CLASS}`, priority: 1000, getAttrs: (el) => readWrapper(el) },
      { tag: `a.${IMAGE_WRAPPER_CLASS}`, priority: 1000, getAttrs: (el) => readWrapper(el) },
    ];
  },

  renderHTML({ node }) {
    const a = node.attrs;
    const img = imageSpec(a as unknown as ImageAttrs);
    const extraClass = a['wrapperClass'] as string;
    const extra = a['wrapperExtra'] as ExtraAttributes;
    if (a['href'] !== null && a['href'] !== undefined) {
      const own = { href: a['href'] as string, target: a['target'] as string | null, rel: a['rel'] as string | null };
      return h('a', withExtras(own, IMAGE_WRAPPER_CLASS, extraClass, extra), img);
    }
    return h('div', withExtras({}, IMAGE_WRAPPER_CLASS, extraClass, extra), img);
  },

  addCommands() {
    return {
      setIsomerImage:
        ({ src, alt, width, href }) =>
        ({ state, commands, tr, dispatch }) => {
          const selected = (state.selection as { node?: { type: { name: string } } }).node;
          const patch: Record<string, unknown> = { src, alt };
          if (width !== undefined) patch['width'] = width;
          if (href === '') Object.assign(patch, { href: null, target: null, rel: null });
          else if (href !== undefined) patch['href'] = href;
          if (selected && selected.type.name === this.name) return commands.updateAttributes(this.name, patch);
          if (dispatch) {
            const inserted = insertBlock(tr, this.type.create(patch));
            if (inserted === -1) return false;
            // Selected, so that its settings are at hand.
            tr.setSelection(NodeSelection.create(tr.doc, inserted));
            tr.scrollIntoView();
          }
          return true;
        },
    };
  },
});
