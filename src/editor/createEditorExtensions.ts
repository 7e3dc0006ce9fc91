import type { AnyExtension, Node, NodeViewRenderer } from '@tiptap/core';
import { Placeholder } from '@tiptap/extensions/placeholder';
import type { BodyCodec } from '../core/bodyCodec.ts';
import { BlockMove } from './blockMove.ts';
import { allInsertEntries } from './insertEntries.ts';
import { lazyBlockNodeViews } from './lazyBlockViews.ts';
import { PasteCleanup } from './paste/pasteCleanup.ts';
import { imagesLeftOutMessage, usePasteNoticeStore } from './paste/pasteNotice.ts';
import { CaretAfterTypedText, SelectionBeforeKeys } from './selectionBeforeKeys.ts';
import { SlashMenu } from './slashMenu.ts';

/**
 * The editor's extensions: every block of the codec (with its hidden source-tracking attributes, so
 * unedited blocks save byte for byte), the blocks' views (loaded later by `loadBlockViews`, with the
 * drag handle and the opening of an accordion answer the cursor goes into), a placeholder, the `/`
 * menu, paste cleaning, moving blocks (Alt+Arrow keys), keys that act where the caret is on screen, and
 * a caret that stays after the text typed at it.
 */
export function createEditorExtensions(codec: BodyCodec): AnyExtension[] {
  // The blocks' views load after the page shows (loadBlockViews in lazyBlockViews.ts).
  const nodeViews: Record<string, NodeViewRenderer> = lazyBlockNodeViews();
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
    BlockMove,
    SelectionBeforeKeys,
    CaretAfterTypedText,
  ];
}
