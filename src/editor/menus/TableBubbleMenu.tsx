import type { Editor } from '@tiptap/core';
import { BubbleMenu } from '@tiptap/react/menus';
import type { MouseEvent } from 'react';
import { focusedIn } from './menuFocus.ts';
import { useEditorValue } from '../useEditorValue.ts';

type TableCommand = 'addRowAfter' | 'addColumnAfter' | 'deleteRow' | 'deleteColumn' | 'mergeCells' | 'splitCell' | 'toggleHeaderRow' | 'deleteTable';

const ACTIONS: { command: TableCommand; label: string; danger?: boolean }[] = [
  { command: 'addRowAfter', label: 'Add row' },
  { command: 'addColumnAfter', label: 'Add column' },
  { command: 'deleteRow', label: 'Delete row' },
  { command: 'deleteColumn', label: 'Delete column' },
  { command: 'mergeCells', label: 'Merge cells' },
  { command: 'splitCell', label: 'Split cell' },
  { command: 'toggleHeaderRow', label: 'Header row' },
  { command: 'deleteTable', label: 'Delete table', danger: true },
];

type Can = Record<TableCommand, boolean>;

/** Rows, columns, merging and the header row of the table at the cursor. */
export function TableBubbleMenu({ editor }: { editor: Editor }) {
  const can = useEditorValue(
    editor,
    (e): Can | null => {
      if (!e.isActive('table')) return null;
      const check = e.can() as unknown as Record<TableCommand, () => boolean>;
      return Object.fromEntries(ACTIONS.map((a) => [a.command, check[a.command]?.() ?? false])) as Can;
    },
    (a, b) => a === b || (a !== null && b !== null && ACTIONS.every((x) => a[x.command] === b[x.command])),
  );

  // Keep the cell selection: the buttons must not take focus from the editor on click.
  const keepSelection = (event: MouseEvent) => event.preventDefault();

  return (
    <BubbleMenu
      editor={editor}
      pluginKey="tableBubbleMenu"
      className="bubble-menu"
      role="toolbar"
      aria-label="Table"
      shouldShow={(props) => focusedIn(props) && props.editor.isActive('table')}
      options={{ placement: 'top' }}
    >
      {can && (
        <div className="bubble-menu__row">
          {ACTIONS.map((action) => (
            <button
              key={action.command}
              type="button"
              className={`button button--small${action.danger ? ' button--danger' : ''}`}
              disabled={!can[action.command]}
              onMouseDown={keepSelection}
              onClick={() => {
                const chain = editor.chain().focus() as unknown as Record<TableCommand, () => { run: () => boolean }>;
                chain[action.command]().run();
              }}
            >
              {action.label}
            </button>
          ))}
        </div>
      )}
    </BubbleMenu>
  );
}
