import type { NodeViewRenderer } from '@tiptap/core';
import type { Node as PMNode } from '@tiptap/pm/model';
import { layoutName } from './layoutElements.ts';

const UNSAFE_ATTRIBUTE = /^on/i;

function build(node: PMNode): HTMLElement {
  const dom = document.createElement(node.attrs['tag'] as string);
  for (const [name, value] of Object.entries(node.attrs['attributes'] as Record<string, string>)) {
    // The page's markup is sanitised on import; handlers never reach the canvas all the same.
    if (!UNSAFE_ATTRIBUTE.test(name)) dom.setAttribute(name, value);
  }
  dom.classList.add('layout-container');
  dom.setAttribute('data-layout-label', layoutName(node.attrs['tag'] as string, node.attrs['attributes'] as Record<string, string>));
  return dom;
}

/**
 * A layout in the canvas: its own element with the site's classes, so the page's CSS lays it out as
 * the site does, plus an outline and label on hover or selection (CSS in ./index.ts). Plain DOM, not
 * React: a page may hold hundreds of them.
 */
export const layoutContainerNodeView: NodeViewRenderer = ({ node }) => {
  const dom = build(node);
  return {
    dom,
    contentDOM: dom,
    update(next) {
      if (next.type !== node.type || next.attrs['tag'] !== node.attrs['tag'] || JSON.stringify(next.attrs['attributes']) !== JSON.stringify(node.attrs['attributes'])) {
        return false;
      }
      return true;
    },
    ignoreMutation(mutation) {
      // Class changes made for selection are the view's own.
      return mutation.type === 'attributes';
    },
  };
};
