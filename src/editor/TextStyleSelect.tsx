import type { Editor } from '@tiptap/core';
import { useEditorState } from '@tiptap/react';

type Level = 1 | 2 | 3 | 4 | 5 | 6;

/** The names the Isomer CMS uses: h1 is the page's "Title", h2 is "Heading 1", and so on. */
const STYLES: { value: string; label: string; level?: Level }[] = [
  { value: 'p', label: 'Paragraph' },
  { value: 'h1', label: 'Title', level: 1 },
  { value: 'h2', label: 'Heading 1', level: 2 },
  { value: 'h3', label: 'Heading 2', level: 3 },
  { value: 'h4', label: 'Heading 3', level: 4 },
  { value: 'h5', label: 'Heading 4', level: 5 },
  { value: 'h6', label: 'Heading 5', level: 6 },
];

export function TextStyleSelect({ editor }: { editor: Editor }) {
  const current = useEditorState({
    editor,
    selector: ({ editor: e }) => {
      const { $from } = e.state.selection;
      const parent = $from.parent;
      if (parent.type.name === 'heading') return `h${String(parent.attrs['level'])}`;
      if (parent.type.name === 'paragraph') return 'p';
      return '';
    },
  });
  const editable = useEditorState({ editor, selector: ({ editor: e }) => e.isEditable });

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
      {STYLES.map((s) => (
        <option key={s.value} value={s.value}>
          {s.label}
        </option>
      ))}
    </select>
  );
}
