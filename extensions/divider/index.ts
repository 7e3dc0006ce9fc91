import type { BlockDefinition } from '../../src/core/blockDefinition.ts';
import { Divider } from './schema.ts';

const css = `
hr { border: 0; border-top: 1px solid #d6d6d6; margin: 2rem 0; }
`;

export const dividerBlock: BlockDefinition = {
  name: 'divider',
  order: 50,
  plainMarkup: { hr: {} },
  extensions: [Divider],
  insertEntries: [
    {
      id: 'divider',
      label: 'Divider',
      icon: '―',
      keywords: ['divider', 'line', 'rule', 'hr', 'separator'],
      insert: (e) => e.chain().focus().insertDivider().run(),
    },
  ],
  css,
  fixtures: [
    { name: 'divider', html: '<hr>' },
    { name: 'divider with a class', html: '<hr class="section-break">' },
  ],
};
