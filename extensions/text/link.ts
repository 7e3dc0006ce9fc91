import type { Editor } from '@tiptap/core';
import { Mark } from '@tiptap/core';
// The link commands' types; linking while typing and on paste is in ./linkTyping.ts.
import type {} from '@tiptap/extension-link';
import { Plugin, PluginKey } from '@tiptap/pm/state';
import { whenFirstUsed } from '../../src/core/firstUse.ts';
import { lazyModule } from '../../src/core/lazyModule.ts';
import { isSafeUrl } from '../../src/core/safeUrl.ts';

type LinkTyping = typeof import('./linkTyping.ts');

/** Linking while typing and on paste (and the URL finder it needs), loaded at the first use. */
const linkTyping = lazyModule<LinkTyping>(() => import('./linkTyping.ts'));
export const loadLinkTyping = linkTyping.load;

const linkTypingSlot = new PluginKey('linkTypingSlot');

export interface IsomerLinkOptions {
  /** Whether typing a URL and a space makes it a link (the plugin loads at the first use of the editor). */
  autolink: boolean;
  openOnClick: boolean;
  linkOnPaste: boolean;
  isAllowedUri: (url: string) => boolean;
}

/**
 * The link mark, as the link extension of TipTap defines it (same name, attributes, parsing and
 * commands), written as Isomer writes links: `href` first, then `rel`, `target` and the rest. Making
 * links of URLs while typing or pasting needs a URL finder that opening a page does not, so that
 * part loads at the first use of the editor and takes the place this mark keeps for it.
 */
export const IsomerLink = Mark.create<IsomerLinkOptions>({
  name: 'link',
  priority: 1000,
  keepOnSplit: false,
  exitable: true,

  inclusive() {
    return this.options.autolink;
  },

  addOptions() {
    return {
      autolink: true,
      openOnClick: false,
      linkOnPaste: true,
      isAllowedUri: (url) => isSafeUrl(url),
    };
  },

  // Links keep the target, rel and class they were written with; new links get none.
  addAttributes() {
    return {
      href: { default: null, parseHTML: (element) => element.getAttribute('href') },
      target: { default: null },
      rel: { default: null },
      class: { default: null },
      title: { default: null },
      // A link to a file the site offers for saving (`<a download>`): kept, value and all.
      download: { default: null },
    };
  },

  parseHTML() {
    return [
      {
        tag: 'a[href]',
        getAttrs: (dom) => {
          const href = dom.getAttribute('href');
          return href && this.options.isAllowedUri(href) ? null : false;
        },
      },
    ];
  },

  renderHTML({ HTMLAttributes }) {
    const { href, rel, target, ...rest } = HTMLAttributes as Record<string, unknown>;
    const safeHref = typeof href === 'string' && isSafeUrl(href) ? href : '';
    return ['a', { href: safeHref, rel, target, ...rest }, 0];
  },

  addCommands() {
    return {
      setLink:
        (attributes) =>
        ({ chain }) => {
          if (!this.options.isAllowedUri(attributes.href)) return false;
          return chain().setMark(this.name, attributes).setMeta('preventAutolink', true).run();
        },
      toggleLink:
        (attributes) =>
        ({ chain }) => {
          const href = attributes?.href;
          if (href && !this.options.isAllowedUri(href)) return false;
          return chain().toggleMark(this.name, attributes, { extendEmptyMarkRange: true }).setMeta('preventAutolink', true).run();
        },
      unsetLink:
        () =>
        ({ chain }) =>
          chain().unsetMark(this.name, { extendEmptyMarkRange: true }).setMeta('preventAutolink', true).run(),
    };
  },

  addProseMirrorPlugins() {
    return [new Plugin({ key: linkTypingSlot })];
  },

  onCreate() {
    const editor: Editor = this.editor;
    const install = (module: LinkTyping) => module.installLinkTyping(editor, linkTypingSlot);
    const loaded = linkTyping.loaded();
    if (loaded) return install(loaded);
    // Loaded at the first use of the editor or when the browser is idle: showing a page does not wait for it.
    whenFirstUsed(editor, () => loadLinkTyping().then(install));
  },
});
