import type { Editor } from '@tiptap/core';
import type { EditorView } from '@tiptap/pm/view';

/** A menu shows while the editor, or the menu itself, has focus. */
export function focusedIn({ editor, element, view }: { editor: Editor; element: HTMLElement; view: EditorView }): boolean {
  return editor.isEditable && (view.hasFocus() || element.contains(document.activeElement));
}
