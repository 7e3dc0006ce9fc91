import { Node } from '@tiptap/core';

/** The node type of an embed kept as the page publishes it. */
export const PUBLISHED_EMBED_TYPE = 'publishedEmbed';

/**
 * A block holding an iframe from a host off the allowlist, exactly as the page publishes it (the
 * sanitiser kept it because it carries no script). Locked: it can be selected, moved and deleted, never
 * edited, and it is written back byte for byte. Only the codec makes one, from a page's own markup:
 * no HTML parses into it, so pasted or typed markup never does.
 */
export const PublishedEmbed = Node.create({
  name: PUBLISHED_EMBED_TYPE,
  group: 'block',
  atom: true,
  selectable: true,
  draggable: true,

  addAttributes() {
    return {
      html: { default: '', rendered: false },
      hosts: { default: [] as string[], rendered: false },
    };
  },

  parseHTML() {
    return [];
  },

  renderHTML({ node }) {
    // The core puts the markup of a `data-raw-html` placeholder in its place.
    return ['div', { 'data-raw-html': node.attrs['html'] as string }];
  },
});
