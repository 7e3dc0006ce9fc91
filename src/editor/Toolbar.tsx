import type { Editor } from '@tiptap/core';
import { BlockFormatButtons, MarkButtons } from './FormatButtons.tsx';
import { HistoryButtons } from './HistoryButtons.tsx';
import { InsertMenu } from './InsertMenu.tsx';
import { LinkButtons } from './LinkButtons.tsx';
import { TextStyleSelect } from './TextStyleSelect.tsx';

/** The formatting toolbar above the canvas. Each part re-renders only when its own state changes. */
export function Toolbar({ editor }: { editor: Editor }) {
  return (
    <div className="toolbar" role="toolbar" aria-label="Formatting">
      <TextStyleSelect editor={editor} />
      <MarkButtons editor={editor} />
      <BlockFormatButtons editor={editor} />
      <LinkButtons editor={editor} />
      <InsertMenu editor={editor} />
      <HistoryButtons editor={editor} />
    </div>
  );
}
