import type { Attribute, CommandProps, KeyboardShortcutCommand, RawCommands } from '@tiptap/core';
import { callOrReturn, getExtensionField, Node as TipTapNode } from '@tiptap/core';
// The table commands' types; the code that runs them is in ./editing.ts.
import type {} from '@tiptap/extension-table/table';
import { TableCell } from '@tiptap/extension-table/cell';
import { TableHeader } from '@tiptap/extension-table/header';
import { TableRow } from '@tiptap/extension-table/row';
import type { DOMOutputSpec, Node as PMNode, Schema } from '@tiptap/pm/model';
import { Plugin, PluginKey, TextSelection } from '@tiptap/pm/state';
import { domDocument } from '../../src/core/dom.ts';
import { elementSpec as spec } from '../../src/core/domSpec.ts';
import { whenFirstUsed } from '../../src/core/firstUse.ts';
import { lazyModule } from '../../src/core/lazyModule.ts';
import { TableView } from './tableView.ts';

/** The CMS writes `style="minWidth: Npx"` (N = 25 px a column) on every table it makes. */
const CMS_MIN_WIDTH = /^minWidth: \d+px$/;
const CELL_MIN_WIDTH = 25;

/** Every attribute of an element except those a node manages itself, in the order written. */
function otherAttributes(element: Element, managed: readonly string[] = []): Record<string, string> {
  const result: Record<string, string> = {};
  for (const attribute of Array.from(element.attributes)) {
    if (!managed.includes(attribute.name)) result[attribute.name] = attribute.value;
  }
  return result;
}

function extraAttributes(managed: readonly string[] = []): Attribute {
  return { default: {}, rendered: false, parseHTML: (element) => otherAttributes(element, managed) };
}

function childrenNamed(element: Element, name: string): Element[] {
  return Array.from(element.children).filter((child) => child.localName === name);
}

/**
 * Table markup that the table node cannot hold without losing something (a caption, a footer, several
 * bodies, a head after the body, no rows at all): such a table is left out of the parse, so its block is kept as raw HTML.
 */
function unsupportedTable(table: Element): boolean {
  if ((table as HTMLTableElement).rows.length === 0) return true;
  const sections = Array.from(table.children).map((child) => child.localName);
  if (sections.some((name) => name === 'caption' || name === 'tfoot')) return true;
  if (sections.filter((name) => name === 'tbody').length > 1 || sections.filter((name) => name === 'thead').length > 1) return true;
  if (sections.filter((name) => name === 'colgroup').length > 1) return true;
  const head = sections.indexOf('thead');
  return head !== -1 && sections.slice(0, head).some((name) => name === 'tbody' || name === 'tr');
}

/** The number of columns, counted on the first row as the CMS counts them. */
function columnCount(table: PMNode): number {
  const row = table.firstChild;
  if (!row) return 0;
  let count = 0;
  row.forEach((cell) => {
    count += Number(cell.attrs['colspan']) || 1;
  });
  return count;
}

function positiveInteger(value: string | null): number | null {
  if (value === null) return null;
  const number = parseInt(value, 10);
  return Number.isFinite(number) && number > 0 ? number : null;
}

/** Cells always write `rowspan` and `colspan`, in that order, as the CMS does; other attributes follow as written. */
function cellAttributes(): Record<string, Attribute> {
  return {
    rowspan: { default: 1, parseHTML: (element) => positiveInteger(element.getAttribute('rowspan')) },
    colspan: { default: 1, parseHTML: (element) => positiveInteger(element.getAttribute('colspan')) },
    colwidth: {
      default: null,
      parseHTML: (element) => {
        const value = element.getAttribute('colwidth');
        return value ? value.split(',').map((width) => parseInt(width, 10)) : null;
      },
      renderHTML: (attributes) => (Array.isArray(attributes['colwidth']) ? { colwidth: (attributes['colwidth'] as number[]).join(',') } : {}),
    },
    extraAttributes: extraAttributes(['rowspan', 'colspan', 'colwidth']),
  };
}

export const IsomerTableCell = TableCell.extend({
  addAttributes: cellAttributes,
  renderHTML({ node, HTMLAttributes }) {
    return spec('td', { ...HTMLAttributes, ...(node.attrs['extraAttributes'] as Record<string, string>) }, 0);
  },
});

export const IsomerTableHeader = TableHeader.extend({
  addAttributes: cellAttributes,
  renderHTML({ node, HTMLAttributes }) {
    return spec('th', { ...HTMLAttributes, ...(node.attrs['extraAttributes'] as Record<string, string>) }, 0);
  },
});

export const IsomerTableRow = TableRow.extend({
  addAttributes() {
    return { extraAttributes: extraAttributes() };
  },
  renderHTML({ node }) {
    return spec('tr', { ...(node.attrs['extraAttributes'] as Record<string, string>) }, 0);
  },
});

type TableEditing = typeof import('./editing.ts');

/** Table editing: showing a page needs only the nodes, so the editing code loads afterwards. */
const tableEditing = lazyModule<TableEditing>(() => import('./editing.ts'));
export const loadTableEditing = tableEditing.load;

const tableEditingSlot = new PluginKey('tableEditingSlot');

const LAZY_COMMANDS = [
  'addColumnBefore',
  'addColumnAfter',
  'deleteColumn',
  'addRowBefore',
  'addRowAfter',
  'deleteRow',
  'deleteTable',
  'mergeCells',
  'splitCell',
  'toggleHeaderColumn',
  'toggleHeaderRow',
  'toggleHeaderCell',
  'mergeOrSplit',
  'setCellAttribute',
  'goToNextCell',
  'goToPreviousCell',
  'fixTables',
  'setCellSelection',
] as const satisfies readonly (keyof TableEditing['tableCommands'])[];

/** The table commands; until table editing has loaded they do nothing and say they cannot run. */
function lazyCommands(): Pick<RawCommands, (typeof LAZY_COMMANDS)[number]> {
  const entries = LAZY_COMMANDS.map((name) => {
    const command =
      (...args: unknown[]) =>
      (props: CommandProps): boolean => {
        const run = tableEditing.loaded()?.tableCommands[name] as ((...a: unknown[]) => (p: CommandProps) => boolean) | undefined;
        return run ? run(...args)(props) : false;
      };
    return [name, command];
  });
  return Object.fromEntries(entries) as Pick<RawCommands, (typeof LAZY_COMMANDS)[number]>;
}

/** A new table in the CMS markup: `minWidth` for its columns, a colgroup, empty cells. */
function newTable(schema: Schema, rows: number, cols: number, withHeaderRow: boolean): PMNode {
  const { table, tableRow, tableCell, tableHeader } = schema.nodes as Record<string, NonNullable<Schema['nodes'][string]>>;
  const row = (cellType: typeof tableCell) => tableRow!.createChecked(null, Array.from({ length: cols }, () => cellType!.createAndFill()!));
  const body = Array.from({ length: rows }, (_, i) => row(withHeaderRow && i === 0 ? tableHeader : tableCell));
  return table!.createChecked({ htmlAttributes: { style: `minWidth: ${cols * CELL_MIN_WIDTH}px` }, colgroup: [] }, body);
}

/**
 * `<table style="minWidth: 75px"><colgroup><col>…</colgroup><tbody><tr><th rowspan="1" colspan="1"><p>…`
 * and older tables (`class="table-h"`, no colgroup). The table's attributes and its `<col>`s are kept as
 * written; a CMS `minWidth` follows the column count, as the CMS computes it. Rows that were written in a
 * `<thead>` are written there again.
 */
export const IsomerTable = TipTapNode.create({
  name: 'table',
  content: 'tableRow+',
  tableRole: 'table',
  isolating: true,
  group: 'block',

  /** Every node learns its `tableRole` here (row, cell, header cell), which the table-editing code looks for. */
  extendNodeSchema(extension) {
    const context = { name: extension.name, options: extension.options, storage: extension.storage };
    return { tableRole: callOrReturn(getExtensionField(extension, 'tableRole', context)) };
  },

  addAttributes() {
    return {
      htmlAttributes: { default: {}, rendered: false, parseHTML: (element) => otherAttributes(element) },
      /** The attributes of each `<col>`; null when the table has no `<colgroup>`. */
      colgroup: {
        default: null,
        rendered: false,
        parseHTML: (element) => {
          const colgroup = childrenNamed(element, 'colgroup')[0];
          return colgroup ? childrenNamed(colgroup, 'col').map((col) => otherAttributes(col)) : null;
        },
      },
      /** How many of the first rows sit in a `<thead>`. */
      headRows: {
        default: 0,
        rendered: false,
        parseHTML: (element) => {
          const head = childrenNamed(element, 'thead')[0];
          return head ? childrenNamed(head, 'tr').length : 0;
        },
      },
    };
  },

  parseHTML() {
    return [
      { tag: 'table', priority: 1001, ignore: true, getAttrs: (element) => (unsupportedTable(element) ? null : false) },
      { tag: 'table', priority: 1000 },
    ];
  },

  renderHTML({ node }) {
    const attrs: Record<string, string> = { ...(node.attrs['htmlAttributes'] as Record<string, string>) };
    const columns = columnCount(node);
    if (attrs['style'] !== undefined && CMS_MIN_WIDTH.test(attrs['style'])) attrs['style'] = `minWidth: ${columns * CELL_MIN_WIDTH}px`;
    const written = node.attrs['colgroup'] as Record<string, string>[] | null;
    const cols = written ? Array.from({ length: columns }, (_, i) => written[i] ?? {}) : null;
    const headRows = Math.min(Number(node.attrs['headRows']) || 0, node.childCount);

    if (headRows === 0) {
      const colgroup: DOMOutputSpec[] = cols ? [['colgroup', {}, ...cols.map((col) => spec('col', { ...col }))]] : [];
      return spec('table', attrs, ...colgroup, ['tbody', 0]);
    }

    // Rows go to the head until it holds its share, then to the body.
    const document = domDocument();
    const table = document.createElement('table');
    for (const [name, value] of Object.entries(attrs)) table.setAttribute(name, value);
    if (cols) {
      const colgroup = table.appendChild(document.createElement('colgroup'));
      for (const col of cols) {
        const element = colgroup.appendChild(document.createElement('col'));
        for (const [name, value] of Object.entries(col)) element.setAttribute(name, value);
      }
    }
    const thead = table.appendChild(document.createElement('thead'));
    if (headRows >= node.childCount) return { dom: table, contentDOM: thead };
    const tbody = table.appendChild(document.createElement('tbody'));
    const appendToBody = tbody.appendChild.bind(tbody);
    let placed = 0;
    tbody.appendChild = <T extends Node>(child: T): T => (placed++ < headRows ? thead.appendChild(child) : appendToBody(child));
    return { dom: table, contentDOM: tbody };
  },

  addCommands() {
    return {
      ...lazyCommands(),
      insertTable:
        ({ rows = 3, cols = 3, withHeaderRow = true } = {}) =>
        ({ tr, dispatch, editor }) => {
          if (dispatch) {
            const offset = tr.selection.from + 1;
            tr.replaceSelectionWith(newTable(editor.schema, rows, cols, withHeaderRow))
              .scrollIntoView()
              .setSelection(TextSelection.near(tr.doc.resolve(offset)));
          }
          return true;
        },
    };
  },

  addKeyboardShortcuts() {
    const deleteTableWhenAllCellsSelected: KeyboardShortcutCommand = (props) => tableEditing.loaded()?.deleteTableWhenAllCellsSelected(props) ?? false;
    return {
      Tab: () => {
        if (this.editor.commands.goToNextCell()) return true;
        if (!this.editor.can().addRowAfter()) return false;
        return this.editor.chain().addRowAfter().goToNextCell().run();
      },
      'Shift-Tab': () => this.editor.commands.goToPreviousCell(),
      Backspace: deleteTableWhenAllCellsSelected,
      'Mod-Backspace': deleteTableWhenAllCellsSelected,
      Delete: deleteTableWhenAllCellsSelected,
      'Mod-Delete': deleteTableWhenAllCellsSelected,
    };
  },

  // The cell-selection plugin takes this place once table editing has loaded.
  addProseMirrorPlugins() {
    return [new Plugin({ key: tableEditingSlot })];
  },

  addNodeView() {
    return ({ node }) => new TableView(node, CELL_MIN_WIDTH);
  },

  onCreate() {
    const editor = this.editor;
    const install = (module: TableEditing) => module.installTableEditing(editor, tableEditingSlot);
    const editing = tableEditing.loaded();
    if (editing) return install(editing);
    // Loaded at the first use of the editor or when the browser is idle: showing a page does not wait for it.
    whenFirstUsed(editor, () => loadTableEditing().then(install));
  },
});

export const tableExtensions = [IsomerTable, IsomerTableRow, IsomerTableHeader, IsomerTableCell];
