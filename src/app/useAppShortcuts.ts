import { useEffect } from 'react';
import { saveOpenPageOnDemand } from '../store/saveOnDemand.ts';
import { useEditorStore } from '../store/editorStore.ts';
import { useUiStore } from '../store/uiStore.ts';

/** Whether a key goes into text: the page, a field, or anything editable. */
function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || target.closest('input, textarea, select, [contenteditable]:not([contenteditable="false"])') !== null;
}

/**
 * Ctrl/Cmd+S saves anywhere in the app; Ctrl/Cmd+K adds a link while typing in the page; "?" outside
 * any text lists the keyboard shortcuts.
 */
export function useAppShortcuts(): void {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key === '?' && !event.ctrlKey && !event.metaKey && !event.altKey && !isTyping(event.target) && useUiStore.getState().dialog === null) {
        event.preventDefault();
        useUiStore.getState().openDialog({ kind: 'shortcuts' });
        return;
      }
      if (!(event.ctrlKey || event.metaKey) || event.altKey) return;
      const key = event.key.toLowerCase();
      if (key === 's') {
        event.preventDefault();
        void saveOpenPageOnDemand();
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
