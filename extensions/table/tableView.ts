import type { Node as PMNode } from '@tiptap/pm/model';
import type { NodeView } from '@tiptap/pm/view';

/**
 * How a table shows in the editor: a scrolling `div.tableWrapper` around the table, with a
 * `<colgroup>` giving each column at least the minimum cell width. The same view as the table
 * extension of TipTap, kept here so that showing a table does not load the table-editing code.
 */
export class TableView implements NodeView {
  node: PMNode;
  dom: HTMLDivElement;
  table: HTMLTableElement;
  colgroup: HTMLTableColElement;
  contentDOM: HTMLTableSectionElement;

  constructor(
    node: PMNode,
    private readonly cellMinWidth: number,
  ) {
    this.node = node;
    this.dom = document.createElement('div');
    this.dom.className = 'tableWrapper';
    this.table = this.dom.appendChild(document.createElement('table'));
    this.colgroup = this.table.appendChild(document.createElement('colgroup'));
    updateColumns(node, this.colgroup, this.table, cellMinWidth);
    this.contentDOM = this.table.appendChild(document.createElement('tbody'));
  }

  update(node: PMNode): boolean {
    if (node.type !== this.node.type) return false;
    this.node = node;
    updateColumns(node, this.colgroup, this.table, this.cellMinWidth);
    return true;
  }

  /** Changes to the wrapper and the colgroup are the view's own, not the document's. */
  ignoreMutation(mutation: MutationRecord | { type: 'selection'; target: Node }): boolean {
    const target = mutation.target;
    return this.dom.contains(target) && !this.contentDOM.contains(target) && mutation.type !== 'selection';
  }
}

function columnStyle(minWidth: number, width: number | undefined): [string, string] {
  return width ? ['width', `${Math.max(width, minWidth)}px`] : ['min-width', `${minWidth}px`];
}

/** One `<col>` a column (spans counted), sized by the cells' `colwidth`; the table as wide as its columns. */
function updateColumns(node: PMNode, colgroup: HTMLTableColElement, table: HTMLTableElement, cellMinWidth: number): void {
  let totalWidth = 0;
  let fixedWidth = true;
  let nextDOM = colgroup.firstChild as HTMLElement | null;
  const row = node.firstChild;
  if (row !== null) {
    for (let i = 0; i < row.childCount; i += 1) {
      const { colspan, colwidth } = row.child(i).attrs as { colspan: number; colwidth: number[] | null };
      for (let j = 0; j < colspan; j += 1) {
        const width = colwidth?.[j];
        const cssWidth = width ? `${width}px` : '';
        totalWidth += width || cellMinWidth;
        if (!width) fixedWidth = false;
        if (!nextDOM) {
          const col = document.createElement('col');
          col.style.setProperty(...columnStyle(cellMinWidth, width));
          colgroup.appendChild(col);
        } else {
          if (nextDOM.style.width !== cssWidth) nextDOM.style.setProperty(...columnStyle(cellMinWidth, width));
          nextDOM = nextDOM.nextSibling as HTMLElement | null;
        }
      }
    }
  }
  while (nextDOM) {
    const after = nextDOM.nextSibling as HTMLElement | null;
    nextDOM.remove();
    nextDOM = after;
  }
  if (fixedWidth) {
    table.style.width = `${totalWidth}px`;
    table.style.minWidth = '';
  } else {
    table.style.width = '';
    table.style.minWidth = `${totalWidth}px`;
  }
}
