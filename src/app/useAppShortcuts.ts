import { useEffect } from 'react';
import { saveOpenPage } from '../store/savePageAction.ts';
import { useEditorStore } from '../store/editorStore.ts';
import { useUiStore } from '../store/uiStore.ts';

/** Ctrl/Cmd+S saves anywhere in the app; Ctrl/Cmd+K adds a link while typing in the page. */
export function useAppShortcuts(): void {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (!(event.ctrlKey || event.metaKey) || event.altKey) return;
      const key = event.key.toLowerCase();
      if (key === 's') {
        event.preventDefault();
        void saveOpenPage();
      } else if (key === 'k') {
        const editor = useEditorStore.getState().editor;
        if (editor?.isFocused && editor.isEditable) {
          event.preventDefault();
          useUiStore.getState().openDialog({ kind: 'link' });
        }
      }
    };
    window.addEventListener('keydown', onKeyDown, true);
    return () => window.removeEventListener('keydown', onKeyDown, true);
  }, []);
}
