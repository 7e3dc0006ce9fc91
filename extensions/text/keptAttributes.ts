import { Extension, Node, type AnyExtension } from '@tiptap/core';
import { Plugin, PluginKey, type Transaction } from '@tiptap/pm/state';
import { ReplaceStep } from '@tiptap/pm/transform';
import { styleAsWritten } from '../../src/core/domSpec.ts';
import { isAnyElementAttribute } from '../../src/core/genericMarkup.ts';

/**
 * Attributes an editor cannot see or set but a site depends on (its CSS classes, anchors, language,
 * inline styles, data for its scripts): kept on every text node and mark, in the order written, so an
 * edit inside the block writes them back. They are the generic rules' attributes of any element, and
 * `style`; the sanitiser judges their values (sanitize.ts).
 */

const TYPES = [
  'paragraph',
  'heading',
  'blockquote',
  'bulletList',
  'orderedList',
  'listItem',
  'taskList',
  'taskItem',
  'link',
  'bold',
  'italic',
  'underline',
  'strike',
  'code',
  'highlight',
  'subscript',
  'superscript',
];

// Attributes a type reads into attributes of its own (the link's class and title).
const OWN_ATTRIBUTES: Record<string, readonly string[]> = { link: ['class', 'title'] };

function isKept(name: string): boolean {
  return name === 'style' || isAnyElementAttribute(name);
}

/** The kept attributes of an element, in the order written; null when it has none. */
function keptAttributesOf(element: Element, own: readonly string[]): Record<string, string> | null {
  // Read for every element of a page: most have no attributes, and no array is made for those that do.
  if (!element.hasAttributes()) return null;
  let kept: Record<string, string> | null = null;
  const { attributes } = element;
  for (let i = 0; i < attributes.length; i++) {
    const attribute = attributes[i]!;
    if (!isKept(attribute.name) || own.includes(attribute.name)) continue;
    kept ??= {};
    kept[attribute.name] = attribute.value;
  }
  return kept;
}

const KeptAttributes = Extension.create({
  name: 'keptAttributes',
  addGlobalAttributes() {
    return TYPES.map((type) => ({
      types: [type],
      attributes: {
        keptAttributes: {
          default: null,
          // A block split off at its end starts without them (see also `uniqueIds`).
          keepOnSplit: false,
          parseHTML: (element: HTMLElement) => keptAttributesOf(element, OWN_ATTRIBUTES[type] ?? []),
          renderHTML: (attributes: Record<string, unknown>) => (attributes['keptAttributes'] as Record<string, string> | null) ?? {},
        },
      },
    }));
  },
  addProseMirrorPlugins() {
    return [uniqueIds()];
  },
});

/** Whether a transaction split a block (Enter in the middle of one copies its attributes to both halves). */
function splitsBlock(tr: Transaction): boolean {
  return tr.steps.some((step) => step instanceof ReplaceStep && step.slice.openStart > 0 && step.slice.content.childCount > 1);
}

/**
 * After a split, an id that now appears twice is left on the first block only: two blocks with one id
 * would break the anchor that links to it. Only splits are looked at, so typing costs nothing.
 */
function uniqueIds(): Plugin {
  return new Plugin({
    key: new PluginKey('uniqueKeptIds'),
    appendTransaction(transactions, _before, state) {
      if (!transactions.some(splitsBlock)) return null;
      const seen = new Set<string>();
      let tr: Transaction | null = null;
      state.doc.descendants((node, pos) => {
        const kept = node.attrs['keptAttributes'] as Record<string, string> | null | undefined;
        const id = kept?.['id'];
        if (id === undefined) return true;
        if (!seen.has(id)) {
          seen.add(id);
          return true;
        }
        const { id: _duplicate, ...rest } = kept!;
        tr ??= state.tr;
        tr.setNodeMarkup(pos, undefined, { ...node.attrs, keptAttributes: Object.keys(rest).length > 0 ? rest : null });
        return true;
      });
      return tr;
    },
  });
}

/**
 * The extensions, with the kept attributes on the text nodes and marks among them. Those render a kept
 * `style` exactly as written (ProseMirror would write it through the CSSOM, which rewrites it: see
 * `elementSpec`). The attributes come first, so they render in the order they were written.
 */
export function withKeptAttributes(extensions: AnyExtension[]): AnyExtension[] {
  const keepingStyle = (extension: AnyExtension): AnyExtension =>
    !TYPES.includes(extension.name) || extension.type === 'extension'
      ? extension
      : (extension as Node).extend({
          renderHTML(props: Parameters<NonNullable<Node['config']['renderHTML']>>[0]) {
            return styleAsWritten(this.parent!(props));
          },
        });
  return [KeptAttributes, ...extensions.map(keepingStyle)];
}
