import type { Editor } from '@tiptap/core';
import { useUiStore } from '../store/uiStore.ts';
import { ToolbarButton } from './ToolbarButton.tsx';
import { ToolbarIcon } from './ToolbarIcon.tsx';
import { useEditorValue } from './useEditorValue.ts';

export function LinkButtons({ editor }: { editor: Editor }) {
  const state = useEditorValue(
    editor,
    (e) => ({ editable: e.isEditable, inLink: e.isActive('link') }),
  );
  const openDialog = useUiStore((s) => s.openDialog);
  return (
    <div className="toolbar__group" role="group" aria-label="Links">
      <ToolbarButton label="Link" shortcut="Ctrl+K" pressed={state.inLink} disabled={!state.editable} onClick={() => openDialog({ kind: 'link' })}>
        <ToolbarIcon name="link" />
      </ToolbarButton>
      <ToolbarButton
        label="Remove link"
        disabled={!state.editable || !state.inLink}
        onClick={() => editor.chain().focus().extendMarkRange('link').unsetLink().run()}
      >
        <ToolbarIcon name="unlink" />
      </ToolbarButton>
    </div>
  );
}
