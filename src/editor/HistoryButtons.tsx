import type { Editor } from '@tiptap/core';
import { redoDepth, undoDepth } from '@tiptap/pm/history';
import { ToolbarButton } from './ToolbarButton.tsx';
import { ToolbarIcon } from './ToolbarIcon.tsx';
import { useEditorValue } from './useEditorValue.ts';

export function HistoryButtons({ editor }: { editor: Editor }) {
  const can = useEditorValue(
    editor,
    // What `can().undo()` answers, read straight from the history: `can()` builds every command on each transaction.
    (e) => ({ undo: e.isEditable && undoDepth(e.state) > 0, redo: e.isEditable && redoDepth(e.state) > 0 }),
  );
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
