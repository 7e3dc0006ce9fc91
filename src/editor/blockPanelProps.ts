import type { Editor } from '@tiptap/core';
import type { Node as PMNode } from '@tiptap/pm/model';

/**
 * What a block's settings panel (`extensions/<block>/ui.tsx`, default export) receives: the editor, the
 * selected top-level node and its position. Change the node with one transaction, e.g.
 * `editor.chain().command(({ tr }) => { tr.setNodeMarkup(pos, undefined, { ...node.attrs, width: 50 }); return true; }).run()`.
 */
export interface BlockPanelProps {
  editor: Editor;
  node: PMNode;
  pos: number;
}
