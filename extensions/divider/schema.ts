import { Node, nodeInputRule } from '@tiptap/core';
import { elementSpec as h } from '../../src/core/domSpec.ts';
import { caretAfterBlock, insertBlock } from '../../src/core/insertBlock.ts';
import type { ExtraAttributes } from '../image/schema.ts';

declare module '@tiptap/core' {
  interface Commands<ReturnType> {
    divider: {
      /** Inserts a divider (`<hr>`) at the selection. */
      insertDivider: () => ReturnType;
    };
  }
}

/** A horizontal rule, `<hr>`, as a block of its own. Any attribute it was written with is kept. */
export const Divider = Node.create({
  name: 'divider',
  group: 'block',
  atom: true,
  selectable: true,
  draggable: true,

  addAttributes() {
    return { extra: { default: {}, rendered: false, parseHTML: () => null } };
  },

  parseHTML() {
    return [
      {
        tag: 'hr',
        priority: 1000,
        getAttrs: (el) => {
          const extra: ExtraAttributes = {};
          for (const attribute of Array.from(el.attributes)) extra[attribute.name] = attribute.value;
          return { extra };
        },
      },
    ];
  },

  renderHTML({ node }) {
    return h('hr', { ...(node.attrs['extra'] as ExtraAttributes) });
  },

  addCommands() {
    return {
      insertDivider:
        () =>
        ({ tr, dispatch }) => {
          if (dispatch) {
            const pos = insertBlock(tr, this.type.create());
            if (pos === -1) return false;
            // A divider has no settings: typing goes on below it (never replaces it).
            caretAfterBlock(tr, pos);
            tr.scrollIntoView();
          }
          return true;
        },
    };
  },

  addInputRules() {
    // Typing --- (or ___ / *** followed by a space) on an empty line makes a divider.
    return [nodeInputRule({ find: /^(?:---|—-|___\s|\*\*\*\s)$/, type: this.type })];
  },
});
