import type { AnyExtension, Node, NodeViewRenderer } from '@tiptap/core';
import { Placeholder } from '@tiptap/extensions';
import { accordionItemNodeView, detailsNodeView, OpenAnswerOnSelection } from '../../extensions/accordion/view.ts';
import { layoutContainerNodeView } from '../../extensions/container/view.ts';
import { publishedEmbedNodeView } from '../../extensions/embed/publishedEmbedView.ts';
import { pageStylesNodeView } from '../../extensions/page-styles/view.ts';
import { embedNodeView } from '../../extensions/embed/view.ts';
import type { BodyCodec } from '../core/bodyCodec.ts';
import { BlockMove } from './blockMove.ts';
import { allInsertEntries } from './insertEntries.ts';
import { PasteCleanup } from './paste/pasteCleanup.ts';
import { imagesLeftOutMessage, usePasteNoticeStore } from './paste/pasteNotice.ts';
import { rawHtmlNodeView } from './rawHtmlView.ts';
import { SelectionBeforeKeys } from './selectionBeforeKeys.ts';
import { SlashMenu } from './slashMenu.ts';

/**
 * The editor's extensions: every block of the codec (with its hidden source-tracking attributes, so
 * unedited blocks save byte for byte), the raw HTML card, the accordion items' view, a placeholder,
 * the `/` menu, paste cleaning, moving blocks (Alt+Arrow keys, drag handle), opening an accordion
 * answer the cursor goes into, and keys that act where the caret is on screen.
 */
export function createEditorExtensions(codec: BodyCodec): AnyExtension[] {
  const nodeViews: Record<string, NodeViewRenderer> = {
    rawHtml: rawHtmlNodeView,
    accordionItem: accordionItemNodeView,
    details: detailsNodeView,
    embed: embedNodeView,
    publishedEmbed: publishedEmbedNodeView,
    layoutContainer: layoutContainerNodeView,
    layoutRaw: rawHtmlNodeView,
    pageStyles: pageStylesNodeView,
  };
  const blocks = codec.extensions.map((extension) => {
    const view = nodeViews[extension.name];
    return view ? (extension as Node).extend({ addNodeView: () => view }) : extension;
  });
  return [
    ...blocks,
    Placeholder.configure({
      placeholder: ({ node }) => (node.type.name === 'paragraph' ? 'Write here, or type / to insert a block' : ''),
    }),
    SlashMenu.configure({ entries: allInsertEntries() }),
    // Pasted markup is cleaned, then goes through the same sanitiser as the page.
    PasteCleanup.configure({
      sanitize: (html) => codec.sanitizer.sanitize(html).html,
      onImagesLeftOut: (count) => usePasteNoticeStore.getState().show(imagesLeftOutMessage(count)),
    }),
    OpenAnswerOnSelection,
    BlockMove,
    SelectionBeforeKeys,
  ];
}
