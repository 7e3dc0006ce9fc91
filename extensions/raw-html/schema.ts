import { Node } from '@tiptap/core';

declare module '@tiptap/core' {
  interface Commands<ReturnType> {
    rawHtml: {
      /** Inserts a raw HTML block holding the given markup verbatim. */
      insertRawHtml: (html: string) => ReturnType;
    };
  }
}

/**
 * Markup that no block understands, held as its exact source text and written back verbatim
 * (after sanitising). In the editor it is a read-only card with an "Edit HTML" view.
 */
export const RawHtml = Node.create({
  name: 'rawHtml',
  group: 'block',
  atom: true,
  selectable: true,
  draggable: true,

  addAttributes() {
    return {
      html: {
        default: '',
        parseHTML: (element) => element.getAttribute('data-raw-html') ?? '',
        renderHTML: (attributes) => ({ 'data-raw-html': attributes['html'] as string }),
      },
    };
  },

  parseHTML() {
    return [{ tag: 'div[data-raw-html]' }];
  },

  renderHTML({ HTMLAttributes }) {
    return ['div', HTMLAttributes];
  },

  addCommands() {
    return {
      insertRawHtml:
        (html) =>
        ({ commands }) =>
          commands.insertContent({ type: this.name, attrs: { html } }),
    };
  },
});
