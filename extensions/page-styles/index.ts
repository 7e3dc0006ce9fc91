import type { BlockDefinition } from '../../src/core/blockDefinition.ts';
import { PageStyles } from './schema.ts';

const css = `
.isomer-canvas .page-styles-chip { display: inline-flex; gap: 0.5rem; align-items: center; margin: 0.25rem 0; padding: 0.1rem 0.5rem; border: 1px solid #cbd2d9; border-radius: 999px; font: 12px/1.6 system-ui, sans-serif; color: #52606d; background: #f5f7fa; }
.isomer-canvas .page-styles-chip.is-selected { outline: 2px solid #2563eb; }
`;

export const pageStylesBlock: BlockDefinition = {
  name: 'page-styles',
  order: 100,
  extensions: [PageStyles],
  // The sanitiser judges every `<style>` (sanitize.ts): what loads or runs anything is removed and reported.
  insertEntries: [
    {
      id: 'page-styles',
      label: 'Page styles',
      icon: '#',
      keywords: ['css', 'style', 'styles'],
      insert: (e) => e.chain().focus().insertContent({ type: 'pageStyles', attrs: { css: '\n.example { color: #333; }\n', attributes: {} } }).run(),
    },
  ],
  css,
  fixtures: [
    { name: 'grid styles', html: '<style>\n.people-grid { display: grid; grid-template-columns: repeat(3, 1fr); gap: 1rem; }\n.people-grid img { width: 100%; }\n</style>' },
    { name: 'with media', html: '<style media="screen">.note > p { color: #333; }</style>' },
  ],
};
