import type { BlockDefinition } from '../../src/core/blockDefinition.ts';
import { tableExtensions } from './schema.ts';

const css = `
.tableWrapper { overflow-x: auto; margin: 0 0 1.5rem; }
table { border-collapse: collapse; width: 100%; margin: 0 0 1.5rem; table-layout: auto; }
.tableWrapper > table { margin: 0; }
table th, table td { border: 1px solid #d6d6d6; padding: 0.5rem 0.75rem; vertical-align: top; text-align: left; position: relative; }
table th { background: #f4f4f4; font-weight: 700; color: #344054; }
table th > :first-child, table td > :first-child { margin-top: 0; }
table th > :last-child, table td > :last-child { margin-bottom: 0; }
table .selectedCell::after { content: ''; position: absolute; inset: 0; background: rgba(67, 114, 214, 0.15); pointer-events: none; }
`;

export const tableBlock: BlockDefinition = {
  name: 'table',
  order: 80,
  plainMarkup: {
    table: { style: true, width: true },
    colgroup: {},
    col: { style: true, width: true, span: true },
    thead: {}, tbody: {}, tr: {},
    th: { colspan: true, rowspan: true, style: true },
    td: { colspan: true, rowspan: true, style: true },
  },
  extensions: tableExtensions,
  sanitizer: {
    // Column widths the editor's resizing writes (`colwidth="120"`, or "120,80" for a spanning cell).
    elements: ['td', 'th'].map((tag) => ({ tag, attributes: { colwidth: /\d+(?:,\d+)*/ }, unknownAttributes: 'keep' as const })),
  },
  insertEntries: [
    {
      id: 'table',
      label: 'Table',
      icon: '▦',
      keywords: ['table', 'grid', 'rows', 'columns', 'cells'],
      insert: (e) => e.chain().focus().insertTable({ rows: 3, cols: 3, withHeaderRow: true }).run(),
    },
  ],
  loadSettingsPanel: () => import('./ui.tsx'),
  settingsFor: ['table'],
  css,
  fixtures: [
    {
      name: 'CMS table with a header row and spans',
      html:
        '<table style="minWidth: 75px">\n<colgroup>\n<col>\n<col>\n<col>\n</colgroup>\n<tbody>\n' +
        '<tr>\n<th rowspan="1" colspan="1">\n<p>Park</p>\n</th>\n<th rowspan="1" colspan="1">\n<p>Opens</p>\n</th>\n<th rowspan="1" colspan="1">\n<p>Closes</p>\n</th>\n</tr>\n' +
        '<tr>\n<td rowspan="2" colspan="1">\n<p><strong>Harbour Lawn</strong></p>\n</td>\n<td rowspan="1" colspan="1">\n<p>6 am</p>\n</td>\n<td rowspan="1" colspan="1">\n<p>11 pm</p>\n</td>\n</tr>\n' +
        '<tr>\n<td rowspan="1" colspan="2">\n<p>Open all night on <a href="/news/">festival days</a></p>\n</td>\n</tr>\n' +
        '</tbody>\n</table>',
    },
    {
      name: 'CMS table with a header column and rich cells',
      html:
        '<table style="minWidth: 50px">\n<colgroup>\n<col>\n<col>\n</colgroup>\n<tbody>\n' +
        '<tr>\n<th rowspan="1" colspan="1">\n<p>Rangers</p>\n</th>\n<td rowspan="1" colspan="1">\n<p>Patrol the parks</p>\n<ul data-tight="true" class="tight">\n<li>\n<p>Day shifts</p>\n</li>\n<li>\n<p>Night shifts</p>\n</li>\n</ul>\n</td>\n</tr>\n' +
        '<tr>\n<th rowspan="1" colspan="1">\n<p></p>\n</th>\n<td rowspan="1" colspan="1">\n<p>Plant trees<br>and water them</p>\n</td>\n</tr>\n' +
        '</tbody>\n</table>',
    },
    {
      name: 'older table with a class and no colgroup',
      html:
        '<table class="table-h">\n<tbody>\n<tr>\n<th rowspan="1" colspan="2">\n<p>Stage one</p>\n</th>\n</tr>\n' +
        '<tr>\n<td rowspan="1" colspan="1" style="text-align: left;">\n<p>From</p>\n</td>\n<td rowspan="1" colspan="1">\n<p>Visitor Centre</p>\n</td>\n</tr>\n</tbody>\n</table>',
    },
    {
      name: 'columns resized in the editor',
      html:
        '<table>\n<tbody>\n<tr>\n<th rowspan="1" colspan="2" colwidth="200,120">\n<p>Stage</p>\n</th>\n</tr>\n' +
        '<tr>\n<td rowspan="1" colspan="1" colwidth="200">\n<p>1</p>\n</td>\n<td rowspan="1" colspan="1">\n<p>1.2 km</p>\n</td>\n</tr>\n</tbody>\n</table>',
    },
    {
      name: 'table with a head section',
      html:
        '<table width="100%">\n<thead>\n<tr>\n<th rowspan="1" colspan="1">\n<p>Stage</p>\n</th>\n<th rowspan="1" colspan="1">\n<p>Length</p>\n</th>\n</tr>\n</thead>\n' +
        '<tbody>\n<tr>\n<td rowspan="1" colspan="1">\n<p>1</p>\n</td>\n<td rowspan="1" colspan="1">\n<p>1.2 km</p>\n</td>\n</tr>\n</tbody>\n</table>',
    },
  ],
};
