import type { Editor } from '@tiptap/core';
import { lazy, Suspense, useEffect, useState } from 'react';

const EditorBubbleMenus = lazy(() => import('./menus/EditorBubbleMenus.tsx'));

/**
 * The link, image and table menus, loaded when the editor is first focused or its selection moves while
 * it has focus: they only ever show for a selection someone makes, so opening a page does not wait for
 * their code, and a page only looked at does not hold it (a page that begins with an image has its caret
 * put in the first text by code, unfocused: that is no use).
 */
export default function BubbleMenusOnFocus({ editor }: { editor: Editor }) {
  const [wanted, setWanted] = useState(() => editor.isFocused);
  useEffect(() => {
    if (wanted) return;
    const want = () => setWanted(true);
    const wantIfFocused = () => editor.isFocused && setWanted(true);
    editor.on('focus', want);
    editor.on('selectionUpdate', wantIfFocused);
    return () => {
      editor.off('focus', want);
      editor.off('selectionUpdate', wantIfFocused);
    };
  }, [editor, wanted]);
  if (!wanted) return null;
  return (
    <Suspense fallback={null}>
      <EditorBubbleMenus editor={editor} />
    </Suspense>
  );
}
