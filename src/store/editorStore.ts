import type { Editor } from '@tiptap/core';
import { create } from 'zustand';

/** The live TipTap editor of the open page, for the toolbar, the side panel and saving. */
export interface EditorState {
  editor: Editor | null;
  setEditor: (editor: Editor | null) => void;
}

export const useEditorStore = create<EditorState>((set) => ({
  editor: null,
  setEditor: (editor) => set({ editor }),
}));
