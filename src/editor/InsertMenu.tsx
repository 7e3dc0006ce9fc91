import type { Editor } from '@tiptap/core';
import { useEffect, useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { allInsertEntries, allowedInsertEntries } from './insertEntries.ts';
import { ToolbarIcon } from './ToolbarIcon.tsx';
import { useEditorValue } from './useEditorValue.ts';

/** The "Insert" menu: every insert entry of the block registry. */
export function InsertMenu({ editor }: { editor: Editor }) {
  const allEntries = useMemo(() => allInsertEntries(), []);
  const editable = useEditorValue(editor, (e) => e.isEditable);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  // Read when the menu renders (it opens with a render), for where the cursor is then.
  const entries = open ? allowedInsertEntries(allEntries, editor.state) : allEntries;
  const menuId = useId();
  const buttonRef = useRef<HTMLButtonElement>(null);
  const itemRefs = useRef<(HTMLButtonElement | null)[]>([]);

  useEffect(() => {
    if (open) itemRefs.current[active]?.focus();
  }, [open, active]);

  useEffect(() => {
    if (!open) return;
    const onPointer = (event: PointerEvent) => {
      const root = buttonRef.current?.parentElement;
      if (root && event.target instanceof Node && !root.contains(event.target)) setOpen(false);
    };
    document.addEventListener('pointerdown', onPointer);
    return () => document.removeEventListener('pointerdown', onPointer);
  }, [open]);

  const close = (refocus: boolean) => {
    setOpen(false);
    if (refocus) buttonRef.current?.focus();
  };

  const choose = (index: number) => {
    const entry = entries[index];
    setOpen(false);
    if (entry) entry.insert(editor);
  };

  const onMenuKey = (event: KeyboardEvent) => {
    const last = entries.length - 1;
    if (event.key === 'ArrowDown') setActive((i) => (i >= last ? 0 : i + 1));
    else if (event.key === 'ArrowUp') setActive((i) => (i <= 0 ? last : i - 1));
    else if (event.key === 'Home') setActive(0);
    else if (event.key === 'End') setActive(last);
    else if (event.key === 'Escape') close(true);
    else if (event.key === 'Tab') close(false);
    else return;
    if (event.key !== 'Tab') event.preventDefault();
  };

  return (
    <div className="insert-menu">
      <button
        ref={buttonRef}
        type="button"
        className="toolbar__button toolbar__button--text"
        aria-label="Insert"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        disabled={!editable}
        onMouseDown={(event) => event.preventDefault()}
        onClick={() => {
          setActive(0);
          setOpen((o) => !o);
        }}
        onKeyDown={(event) => {
          if (event.key === 'ArrowDown') {
            event.preventDefault();
            setActive(0);
            setOpen(true);
          }
        }}
      >
        <ToolbarIcon name="plus" /> Insert
      </button>
      {open && (
        <div id={menuId} role="menu" aria-label="Insert a block" className="insert-menu__list" onKeyDown={onMenuKey}>
          {entries.map((entry, i) => (
            <button
              key={entry.id}
              ref={(el) => {
                itemRefs.current[i] = el;
              }}
              type="button"
              role="menuitem"
              tabIndex={i === active ? 0 : -1}
              className="insert-menu__item"
              onMouseDown={(event) => event.preventDefault()}
              onClick={() => choose(i)}
            >
              <span className="insert-menu__icon" aria-hidden="true">
                {entry.icon}
              </span>
              {entry.label}
            </button>
          ))}
        </div>
      )}
    </div>
  );
}
