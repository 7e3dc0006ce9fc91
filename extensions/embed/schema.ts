import { Node } from '@tiptap/core';
import { NodeSelection } from '@tiptap/pm/state';
import { embedFromUrl, isAllowedEmbedSource, providerOf, type IframeAttributes } from './embedUrl.ts';
import { elementSpec as spec } from '../../src/core/domSpec.ts';
import { insertBlock } from '../../src/core/insertBlock.ts';

declare module '@tiptap/core' {
  interface Commands<ReturnType> {
    embed: {
      /**
       * Inserts an embed for a YouTube, Vimeo, Google Maps or FormSG address; false when it cannot be
       * embedded. Without an address it inserts an empty embed whose address is set afterwards.
       */
      insertEmbed: (url?: string) => ReturnType;
      /** Points the selected embed at a new address, keeping the size and other attributes it has. */
      setEmbedUrl: (url: string) => ReturnType;
    };
  }
}

/** Every attribute of an element, in the order written. */
function attributesOf(element: Element): Record<string, string> {
  const result: Record<string, string> = {};
  for (const attribute of Array.from(element.attributes)) result[attribute.name] = attribute.value;
  return result;
}

function isEmptyWrapper(wrapper: HTMLElement): boolean {
  return wrapper.children.length === 0 && /^\s*$/.test(wrapper.textContent ?? '');
}

/** The wrapper's only content, when it is one iframe from an allowed source (whitespace around it aside). */
function soleIframe(wrapper: HTMLElement): HTMLIFrameElement | null {
  let iframe: HTMLIFrameElement | null = null;
  for (const child of Array.from(wrapper.childNodes)) {
    if (child.nodeType === 3 && /^\s*$/.test(child.textContent ?? '')) continue;
    if (child.nodeType !== 1 || (child as Element).localName !== 'iframe' || iframe) return null;
    iframe = child as HTMLIFrameElement;
  }
  if (!iframe || iframe.childNodes.length > 0) return null;
  return isAllowedEmbedSource(iframe.getAttribute('src') ?? '') ? iframe : null;
}

/**
 * `<div class="iframe-wrapper"><iframe …></iframe></div>`: a video, map or form. Every attribute of the
 * iframe and of the wrapper is kept, in the order written.
 */
export const Embed = Node.create({
  name: 'embed',
  group: 'block',
  atom: true,
  selectable: true,
  draggable: true,

  addAttributes() {
    return {
      iframe: {
        default: {} as IframeAttributes,
        rendered: false,
        parseHTML: (element) => {
          const iframe = soleIframe(element);
          return iframe ? attributesOf(iframe) : null;
        },
      },
      wrapper: {
        default: { class: 'iframe-wrapper' } as Record<string, string>,
        rendered: false,
        parseHTML: (element) => attributesOf(element),
      },
    };
  },

  parseHTML() {
    return [{ tag: 'div.iframe-wrapper', priority: 1000, getAttrs: (element) => (soleIframe(element) || isEmptyWrapper(element) ? null : false) }];
  },

  renderHTML({ node }) {
    const iframe = node.attrs['iframe'] as IframeAttributes;
    const wrapper = { ...(node.attrs['wrapper'] as Record<string, string>) };
    // An embed whose address is not set yet is an empty wrapper.
    return Object.keys(iframe).length === 0 ? spec('div', wrapper) : spec('div', wrapper, spec('iframe', { ...iframe }));
  },

  addCommands() {
    return {
      insertEmbed:
        (url) =>
        ({ tr, dispatch, editor }) => {
          let iframe: IframeAttributes = {};
          if (url !== undefined) {
            const result = embedFromUrl(url);
            if ('error' in result) return false;
            iframe = result.iframe;
          }
          const node = editor.schema.nodes[this.name]!.create({ iframe });
          if (dispatch) {
            const inserted = insertBlock(tr, node);
            // Selected, so that its settings (and the address) are at hand.
            if (inserted !== -1) tr.setSelection(NodeSelection.create(tr.doc, inserted));
            tr.scrollIntoView();
          }
          return true;
        },
      setEmbedUrl:
        (url) =>
        ({ state, tr, dispatch }) => {
          const { selection } = state;
          if (!(selection instanceof NodeSelection) || selection.node.type.name !== this.name) return false;
          const result = embedFromUrl(url);
          if ('error' in result) return false;
          const current = selection.node.attrs['iframe'] as IframeAttributes;
          // Same kind of embed: only the address changes. Another kind: its own attributes.
          const sameKind = Object.keys(current).length > 0 && providerOf(current['src'] ?? '') === result.provider;
          const iframe = sameKind ? { ...current, src: result.iframe['src']! } : result.iframe;
          if (dispatch) tr.setNodeMarkup(selection.from, undefined, { ...selection.node.attrs, iframe });
          return true;
        },
    };
  },
});

/**
 * Instagram's embed code: `<blockquote class="instagram-media" data-instgrm-permalink="…">…</blockquote>`,
 * kept whole (its inside is Instagram's own placeholder markup). The `<script>` that follows it is a
 * separate raw block.
 */
export const InstagramEmbed = Node.create({
  name: 'instagramEmbed',
  group: 'block',
  atom: true,
  selectable: true,
  draggable: true,

  addAttributes() {
    return {
      attributes: {
        default: { class: 'instagram-media' } as Record<string, string>,
        rendered: false,
        parseHTML: (element) => attributesOf(element),
      },
      html: {
        default: '',
        rendered: false,
        parseHTML: (element) => {
          // Copied back from the editor, the inside is a placeholder holding the markup.
          const only = element.children.length === 1 ? element.firstElementChild : null;
          return only?.hasAttribute('data-raw-html') ? only.getAttribute('data-raw-html') ?? '' : element.innerHTML;
        },
      },
    };
  },

  parseHTML() {
    return [
      {
        tag: 'blockquote.instagram-media',
        priority: 1000,
        getAttrs: (element) => (/^https:\/\/(www\.)?instagram\.com\//.test(element.getAttribute('data-instgrm-permalink') ?? '') ? null : false),
      },
    ];
  },

  renderHTML({ node }) {
    // The core puts the markup of a `data-raw-html` placeholder in its place.
    return spec('blockquote', { ...(node.attrs['attributes'] as Record<string, string>) }, ['div', { 'data-raw-html': node.attrs['html'] as string }]);
  },
});

export const embedExtensions = [Embed, InstagramEmbed];
