import type { NodeViewRenderer } from '@tiptap/core';
import type { Node as PMNode } from '@tiptap/pm/model';

/*
 * The editor's view of an embed (editor only; the page's HTML is untouched). The iframe always has a
 * title here, so that screen reader users know what the frame is even before the editor gives it
 * one, and it ignores the mouse, so that a click selects the block (its settings are in the panel).
 */

function hostOf(src: string): string {
  try {
    return new URL(src).hostname;
  } catch {
    return '';
  }
}

function render(dom: HTMLElement, node: PMNode): void {
  const wrapper = node.attrs['wrapper'] as Record<string, string>;
  const iframe = node.attrs['iframe'] as Record<string, string>;
  for (const name of dom.getAttributeNames()) if (name !== 'contenteditable' && name !== 'draggable') dom.removeAttribute(name);
  for (const [name, value] of Object.entries(wrapper)) dom.setAttribute(name, value);
  dom.classList.add('embed-view');
  dom.replaceChildren();
  if (!iframe['src']) {
    const empty = document.createElement('p');
    empty.className = 'embed-view__empty';
    empty.textContent = 'Embed: paste the address of a video, map or form in the Block settings.';
    empty.style.cssText = 'margin:0;padding:1.5rem;border:1px dashed #98a2b3;background:#f2f4f7;color:#344054;';
    dom.appendChild(empty);
    return;
  }
  const frame = document.createElement('iframe');
  for (const [name, value] of Object.entries(iframe)) frame.setAttribute(name, value);
  if (!frame.getAttribute('title')?.trim()) frame.setAttribute('title', `Embedded content from ${hostOf(iframe['src']) || 'another site'} (no title yet)`);
  frame.setAttribute('tabindex', '-1');
  frame.style.pointerEvents = 'none';
  dom.appendChild(frame);
}

export const embedNodeView: NodeViewRenderer = ({ node }) => {
  let current = node;
  let selected = false;
  const dom = document.createElement('div');
  dom.contentEditable = 'false';
  dom.draggable = true;
  const draw = (next: PMNode) => {
    render(dom, next);
    dom.classList.toggle('ProseMirror-selectednode', selected);
  };
  draw(current);
  return {
    dom,
    update(next) {
      if (next.type !== current.type) return false;
      if (next.attrs['iframe'] !== current.attrs['iframe'] || next.attrs['wrapper'] !== current.attrs['wrapper']) draw(next);
      current = next;
      return true;
    },
    selectNode() {
      selected = true;
      dom.classList.add('ProseMirror-selectednode');
    },
    deselectNode() {
      selected = false;
      dom.classList.remove('ProseMirror-selectednode');
    },
    ignoreMutation() {
      return true;
    },
  };
};
