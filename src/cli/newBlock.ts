import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { blockExportName } from './blockFolders.ts';

/** A name `new-block` cannot use (not kebab-case, or the folder exists). */
export class NewBlockError extends Error {}

/**
 * Writes `extensions/<name>/`: a block of one node, `<div class="isomer-<name>" data-tone="info|warning">`
 * holding paragraphs and lists, with its sanitiser allowances, insert entry, settings panel, CSS,
 * fixtures (positive, near misses, hostile) and a test running the block contract. Returns the folder.
 */
export function writeNewBlock(extensionsDir: string, name: string): string {
  if (!/^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/.test(name)) throw new NewBlockError(`"${name}" is not a block name: use lower-case words joined by hyphens, e.g. "callout" or "info-box".`);
  const folder = join(extensionsDir, name);
  if (existsSync(folder)) throw new NewBlockError(`extensions/${name} already exists.`);
  mkdirSync(folder);
  for (const [file, text] of Object.entries(newBlockFiles(name))) writeFileSync(join(folder, file), text);
  return join('extensions', name);
}

/** The files of a new block folder, by file name. */
export function newBlockFiles(name: string): Record<string, string> {
  const block = blockExportName(name);
  const node = block.replace(/Block$/, '');
  const Node = node.charAt(0).toUpperCase() + node.slice(1);
  const label = name.replace(/-/g, ' ').replace(/^./, (c) => c.toUpperCase());
  const cls = `isomer-${name}`;
  const schema = `import { Node } from '@tiptap/core';

/** The tones a ${label.toLowerCase()} may have: the values \`data-tone\` may take. */
export const TONES = ['info', 'warning'] as const;
export type Tone = (typeof TONES)[number];

export const CLASS_NAME = '${cls}';

declare module '@tiptap/core' {
  interface Commands<ReturnType> {
    ${node}: {
      /** Inserts an empty ${label.toLowerCase()} at the selection. */
      insert${Node}: (tone?: Tone) => ReturnType;
    };
  }
}

/** Whether an element is exactly this block's markup: the class alone, a known tone, nothing else. */
function is${Node}(element: HTMLElement): boolean {
  const tone = element.getAttribute('data-tone');
  return (
    element.getAttribute('class') === CLASS_NAME &&
    tone !== null &&
    (TONES as readonly string[]).includes(tone) &&
    Array.from(element.attributes).every((a) => a.name === 'class' || a.name === 'data-tone')
  );
}

/** \`<div class="${cls}" data-tone="info">\` holding paragraphs and lists. */
export const ${Node} = Node.create({
  name: '${node}',
  group: 'block',
  content: '(paragraph | bulletList | orderedList)+',
  defining: true,

  addAttributes() {
    return { tone: { default: 'info', rendered: false, parseHTML: (element) => element.getAttribute('data-tone') } };
  },

  parseHTML() {
    return [{ tag: \`div.\${CLASS_NAME}\`, priority: 1000, getAttrs: (element) => (is${Node}(element) ? null : false) }];
  },

  renderHTML({ node }) {
    return ['div', { class: CLASS_NAME, 'data-tone': node.attrs['tone'] as string }, 0];
  },

  addCommands() {
    return {
      insert${Node}:
        (tone = 'info') =>
        ({ commands }) =>
          commands.insertContent({ type: '${node}', attrs: { tone }, content: [{ type: 'paragraph' }] }),
    };
  },
});
`;
  const index = `import type { BlockDefinition } from '../../src/core/blockDefinition.ts';
import { CLASS_NAME, ${Node}, TONES } from './schema.ts';

const css = \`
.${cls} { margin: 0 0 1.5rem; padding: 1rem 1.25rem; border-left: 4px solid #4372d6; background: #eef3fc; }
.${cls}[data-tone="warning"] { border-left-color: #c77700; background: #fff6e5; }
.${cls} > :first-child { margin-top: 0; }
.${cls} > :last-child { margin-bottom: 0; }
\`;

export const ${block}: BlockDefinition = {
  name: '${name}',
  order: 500,
  extensions: [${Node}],
  sanitizer: {
    elements: [{ tag: 'div', className: CLASS_NAME, attributes: { 'data-tone': TONES } }],
  },
  insertEntries: [
    {
      id: '${name}',
      label: '${label}',
      icon: '!',
      keywords: ['${name}', 'note', 'notice', 'info', 'warning'],
      insert: (e) => e.chain().focus().insert${Node}().run(),
    },
  ],
  loadSettingsPanel: () => import('./ui.tsx'),
  settingsFor: ['${node}'],
  css,
  fixtures: [
    { name: 'info with a paragraph', html: '<div class="${cls}" data-tone="info">\\n<p>The park opens at <strong>6 am</strong>.</p>\\n</div>' },
    { name: 'warning with a list', html: '<div class="${cls}" data-tone="warning">\\n<p>Closed on:</p>\\n<ul>\\n<li>\\n<p>Public holidays</p>\\n</li>\\n</ul>\\n<ol>\\n<li>\\n<p>Storm days</p>\\n</li>\\n</ol>\\n</div>' },
  ],
  nearMisses: [
    { name: 'extra class', html: '<div class="${cls} wide" data-tone="info">\\n<p>Wide</p>\\n</div>' },
    { name: 'other tag', html: '<section class="${cls}" data-tone="info">\\n<p>A section</p>\\n</section>' },
    { name: 'no tone', html: '<div class="${cls}">\\n<p>Plain</p>\\n</div>' },
    { name: 'a table inside', html: '<div class="${cls}" data-tone="info">\\n<table><tbody><tr><td>x</td></tr></tbody></table>\\n</div>' },
  ],
  hostile: [
    { name: 'a tone it does not know', html: '<div class="${cls}" data-tone="danger">\\n<p>Careful</p>\\n</div>' },
    { name: 'event handler', html: '<div class="${cls}" data-tone="info" onclick="alert(1)">\\n<p>x</p>\\n</div>' },
    { name: 'style', html: '<div class="${cls}" data-tone="info" style="color: red">\\n<p>x</p>\\n</div>' },
    { name: 'attribute it does not own', html: '<div class="${cls}" data-tone="info" title="x">\\n<p>x</p>\\n</div>' },
  ],
};
`;
  const ui = `import type { BlockPanelProps } from '../../src/editor/blockPanelProps.ts';
import { setAttrs } from '../../src/editor/settingsControls.tsx';
import { TONES, type Tone } from './schema.ts';

/** Settings of a ${label.toLowerCase()}: its tone. Its text is typed in the page. */
export default function ${Node}Settings({ editor, node, pos }: BlockPanelProps) {
  const tone = node.attrs['tone'] as Tone;
  return (
    <fieldset className="settings-group">
      <legend>Tone</legend>
      {TONES.map((value) => (
        <label key={value}>
          <input type="radio" name="${name}-tone" value={value} checked={tone === value} onChange={() => setAttrs(editor, pos, '${node}', { tone: value })} />
          {value === 'info' ? 'Information' : 'Warning'}
        </label>
      ))}
    </fieldset>
  );
}
`;
  const test = `// @vitest-environment jsdom
import { describeBlockContract } from '../blockContract.ts';
import { ${block} } from './index.ts';

describeBlockContract(${block});
`;
  return { 'schema.ts': schema, 'index.ts': index, 'ui.tsx': ui, [`${name}.test.ts`]: test };
}
