import type { Editor, KeyboardShortcutCommand, RawCommands } from '@tiptap/core';
import { getExtensionField } from '@tiptap/core';
import { Table } from '@tiptap/extension-table/table';
import type { PluginKey } from '@tiptap/pm/state';
import { tableEditing } from '@tiptap/pm/tables';
import { registerLatePlugin } from '../../src/editor/selectionBeforeKeys.ts';

/**
 * Table editing: cell selection (drag across cells), the row, column, merge and header commands,
 * the keys that delete a table whose cells are all selected. Showing a table needs none of it, so it
 * loads at the first use of the editor (see `schema.ts`). The commands and keys are those of TipTap's
 * table extension, taken from it; none of them reads the extension's options or editor.
 */

const context = { name: 'table', options: Table.options, storage: {} };

export const tableCommands = getExtensionField<() => RawCommands>(Table, 'addCommands', context)!();

/** Backspace or Delete with every cell of a table selected deletes the table. */
export const deleteTableWhenAllCellsSelected = getExtensionField<() => Record<string, KeyboardShortcutCommand>>(Table, 'addKeyboardShortcuts', context)!()[
  'Backspace'
]!;

/** Puts the cell-selection plugin in the place the table node keeps for it (the plugin of key `slot`). */
export function installTableEditing(editor: Editor, slot: PluginKey): void {
  const placeholder = editor.isDestroyed ? undefined : slot.get(editor.state);
  if (!placeholder) return;
  registerLatePlugin(editor, tableEditing(), (plugin, plugins) => plugins.map((p) => (p === placeholder ? plugin : p)));
  // An empty step, so that menus showing what the table commands can do look again.
  editor.view.dispatch(editor.state.tr.setMeta('addToHistory', false));
}
