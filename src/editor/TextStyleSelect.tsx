import type { Editor } from '@tiptap/core';
import { headingLabel, pageTitleAllowed, type HeadingLevel } from '../../extensions/text/headingNames.ts';
import { useEditorValue } from './useEditorValue.ts';

/** Named by what the site shows: the page title (h1), then Heading 2 to Heading 6. */
const STYLES: { value: string; label: string; level?: HeadingLevel }[] = [
  { value: 'p', label: 'Paragraph' },
  ...([1, 2, 3, 4, 5, 6] as const).map((level) => ({ value: `h${level}`, label: headingLabel(level), level })),
];

export function TextStyleSelect({ editor }: { editor: Editor }) {
  const current = useEditorValue(
    editor,
    (e) => {
      const { $from } = e.state.selection;
      const parent = $from.parent;
      if (parent.type.name === 'heading') return `h${String(parent.attrs['level'])}`;
      if (parent.type.name === 'paragraph') return 'p';
      return '';
    },
  );
  const editable = useEditorValue(editor, (e) => e.isEditable);
  const titleAllowed = useEditorValue(editor, (e) => pageTitleAllowed(e.state));
  // An h1 where a page title is not offered still shows as what it is.
  const styles = STYLES.filter((s) => s.value !== 'h1' || titleAllowed || current === 'h1');

  return (
    <select
      className="toolbar__select"
      aria-label="Text style"
      value={current}
      disabled={!editable || current === ''}
      onChange={(event) => {
        const style = STYLES.find((s) => s.value === event.target.value);
        if (!style) return;
        const chain = editor.chain().focus();
        (style.level ? chain.setHeading({ level: style.level }) : chain.setParagraph()).run();
      }}
    >
      {current === '' && <option value="">—</option>}
      {styles.map((s) => (
        <option key={s.value} value={s.value}>
          {s.label}
        </option>
      ))}
    </select>
  );
}
