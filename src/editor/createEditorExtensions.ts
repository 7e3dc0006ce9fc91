import type { AnyExtension, Node } from '@tiptap/core';
import { Placeholder } from '@tiptap/extensions';
import type { BodyCodec } from '../core/bodyCodec.ts';
import { allInsertEntries } from './insertEntries.ts';
import { rawHtmlNodeView } from './rawHtmlView.ts';
import { SlashMenu } from './slashMenu.ts';

/**
 * The editor's extensions: every block of the codec (with its hidden source-tracking attributes, so
 * unedited blocks save byte for byte), the raw HTML card, a placeholder and the `/` menu.
 */
export function createEditorExtensions(codec: BodyCodec): AnyExtension[] {
  const blocks = codec.extensions.map((extension) =>
    extension.name === 'rawHtml' ? (extension as Node).extend({ addNodeView: () => rawHtmlNodeView }) : extension,
  );
  return [
    ...blocks,
    Placeholder.configure({
      placeholder: ({ node }) => (node.type.name === 'paragraph' ? 'Write here, or type / to insert a block' : ''),
    }),
    SlashMenu.configure({ entries: allInsertEntries() }),
  ];
}
