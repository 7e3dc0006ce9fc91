import type { Editor } from '@tiptap/core';
import { useEditorState } from '@tiptap/react';
import { ToolbarButton } from './ToolbarButton.tsx';
import { ToolbarIcon } from './ToolbarIcon.tsx';

export function HistoryButtons({ editor }: { editor: Editor }) {
  const can = useEditorState({
    editor,
    selector: ({ editor: e }) => ({ undo: e.isEditable && e.can().undo(), redo: e.isEditable && e.can().redo() }),
  });
  return (
    <div className="toolbar__group" role="group" aria-label="History">
      <ToolbarButton label="Undo" shortcut="Ctrl+Z" disabled={!can.undo} onClick={() => editor.chain().focus().undo().run()}>
        <ToolbarIcon name="undo" />
      </ToolbarButton>
      <ToolbarButton label="Redo" shortcut="Ctrl+Shift+Z" disabled={!can.redo} onClick={() => editor.chain().focus().redo().run()}>
        <ToolbarIcon name="redo" />
      </ToolbarButton>
    </div>
  );
}
