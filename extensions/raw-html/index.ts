import type { BlockDefinition } from '../../src/core/blockDefinition.ts';
import { RawHtml } from './schema.ts';

export const rawHtmlBlock: BlockDefinition = {
  name: 'raw-html',
  order: 20,
  extensions: [RawHtml],
  insertEntries: [
    {
      id: 'raw-html',
      label: 'HTML',
      icon: '{ }',
      keywords: ['html', 'raw', 'code', 'custom'],
      insert: (e) => e.chain().focus().insertRawHtml('<div></div>').run(),
    },
  ],
  fixtures: [
    { name: 'section', html: '<section class="intro">\n<p>Kept as written</p>\n</section>' },
    { name: 'style', html: '<style>\n.note { color: #333; }\n</style>' },
    { name: 'center', html: '<center>Centred words</center>' },
    { name: 'comment', html: '<!-- a note for editors -->' },
  ],
};
