import type { Editor } from '@tiptap/core';
import { lazy, Suspense, useEffect, useState } from 'react';

const EditorBubbleMenus = lazy(() => import('./menus/EditorBubbleMenus.tsx'));

/**
 * The link, image and table menus, loaded when the editor is first focused or its selection moves:
 * they only ever show for a selection, so opening a page does not wait for their code.
 */
export default function BubbleMenusOnFocus({ editor }: { editor: Editor }) {
  const [wanted, setWanted] = useState(() => editor.isFocused);
  useEffect(() => {
    if (wanted) return;
    const want = () => setWanted(true);
    editor.on('focus', want);
    editor.on('selectionUpdate', want);
    return () => {
      editor.off('focus', want);
      editor.off('selectionUpdate', want);
    };
  }, [editor, wanted]);
  if (!wanted) return null;
  return (
    <Suspense fallback={null}>
      <EditorBubbleMenus editor={editor} />
    </Suspense>
  );
}
