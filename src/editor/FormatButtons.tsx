import type { Editor } from '@tiptap/core';
import { ToolbarButton } from './ToolbarButton.tsx';
import { ToolbarIcon, type ToolbarIconName } from './ToolbarIcon.tsx';
import { useEditorValue } from './useEditorValue.ts';

interface Format {
  name: string;
  label: string;
  icon: string | ToolbarIconName;
  svg?: boolean;
  shortcut?: string;
  toggle: (editor: Editor) => boolean;
}

const MARKS: Format[] = [
  { name: 'bold', label: 'Bold', icon: 'B', shortcut: 'Ctrl+B', toggle: (e) => e.chain().focus().toggleBold().run() },
  { name: 'italic', label: 'Italic', icon: 'I', shortcut: 'Ctrl+I', toggle: (e) => e.chain().focus().toggleItalic().run() },
  { name: 'underline', label: 'Underline', icon: 'U', shortcut: 'Ctrl+U', toggle: (e) => e.chain().focus().toggleUnderline().run() },
  { name: 'strike', label: 'Strikethrough', icon: 'S', toggle: (e) => e.chain().focus().toggleStrike().run() },
  { name: 'superscript', label: 'Superscript', icon: 'x²', toggle: (e) => e.chain().focus().toggleSuperscript().run() },
  { name: 'subscript', label: 'Subscript', icon: 'x₂', toggle: (e) => e.chain().focus().toggleSubscript().run() },
  { name: 'code', label: 'Code', icon: '</>', toggle: (e) => e.chain().focus().toggleCode().run() },
  { name: 'highlight', label: 'Highlight', icon: 'highlight', svg: true, toggle: (e) => e.chain().focus().toggleHighlight().run() },
];

const BLOCKS: Format[] = [
  { name: 'bulletList', label: 'Bulleted list', icon: 'bulletList', svg: true, toggle: (e) => e.chain().focus().toggleBulletList().run() },
  { name: 'orderedList', label: 'Numbered list', icon: 'orderedList', svg: true, toggle: (e) => e.chain().focus().toggleOrderedList().run() },
  { name: 'blockquote', label: 'Quote', icon: 'quote', svg: true, toggle: (e) => e.chain().focus().toggleBlockquote().run() },
];

function FormatGroup({ editor, formats, label }: { editor: Editor; formats: Format[]; label: string }) {
  const active = useEditorValue(
    editor,
    (e) => ({ editable: e.isEditable, on: formats.map((f) => e.isActive(f.name)) }),
  );
  return (
    <div className="toolbar__group" role="group" aria-label={label}>
      {formats.map((f, i) => (
        <ToolbarButton
          key={f.name}
          label={f.label}
          shortcut={f.shortcut}
          pressed={active.on[i]}
          disabled={!active.editable}
          onClick={() => f.toggle(editor)}
        >
          {f.svg ? (
            <ToolbarIcon name={f.icon as ToolbarIconName} />
          ) : (
            // The glyph is drawn by CSS (attr(data-icon)): "x²" is not text of the button's name.
            <span className={`toolbar__icon toolbar__icon--${f.name}`} aria-hidden="true" data-icon={f.icon} />
          )}
        </ToolbarButton>
      ))}
    </div>
  );
}

export function MarkButtons({ editor }: { editor: Editor }) {
  return <FormatGroup editor={editor} formats={MARKS} label="Text formatting" />;
}

export function BlockFormatButtons({ editor }: { editor: Editor }) {
  return <FormatGroup editor={editor} formats={BLOCKS} label="Lists and quotes" />;
}
