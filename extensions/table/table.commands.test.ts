// @vitest-environment jsdom
import type { Editor } from '@tiptap/core';
import { CellSelection } from '@tiptap/pm/tables';
import { beforeAll, describe, expect, it } from 'vitest';
import { BodyCodec } from '../../src/core/bodyCodec.ts';
import { testEditors } from '../../src/core/testing/testEditors.ts';
import { blockRegistry } from '../registry.ts';
import { loadTableEditing } from './schema.ts';

const codec = new BodyCodec(blockRegistry);

const cell = (tag: 'td' | 'th', text = '', span = '') => `<${tag} rowspan="1" colspan="1"${span}>\n<p>${text}</p>\n</${tag}>`;
const row = (...cells: string[]) => `<tr>\n${cells.join('\n')}\n</tr>`;
const table = (cols: number, ...rows: string[]) =>
  `<table style="minWidth: ${cols * 25}px">\n<colgroup>\n${Array.from({ length: cols }, () => '<col>').join('\n')}\n</colgroup>\n<tbody>\n${rows.join('\n')}\n</tbody>\n</table>`;

describe('table commands', () => {
  // The editing code loads after the editor is up; here it is loaded first, so every editor has it at once.
  beforeAll(() => loadTableEditing());
  const makeEditor = testEditors(codec);
  let editor: Editor | null = null;

  function start(content: object = { type: 'doc', content: [{ type: 'paragraph' }] }): Editor {
    editor = makeEditor({ content });
    return editor;
  }

  function exported(e: Editor): string {
    return codec.exportHtml({ doc: e.state.doc, leading: '', trailing: '' }).html;
  }

  /** Position of the cell at (row, col) of the first table (before the cell; its text starts 2 further). */
  function cellPos(e: Editor, r: number, c: number): number {
    let found = -1;
    e.state.doc.descendants((node, pos) => {
      if (found !== -1) return false;
      if (node.type.name !== 'table') return true;
      let at = pos + 1;
      for (let i = 0; i < r; i++) at += node.child(i).nodeSize;
      at += 1;
      for (let j = 0; j < c; j++) at += node.child(r).child(j).nodeSize;
      found = at;
      return false;
    });
    return found;
  }

  it('cell selection takes the place kept for it among the plugins; column resizing is off', async () => {
    const e = start();
    const keys = () => e.state.plugins.map((plugin) => (plugin as unknown as { key: string }).key);
    const before = keys();
    const slot = before.findIndex((key) => key.startsWith('tableEditingSlot$'));
    expect(slot).toBeGreaterThan(0);
    await new Promise((resolve) => setTimeout(resolve, 0)); // the editor's create event
    const after = keys();
    expect(after).toHaveLength(before.length);
    expect(after[slot]).toMatch(/^selectingCells\$/);
    expect(after.filter((_, i) => i !== slot)).toEqual(before.filter((_, i) => i !== slot));
    expect(after.some((key) => key.startsWith('tableColumnResizing$'))).toBe(false);
  });

  it('insertTable makes a 3 × 3 table with a header row, in the CMS markup', () => {
    const e = start();
    expect(e.commands.insertTable()).toBe(true);
    e.state.doc.check();
    expect(e.state.selection.$from.node(-1).type.name).toBe('tableHeader');
    e.commands.insertContent('Name');
    const html = exported(e);
    expect(html).toContain(table(3, row(cell('th', 'Name'), cell('th'), cell('th')), row(cell('td'), cell('td'), cell('td')), row(cell('td'), cell('td'), cell('td'))));
    const reread = codec.importHtml(html);
    expect(reread.report.filter((r) => r.kind !== 'keptRaw')).toEqual([]);
    expect(codec.exportHtml(reread, { reuseSource: false }).html).toBe(html);
  });

  it('adding and removing columns keeps colgroup and minWidth in step', () => {
    const e = start();
    e.commands.insertTable({ rows: 2, cols: 2, withHeaderRow: false });
    expect(e.commands.addColumnAfter()).toBe(true);
    expect(exported(e)).toContain(table(3, row(cell('td'), cell('td'), cell('td')), row(cell('td'), cell('td'), cell('td'))));
    expect(e.commands.deleteColumn()).toBe(true);
    expect(e.commands.deleteColumn()).toBe(true);
    expect(exported(e)).toContain(table(1, row(cell('td')), row(cell('td'))));
  });

  it('rows, header row, header column and header cell toggle', () => {
    const e = start();
    e.commands.insertTable({ rows: 2, cols: 2, withHeaderRow: false });
    expect(e.commands.addRowAfter()).toBe(true);
    expect(e.commands.toggleHeaderRow()).toBe(true);
    expect(exported(e)).toContain(table(2, row(cell('th'), cell('th')), row(cell('td'), cell('td')), row(cell('td'), cell('td'))));
    expect(e.commands.toggleHeaderColumn()).toBe(true);
    expect(exported(e)).toContain(table(2, row(cell('th'), cell('th')), row(cell('th'), cell('td')), row(cell('th'), cell('td'))));
    // The cursor is still in the first row: that row goes.
    expect(e.commands.deleteRow()).toBe(true);
    expect(exported(e)).toContain(table(2, row(cell('th'), cell('td')), row(cell('th'), cell('td'))));
    e.commands.setTextSelection(cellPos(e, 1, 1) + 2);
    expect(e.commands.toggleHeaderCell()).toBe(true);
    expect(exported(e)).toContain(table(2, row(cell('th'), cell('td')), row(cell('th'), cell('th'))));
    e.state.doc.check();
  });

  it('merges and splits cells, writing the spans', () => {
    const e = start();
    e.commands.insertTable({ rows: 2, cols: 3, withHeaderRow: false });
    const from = cellPos(e, 0, 0);
    const to = cellPos(e, 0, 1);
    e.commands.setCellSelection({ anchorCell: from, headCell: to });
    expect(e.state.selection instanceof CellSelection).toBe(true);
    expect(e.commands.mergeCells()).toBe(true);
    expect(exported(e)).toContain(
      table(3, row('<td rowspan="1" colspan="2">\n<p></p>\n</td>', cell('td')), row(cell('td'), cell('td'), cell('td'))),
    );
    e.commands.setTextSelection(cellPos(e, 0, 0) + 2);
    expect(e.commands.splitCell()).toBe(true);
    expect(exported(e)).toContain(table(3, row(cell('td'), cell('td'), cell('td')), row(cell('td'), cell('td'), cell('td'))));
    expect(e.commands.deleteTable()).toBe(true);
    expect(exported(e)).not.toContain('<table');
  });

  it('editing an imported table keeps its written style and cols', () => {
    const body = '<table class="table-h">\n<tbody>\n<tr>\n<td rowspan="1" colspan="1">\n<p>A</p>\n</td>\n</tr>\n</tbody>\n</table>';
    const e = start(codec.toJSON(codec.importHtml(body).doc) as object);
    e.commands.setTextSelection(cellPos(e, 0, 0) + 3);
    e.commands.insertContent('!');
    expect(exported(e)).toBe(body.replace('<p>A</p>', '<p>A!</p>'));
    e.commands.addColumnAfter();
    expect(exported(e)).toBe(
      '<table class="table-h">\n<tbody>\n<tr>\n<td rowspan="1" colspan="1">\n<p>A!</p>\n</td>\n<td rowspan="1" colspan="1">\n<p></p>\n</td>\n</tr>\n</tbody>\n</table>',
    );
  });
});
