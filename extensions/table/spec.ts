import { DOMSerializer, type DOMOutputSpec } from '@tiptap/pm/model';
import { domDocument } from '../../src/core/dom.ts';

/**
 * A DOM spec like `[tag, attrs, ...children]`, with attributes set exactly as given. ProseMirror writes
 * `style` through the CSSOM, which rewrites it (`height: 500px` becomes `height: 500px;`, unknown
 * properties such as the CMS's `minWidth` vanish), so an element with a style is built here directly.
 */
export function spec(tag: string, attrs: Record<string, string>, ...children: (DOMOutputSpec | 0)[]): DOMOutputSpec {
  if (attrs['style'] === undefined) return [tag, attrs, ...children] as DOMOutputSpec;
  const doc = domDocument();
  const dom = doc.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) dom.setAttribute(name, value);
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
