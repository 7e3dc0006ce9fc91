import { DOMSerializer, type DOMOutputSpec } from '@tiptap/pm/model';
import { domDocument } from './dom.ts';

/**
 * A DOM spec like `[tag, attrs, ...children]`, with attributes set exactly as given (null and undefined
 * values left out). ProseMirror writes `style` through the CSSOM, which rewrites it (`width: 100%`
 * becomes `width: 100%;`, and unknown properties such as the CMS's `minWidth` vanish), so an element
 * with a style is built here directly.
 */
export function elementSpec(
  tag: string,
  attrs: Record<string, string | null | undefined>,
  ...children: (DOMOutputSpec | 0)[]
): DOMOutputSpec {
  const present = Object.fromEntries(Object.entries(attrs).filter((entry): entry is [string, string] => entry[1] != null));
  if (present['style'] === undefined) return [tag, present, ...children] as DOMOutputSpec;
  const doc = domDocument();
  const dom = doc.createElement(tag);
  for (const [name, value] of Object.entries(present)) dom.setAttribute(name, value);
  let contentDOM: HTMLElement | undefined;
  for (const child of children) {
    if (child === 0) {
      contentDOM = dom;
      continue;
    }
    const rendered = DOMSerializer.renderSpec(doc, child);
    dom.appendChild(rendered.dom);
    if (rendered.contentDOM) contentDOM = rendered.contentDOM;
  }
  return contentDOM ? { dom, contentDOM } : dom;
}

/** A spec `[tag, attrs, ...children]` built with `elementSpec` when it has a style, so the style stays as written. */
export function styleAsWritten(spec: DOMOutputSpec): DOMOutputSpec {
  if (!Array.isArray(spec) || typeof spec[0] !== 'string') return spec;
  const [tag, attrs, ...children] = spec as unknown as [string, unknown, ...(DOMOutputSpec | 0)[]];
  const plainAttrs = attrs !== null && typeof attrs === 'object' && !Array.isArray(attrs) && (attrs as { nodeType?: unknown }).nodeType === undefined;
  if (!plainAttrs || (attrs as Record<string, unknown>)['style'] == null) return spec;
  return elementSpec(tag, attrs as Record<string, string | null | undefined>, ...children);
}
