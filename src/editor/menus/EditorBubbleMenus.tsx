import type { Editor } from '@tiptap/core';
import { ImageBubbleMenu } from './ImageBubbleMenu.tsx';
import { LinkBubbleMenu } from './LinkBubbleMenu.tsx';
import { TableBubbleMenu } from './TableBubbleMenu.tsx';
import './menus.css';

/** The menus that float next to a link, an image or a table being edited. Loaded after the editor. */
export default function EditorBubbleMenus({ editor }: { editor: Editor }) {
  return (
    <>
      <LinkBubbleMenu editor={editor} />
      <ImageBubbleMenu editor={editor} />
      <TableBubbleMenu editor={editor} />
    </>
  );
}
