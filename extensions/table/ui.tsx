import type { Editor } from '@tiptap/core';
import type { BlockPanelProps } from '../../src/editor/blockPanelProps.ts';
import { onPanelKeyDown, runAsOneStep } from '../../src/editor/settingsControls.tsx';
import { useEditorValue } from '../../src/editor/useEditorValue.ts';

type Chain = ReturnType<Editor['chain']>;

interface Action {
  label: string;
  run: (chain: Chain) => Chain;
  can: (editor: Editor) => boolean;
  danger?: boolean;
}

const GROUPS: { legend: string; actions: Action[] }[] = [
  {
    legend: 'Rows',
    actions: [
      { label: 'Add row above', run: (c) => c.addRowBefore(), can: (e) => e.can().addRowBefore() },
      { label: 'Add row below', run: (c) => c.addRowAfter(), can: (e) => e.can().addRowAfter() },
      { label: 'Remove row', run: (c) => c.deleteRow(), can: (e) => e.can().deleteRow(), danger: true },
    ],
  },
  {
    legend: 'Columns',
    actions: [
      { label: 'Add column left', run: (c) => c.addColumnBefore(), can: (e) => e.can().addColumnBefore() },
      { label: 'Add column right', run: (c) => c.addColumnAfter(), can: (e) => e.can().addColumnAfter() },
      { label: 'Remove column', run: (c) => c.deleteColumn(), can: (e) => e.can().deleteColumn(), danger: true },
    ],
  },
  {
    legend: 'Cells',
    actions: [
      { label: 'Merge cells', run: (c) => c.mergeCells(), can: (e) => e.can().mergeCells() },
      { label: 'Split cell', run: (c) => c.splitCell(), can: (e) => e.can().splitCell() },
    ],
  },
  {
    legend: 'Headers',
    actions: [
      { label: 'Header row on/off', run: (c) => c.toggleHeaderRow(), can: (e) => e.can().toggleHeaderRow() },
      { label: 'Header column on/off', run: (c) => c.toggleHeaderColumn(), can: (e) => e.can().toggleHeaderColumn() },
    ],
  },
  {
    legend: 'Table',
    actions: [{ label: 'Delete table', run: (c) => c.deleteTable(), can: (e) => e.can().deleteTable(), danger: true }],
  },
];

/** Settings of a table: rows, columns, merged cells and headers, for the cell holding the cursor. */
export default function TableSettings({ editor }: BlockPanelProps) {
  const allowed = useEditorValue(
    editor,
    (e) => GROUPS.map((g) => g.actions.map((a) => e.isEditable && a.can(e)).join(',')).join(';'),
  );
  const flags = allowed.split(';').map((g) => g.split(',').map((v) => v === 'true'));

  return (
    <div className="block-settings" onKeyDown={onPanelKeyDown(editor)}>
      <p className="block-settings__note">The buttons act on the cell holding the cursor. Select several cells (drag across them) to merge them.</p>
      {GROUPS.map((group, g) => (
        <fieldset key={group.legend}>
          <legend>{group.legend}</legend>
          <div className="block-settings__row">
            {group.actions.map((action, a) => (
              <button
                key={action.label}
                type="button"
                className={`button button--small${action.danger ? ' button--danger' : ''}`}
                disabled={!flags[g]?.[a]}
                onClick={() => runAsOneStep(editor, action.run)}
              >
                {action.label}
              </button>
            ))}
          </div>
        </fieldset>
      ))}
    </div>
  );
}
