import { Extension } from '@tiptap/core';
import Highlight from '@tiptap/extension-highlight';
import Link from '@tiptap/extension-link';
import { TaskItem, TaskList } from '@tiptap/extension-list';
import Subscript from '@tiptap/extension-subscript';
import Superscript from '@tiptap/extension-superscript';
import StarterKit from '@tiptap/starter-kit';
import { isSafeUrl } from '../../src/core/safeUrl.ts';

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

/** Links written as Isomer writes them: `href` first, then `rel`, `target` and the rest. */
export const IsomerLink = Link.extend({
  renderHTML({ HTMLAttributes }) {
    const { href, rel, target, ...rest } = HTMLAttributes as Record<string, unknown>;
    const safeHref = typeof href === 'string' && isSafeUrl(href) ? href : '';
    return ['a', { href: safeHref, rel, target, ...rest }, 0];
  },
});

export const textExtensions = [
  StarterKit.configure({
    // The editor must not add a paragraph nobody typed: export would then differ from the file.
    trailingNode: false,
    // The divider is its own block (extensions/divider).
    horizontalRule: false,
    link: false,
  }),
  IsomerLink.configure({
    openOnClick: false,
    autolink: true,
    // Links keep the target and rel they were written with; new links get none by default.
    HTMLAttributes: { target: null, rel: null },
    isAllowedUri: (url) => isSafeUrl(url),
  }),
  Highlight,
  Superscript,
  Subscript,
  TaskList,
  TaskItem.configure({ nested: true }),
  TightLists,
];
