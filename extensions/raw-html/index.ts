import type { BlockDefinition } from '../../src/core/blockDefinition.ts';
import { RawHtml } from './schema.ts';

export const rawHtmlBlock: BlockDefinition = {
  name: 'raw-html',
  order: 20,
  extensions: [RawHtml],
  sanitizer: {
    // Kept verbatim inside raw blocks: layout wrappers and page styles that no block edits.
    tags: ['section', 'center', 'style', 'font', 'article', 'aside', 'header', 'footer', 'nav', 'main', 'figure', 'figcaption'],
    attributes: ['align', 'data-raw-html'],
  },
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
