import type { NodeViewRenderer } from '@tiptap/core';
import type { Node as PMNode } from '@tiptap/pm/model';
import { openRawHtmlDialog } from '../../src/editor/rawHtmlDialog.ts';
import { scopedToCanvas } from './schema.ts';

/**
 * Page styles in the canvas: a chip ("Page styles", "Edit CSS") and the CSS itself, scoped to the
 * canvas. The sanitiser has removed anything that loads or runs before the CSS gets here.
 */
export const pageStylesNodeView: NodeViewRenderer = ({ node, editor, getPos }) => {
  let current: PMNode = node;
  const dom = document.createElement('div');
  dom.className = 'page-styles-chip';
  dom.contentEditable = 'false';
  dom.setAttribute('data-testid', 'page-styles');

  const label = document.createElement('span');
  label.className = 'page-styles-chip__label';
  label.textContent = 'Page styles';
  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'button button--small';
  button.textContent = 'Edit CSS';
  button.hidden = !editor.isEditable;
  const style = document.createElement('style');
  style.textContent = scopedToCanvas(current.attrs['css'] as string);
  dom.append(label, button, style);

  button.addEventListener('click', (event) => {
    event.preventDefault();
    openRawHtmlDialog(
      current.attrs['css'] as string,
      (css) => {
        const pos = getPos();
        if (typeof pos !== 'number') return;
        editor.view.dispatch(editor.state.tr.setNodeMarkup(pos, undefined, { ...current.attrs, css }));
        editor.chain().setNodeSelection(pos).focus().run();
      },
      button,
      { title: 'Edit page styles', help: 'The CSS of this page, written as it is. Anything that loads or runs something (@import, remote fonts, scripts) is removed when the page is saved.', label: 'CSS code' },
    );
  });

  return {
    dom,
    update(next) {
      if (next.type !== current.type) return false;
      if (next.attrs['css'] !== current.attrs['css']) style.textContent = scopedToCanvas(next.attrs['css'] as string);
      current = next;
      button.hidden = !editor.isEditable;
      return true;
    },
    selectNode: () => dom.classList.add('is-selected'),
    deselectNode: () => dom.classList.remove('is-selected'),
    stopEvent: (event) => event.target instanceof Node && button.contains(event.target),
    ignoreMutation: () => true,
  };
};
