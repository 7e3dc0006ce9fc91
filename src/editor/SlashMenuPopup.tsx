import type { Editor } from '@tiptap/core';
import { useMemo } from 'react';
import { allInsertEntries } from './insertEntries.ts';
import { runSlashEntry, slashMenuItems, slashMenuKey, type SlashMenuState } from './slashMenu.ts';
import { useEditorValue } from './useEditorValue.ts';

const closed = { active: false, from: 0, to: 0, query: '', index: 0, dismissedAt: null } satisfies SlashMenuState;

/** The list of the `/` menu, under the cursor. Re-renders only while the menu is open or changes. */
export function SlashMenuPopup({ editor }: { editor: Editor }) {
  const entries = useMemo(() => allInsertEntries(), []);
  const state = useEditorValue(
    editor,
    (e) => {
      const s = slashMenuKey.getState(e.state) ?? closed;
      return s.active ? { active: true, from: s.from, to: s.to, query: s.query, index: s.index } : null;
    },
  );
  if (!state) return null;
  const items = slashMenuItems(entries, { ...state, dismissedAt: null }, editor.state);
  let coords: { left: number; top: number; bottom: number };
  try {
    coords = editor.view.coordsAtPos(state.from);
  } catch {
    return null;
  }
  return (
    // Below the line when there is room, else above it.
    <div
      className="slash-menu"
      style={coords.bottom < window.innerHeight * 0.55 ? { left: coords.left, top: coords.bottom + 4 } : { left: coords.left, bottom: window.innerHeight - coords.top + 4 }}
    >
      {items.length === 0 ? (
        <p className="slash-menu__empty" role="status">
          No block matches “{state.query}”
        </p>
      ) : (
        <ul role="listbox" aria-label="Insert a block" className="slash-menu__list">
          {items.map((item, i) => (
            <li
              key={item.id}
              id={`slash-item-${item.id}`}
              role="option"
              aria-selected={i === state.index}
              className="slash-menu__item"
              onMouseDown={(event) => {
                event.preventDefault();
                runSlashEntry(editor, item);
              }}
            >
              <span className="slash-menu__icon" aria-hidden="true">
                {item.icon}
              </span>
              {item.label}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
