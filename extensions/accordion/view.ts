import type { NodeViewRenderer } from '@tiptap/core';
import type { Node as PMNode } from '@tiptap/pm/model';
import { Plugin, PluginKey } from '@tiptap/pm/state';

/*
 * The editor's view of an accordion item (editor only; the page's HTML stays `<details>`). A native
 * `<details>` toggles when its summary is clicked, which takes the click away from typing the
 * question. Here the item is a plain element: the question is typed in place, and a button beside
 * it opens and closes the answer. Opening or closing changes nothing in the page.
 */

const STYLE_ID = 'accordion-item-view-css';
const CSS = `
.isomer-accordion .accordion-item-view { position: relative; }
.isomer-accordion .accordion-item-view summary {
  display: block; list-style: none; cursor: text;
  padding: 1rem 3.25rem 1rem 1rem; font-size: 20px; line-height: 1.5; color: #344054; font-weight: 700;
}
.isomer-accordion .accordion-item-view summary::-webkit-details-marker { display: none; }
.isomer-accordion .accordion-item-view:not(.is-open) .isomer-details-content { display: none; }
.accordion-item-view__toggle {
  position: absolute; right: 0.5rem; top: 0.75rem; width: 2.25rem; height: 2.25rem;
  display: flex; align-items: center; justify-content: center;
  border: 1px solid transparent; border-radius: 4px; background: transparent; color: #344054; cursor: pointer; padding: 0;
}
.accordion-item-view__toggle:hover { border-color: #d4d4d4; background: rgba(0, 0, 0, 0.04); }
.accordion-item-view__toggle:focus-visible { outline: 2px solid #1d4ed8; outline-offset: 1px; }
.accordion-item-view__toggle::after {
  content: ''; width: 0.55rem; height: 0.55rem;
  border-right: 2px solid currentColor; border-bottom: 2px solid currentColor;
  transform: translateY(-25%) rotate(45deg); transition: transform 0.2s ease;
}
.accordion-item-view.is-open > .accordion-item-view__toggle::after { transform: translateY(25%) rotate(-135deg); }
`;

function injectCss(doc: Document): void {
  if (doc.getElementById(STYLE_ID)) return;
  const style = doc.createElement('style');
  style.id = STYLE_ID;
  style.textContent = CSS;
  doc.head.appendChild(style);
}

/** Each item view's way to open its answer, found from the view's element. */
const openers = new WeakMap<Node, () => void>();

/**
 * Opens the answer the cursor goes into (arrow keys, Enter in the question, a search). One check per
 * selection change for the whole page, over the ancestors of the cursor: a check in every closed
 * item would cost each keystroke a position lookup per item on a page of many accordions. Registered
 * with the item views (src/editor/blockNodeViews.ts), which it needs.
 */
export function openAnswerOnSelectionPlugin(): Plugin {
  return new Plugin({
    key: new PluginKey('openAnswerOnSelection'),
    view: () => ({
      update(view, previous) {
        if (view.state.selection.eq(previous.selection)) return;
        const { $from } = view.state.selection;
        for (let depth = $from.depth; depth > 0; depth--) {
          const item = $from.node(depth);
          if (item.type.name !== 'accordionItem') continue;
          const answerStart = $from.before(depth) + 1 + (item.firstChild?.nodeSize ?? 0);
          if ($from.pos > answerStart) {
            const dom = view.nodeDOM($from.before(depth));
            if (dom) openers.get(dom)?.();
          }
        }
      },
    }),
  });
}

export const accordionItemNodeView: NodeViewRenderer = ({ node }) => {
  injectCss(document);
  let current: PMNode = node;
  // New items (no question yet) start open, so that the answer can be typed at once.
  let open = Boolean(node.attrs['open']) || node.textContent.trim() === '';

  const dom = document.createElement('div');
  const toggle = document.createElement('button');
  toggle.type = 'button';
  toggle.className = 'accordion-item-view__toggle';
  toggle.contentEditable = 'false';
  const content = document.createElement('div');
  content.className = 'accordion-item-view__body';
  dom.append(toggle, content);

  const render = () => {
    const classes = (current.attrs['classes'] as string) || 'isomer-details';
    dom.className = `${classes} accordion-item-view${open ? ' is-open' : ''}`;
    const question = current.firstChild?.textContent.trim() ?? '';
    toggle.setAttribute('aria-expanded', String(open));
    toggle.setAttribute('aria-label', `${open ? 'Close' : 'Open'} the answer${question ? ` to “${question.slice(0, 80)}”` : ''}`);
  };
  render();

  const setOpen = (next: boolean) => {
    if (open === next) return;
    open = next;
    render();
  };

  toggle.addEventListener('mousedown', (event) => event.preventDefault());
  toggle.addEventListener('click', (event) => {
    event.preventDefault();
    setOpen(!open);
  });

  // The answer opens when the cursor goes into it (OpenAnswerOnSelection).
  openers.set(dom, () => setOpen(true));

  return {
    dom,
    contentDOM: content,
    update(next) {
      if (next.type !== current.type) return false;
      current = next;
      render();
      return true;
    },
    stopEvent(event) {
      return event.target instanceof Node && toggle.contains(event.target);
    },
    ignoreMutation(mutation) {
      // Our own class and button changes are not content.
      return mutation.type !== 'selection' && !content.contains(mutation.target);
    },
  };
};

/**
 * The editor's view of a `<details>` in other markup (details.ts): a plain element with the same
 * attributes, its answer always shown, so that a click in the question types instead of toggling.
 */
export const detailsNodeView: NodeViewRenderer = ({ node }) => {
  const dom = document.createElement('div');
  const attributes = node.attrs['attributes'] as Record<string, string>;
  for (const [name, value] of Object.entries(attributes)) {
    if (name !== 'open' && !/^on/i.test(name)) dom.setAttribute(name, value);
  }
  dom.classList.add('details-view');
  return {
    dom,
    contentDOM: dom,
    update: (next) => next.type === node.type && next.attrs['attributes'] === attributes,
  };
};
