import { Extension, mergeAttributes } from '@tiptap/core';
import { Blockquote } from '@tiptap/extension-blockquote';
import { Bold } from '@tiptap/extension-bold';
import { Code } from '@tiptap/extension-code';
import { CodeBlock } from '@tiptap/extension-code-block';
import { Document } from '@tiptap/extension-document';
import { HardBreak } from '@tiptap/extension-hard-break';
import { Heading } from '@tiptap/extension-heading';
import Highlight from '@tiptap/extension-highlight';
import { Italic } from '@tiptap/extension-italic';
import { BulletList, ListItem, ListKeymap, OrderedList, TaskItem, TaskList } from '@tiptap/extension-list';
import { Paragraph } from '@tiptap/extension-paragraph';
import { Strike } from '@tiptap/extension-strike';
import Subscript from '@tiptap/extension-subscript';
import Superscript from '@tiptap/extension-superscript';
import { Text } from '@tiptap/extension-text';
import { Underline } from '@tiptap/extension-underline';
// Subpaths: the package's index would bring the drop cursor (loaded later, see above) along.
import { Gapcursor } from '@tiptap/extensions/gap-cursor';
import { UndoRedo } from '@tiptap/extensions/undo-redo';
import { withKeptAttributes } from './keptAttributes.ts';
import { IsomerLink } from './link.ts';

/** Isomer writes tight lists as `<ul data-tight="true" class="tight">`; the flag survives edits. */
export const TightLists = Extension.create({
  name: 'tightLists',
  addGlobalAttributes() {
    return [
      {
        types: ['bulletList', 'orderedList', 'taskList'],
        attributes: {
          tight: {
            default: null,
            parseHTML: (element) =>
              element.getAttribute('data-tight') === 'true' || element.classList.contains('tight') ? true : null,
            renderHTML: (attributes) => (attributes['tight'] ? { 'data-tight': 'true', class: 'tight' } : {}),
          },
        },
      },
    ];
  },
});

/**
 * A numbered list keeps `start`, `type` and `reversed` as written: TipTap's would also read a `type`
 * from a `list-style-type` in its style (and write one the page never had), leave out `start="1"` and
 * `type="1"`, and drop `reversed`.
 */
const OrderedListAsWritten = OrderedList.extend({
  addAttributes() {
    return {
      ...this.parent?.(),
      type: { default: null, parseHTML: (element: HTMLElement) => element.getAttribute('type') },
      reversed: { default: null, parseHTML: (element: HTMLElement) => element.getAttribute('reversed') },
      startWritten: { default: false, rendered: false, parseHTML: (element: HTMLElement) => element.hasAttribute('start') },
    };
  },
  renderHTML({ HTMLAttributes, node }) {
    const { start, type, ...rest } = HTMLAttributes as Record<string, unknown>;
    const attrs = mergeAttributes(this.options.HTMLAttributes, rest);
    if (start !== 1 || node.attrs['startWritten'] === true) attrs['start'] = start;
    if (type) attrs['type'] = type;
    return ['ol', attrs, 0];
  },
});

/**
 * Inline code may sit inside a link (`<a href><code>yaml</code></a>`, common in documentation); it still
 * takes no other formatting.
 */
const CodeInLinks = Code.extend({
  excludes: 'bold italic underline strike highlight subscript superscript',
});

/** A list item may start with a heading (`* ###### Term` in markdown), not only a paragraph. */
const ListItemOpeningWithHeading = ListItem.extend({
  content: '(paragraph | heading) block*',
});

/**
 * Lists are edited item by item: the core keeps where each item sits in the list's source, so an edit in
 * one item rewrites that item only, in the markup of its neighbours. A list written directly in a list
 * (`<ol><li>…</li><ol>…</ol>`) belongs to the item before it.
 */
export const ListsByItem = Extension.create({
  name: 'listsByItem',
  extendNodeSchema(extension) {
    return extension.name === 'bulletList' || extension.name === 'orderedList' ? { childSources: { joinPrevious: ['ol', 'ul'] } } : {};
  },
});

/**
 * The extensions of TipTap's starter kit, in its order, without its trailing paragraph (the editor must
 * not add a paragraph nobody typed: export would then differ from the file), its horizontal rule (the
 * divider is its own block, extensions/divider), its link (./link.ts) and its drop cursor (shown only
 * while dragging, it loads after the page shows: src/editor/blockNodeViews.ts). Listed here rather than
 * through the kit, whose module would bring the link extension's URL finder into the first download.
 */
export const textExtensions = withKeptAttributes([
  Bold,
  Blockquote,
  BulletList,
  CodeInLinks,
  CodeBlock,
  Document,
  Gapcursor,
  HardBreak,
  Heading,
  UndoRedo,
  Italic,
  ListItemOpeningWithHeading,
  ListKeymap,
  OrderedListAsWritten,
  Paragraph,
  Strike,
  Text,
  Underline,
  IsomerLink,
  Highlight,
  Superscript,
  Subscript,
  TaskList,
  TaskItem.configure({ nested: true }),
  TightLists,
  ListsByItem,
]);
