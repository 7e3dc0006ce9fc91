import type { NodeViewRenderer } from '@tiptap/core';
import { dropCursor } from '@tiptap/pm/dropcursor';
import type { Plugin } from '@tiptap/pm/state';
import { accordionItemNodeView, detailsNodeView, openAnswerOnSelectionPlugin } from '../../extensions/accordion/view.ts';
import { layoutContainerNodeView } from '../../extensions/container/view.ts';
import { publishedEmbedNodeView } from '../../extensions/embed/publishedEmbedView.ts';
import { embedNodeView } from '../../extensions/embed/view.ts';
import { pageStylesNodeView } from '../../extensions/page-styles/view.ts';
import { dragHandlePlugin } from './dragHandle.ts';
import { rawHtmlNodeView } from './rawHtmlView.ts';

/*
 * What the canvas needs once the page shows, not before: the blocks' own views (cards, chips, item
 * toggles), opening an accordion answer the cursor goes into, the drag handle and the drop cursor. Loaded by
 * lazyBlockViews.ts; until then the blocks show as their plain markup or an empty box.
 */

/** The node views of the blocks, by node name. */
export const blockNodeViews: Record<string, NodeViewRenderer> = {
  rawHtml: rawHtmlNodeView,
  accordionItem: accordionItemNodeView,
  details: detailsNodeView,
  embed: embedNodeView,
  publishedEmbed: publishedEmbedNodeView,
  layoutContainer: layoutContainerNodeView,
  layoutRaw: rawHtmlNodeView,
  pageStyles: pageStylesNodeView,
};

/** The plugins that come with the views. */
export function blockViewPlugins(): Plugin[] {
  if (typeof document === 'undefined') return [openAnswerOnSelectionPlugin()];
  // The drop cursor as TipTap's starter kit draws it.
  return [openAnswerOnSelectionPlugin(), dragHandlePlugin(), dropCursor({ color: 'currentColor', width: 1 })];
}
