import type { NodeViewRenderer } from '@tiptap/core';
import type { Node as PMNode } from '@tiptap/pm/model';
import { openRawHtmlDialog } from './rawHtmlDialog.ts';
import { renderedHtml, showsRendered } from './rawHtmlRendering.ts';

const PREVIEW_CHARS = 1200;
let cardCount = 0;

function codePreview(html: string): string {
  const text = html.trim();
  return text.length > PREVIEW_CHARS ? `${text.slice(0, PREVIEW_CHARS)}…` : text || '(empty)';
}

/**
 * A raw HTML block in the editor: a read-only card showing its markup rendered as the site shows it
 * (sanitised and inert, see rawHtmlRendering.ts), its code on demand ("Show HTML"), and an "Edit HTML"
 * button. Markup that shows nothing rendered (Liquid, comments, styles) shows its code at once. The
 * change is one undoable transaction.
 */
export const rawHtmlNodeView: NodeViewRenderer = ({ node, editor, getPos }) => {
  let current: PMNode = node;

  const dom = document.createElement('div');
  dom.className = 'raw-html-card';
  dom.contentEditable = 'false';
  dom.setAttribute('data-testid', 'raw-html-block');

  const header = document.createElement('div');
  header.className = 'raw-html-card__header';
  const label = document.createElement('span');
  label.className = 'raw-html-card__label';
  label.textContent = 'HTML block — kept as written';
  header.appendChild(label);

  const actions = document.createElement('span');
  actions.className = 'raw-html-card__actions';
  const toggle = document.createElement('button');
  toggle.type = 'button';
  toggle.className = 'button button--small';
  toggle.textContent = 'Show HTML';
  actions.appendChild(toggle);
  header.appendChild(actions);

  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'button button--small';
  button.textContent = 'Edit HTML';
  button.setAttribute('aria-label', 'Edit HTML');
  button.hidden = !editor.isEditable;
  actions.appendChild(button);

  const code = document.createElement('pre');
  code.className = 'raw-html-card__code';
  code.textContent = codePreview(current.attrs['html'] as string);
  // A long block scrolls inside its box: keyboard users reach it with Tab and scroll it with the arrows.
  code.tabIndex = 0;
  code.setAttribute('role', 'group');
  code.setAttribute('aria-label', 'HTML of this block');

  const view = renderedHtml(current.attrs['html'] as string);
  const codeId = `raw-html-code-${++cardCount}`;
  code.id = codeId;
  toggle.setAttribute('aria-controls', codeId);
  const showCode = (shown: boolean) => {
    code.hidden = !shown;
    toggle.setAttribute('aria-expanded', String(shown));
  };
  const showView = (html: string) => {
    const rendered = showsRendered(html);
    view.host.hidden = !rendered;
    toggle.hidden = !rendered;
    showCode(!rendered);
  };
  showView(current.attrs['html'] as string);
  toggle.addEventListener('click', (event) => {
    event.preventDefault();
    showCode(toggle.getAttribute('aria-expanded') !== 'true');
  });

  dom.append(header, view.host, code);

  button.addEventListener('click', (event) => {
    event.preventDefault();
    openRawHtmlDialog(
      current.attrs['html'] as string,
      (html) => {
        const pos = getPos();
        if (typeof pos !== 'number') return;
        editor.view.dispatch(editor.state.tr.setNodeMarkup(pos, undefined, { ...current.attrs, html }));
        // Back to the page with the block selected, so Ctrl+Z undoes the change at once.
        editor.chain().setNodeSelection(pos).focus().run();
      },
      button,
    );
  });

  return {
    dom,
    update(next) {
      if (next.type !== current.type) return false;
      if (next.attrs['html'] !== current.attrs['html']) {
        const html = next.attrs['html'] as string;
        code.textContent = codePreview(html);
        view.update(html);
        showView(html);
      }
      current = next;
      button.hidden = !editor.isEditable;
      return true;
    },
    selectNode() {
      dom.classList.add('is-selected');
    },
    deselectNode() {
      dom.classList.remove('is-selected');
    },
    stopEvent(event) {
      if (!(event.target instanceof Node)) return false;
      // Keys pressed in the focused code box scroll it; a click on it still selects the block.
      return actions.contains(event.target) || (event.type.startsWith('key') && code.contains(event.target));
    },
    ignoreMutation() {
      return true;
    },
    destroy() {
      view.destroy();
    },
  };
};
