// @vitest-environment jsdom
// Blocks from a site's isomer-editor.config: a block package built in a temporary folder is registered
// beside the editor's own blocks and its markup round-trips.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { BodyCodec } from '../core/bodyCodec.ts';
import type { BlockDefinition } from '../core/blockDefinition.ts';
import { blockRegistry } from '../../extensions/registry.ts';
import { BlockConfigError, configuredBlockModules } from './blockConfig.ts';
import { blockFolderNames, writeBlocksModule } from './blockFolders.ts';

// (A path, not a URL: under jsdom, `URL` is jsdom's.)
const projectRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const extensionsDir = join(projectRoot, 'extensions');
// Inside the project's (ignored) test-results folder: the test environment loads modules from the project only.
mkdirSync(join(projectRoot, 'test-results'), { recursive: true });
const site = mkdtempSync(join(projectRoot, 'test-results', 'config-site-'));
afterAll(() => rmSync(site, { recursive: true, force: true }));

const NOTE_HTML = '<aside class="site-note">\n<p>Bring water.</p>\n</aside>';

/** A built block package: plain JavaScript and its own package.json, installed in the site's node_modules. */
function writeBlockPackage(): void {
  const pkg = join(site, 'node_modules', 'site-note-block');
  mkdirSync(join(pkg, 'dist'), { recursive: true });
  writeFileSync(join(pkg, 'package.json'), JSON.stringify({ name: 'site-note-block', type: 'module', exports: { '.': { import: './dist/index.js' } } }));
  writeFileSync(
    join(pkg, 'dist', 'index.js'),
    `import { Node } from '@tiptap/core';
const SiteNote = Node.create({
  name: 'siteNote',
  group: 'block',
  content: 'paragraph+',
  parseHTML() { return [{ tag: 'aside.site-note', priority: 1000, getAttrs: (el) => (el.getAttribute('class') === 'site-note' && el.attributes.length === 1 ? null : false) }]; },
  renderHTML() { return ['aside', { class: 'site-note' }, 0]; },
});
export const siteNoteBlock = {
  name: 'site-note',
  order: 990,
  extensions: [SiteNote],
  sanitizer: { elements: [{ tag: 'aside', className: 'site-note', attributes: {} }] },
  fixtures: [{ name: 'a note', html: ${JSON.stringify(NOTE_HTML)} }],
};
export const NOT_A_BLOCK = 'ignored';
`,
  );
}

/** A block folder beside the site, in TypeScript like the editor's own. */
function writeBlockFolder(): void {
  const folder = join(site, 'blocks', 'badge');
  mkdirSync(folder, { recursive: true });
  writeFileSync(
    join(folder, 'index.ts'),
    `import { Node } from '@tiptap/core';
const Badge = Node.create({ name: 'siteBadge', group: 'block', atom: true, parseHTML: () => [{ tag: 'hr.site-badge' }], renderHTML: () => ['hr', { class: 'site-badge' }] });
export const badgeBlock = { name: 'site-badge', order: 991, extensions: [Badge], sanitizer: { elements: [{ tag: 'hr', className: 'site-badge', attributes: {} }] } };
`,
  );
}

describe('isomer-editor.config', () => {
  writeBlockPackage();
  writeBlockFolder();
  // (A .mjs config here: the .ts one is read in blockConfigTs.test.ts, outside jsdom, as Node reads it.)
  writeFileSync(join(site, 'isomer-editor.config.mjs'), "export default { blocks: ['site-note-block', './blocks/badge'] };\n");

  it('names block packages and folders, found as Node finds them', async () => {
    expect(await configuredBlockModules(site)).toEqual([join(site, 'node_modules', 'site-note-block', 'dist', 'index.js'), join(site, 'blocks', 'badge', 'index.ts')]);
  });

  it('puts the configured blocks in the registry beside every block folder, and their markup round-trips', async () => {
    const out = join(site, 'blocks.generated.ts');
    expect(await writeBlocksModule(extensionsDir, site, out)).toBe(true);
    const text = readFileSync(out, 'utf8');
    expect(text).toContain("from './node_modules/site-note-block/dist/index.js'");
    const { foundBlocks } = (await import(/* @vite-ignore */ out)) as { foundBlocks: readonly BlockDefinition[] };
    expect(foundBlocks.map((b) => b.name)).toEqual([...blockRegistry.map((b) => b.name).sort(), 'site-note', 'site-badge']);
    expect(foundBlocks.slice(0, blockFolderNames(extensionsDir).length)).toEqual(blockFolderNames(extensionsDir).map((_, i) => [...blockRegistry].sort((a, b) => a.name.localeCompare(b.name))[i]));

    const codec = new BodyCodec([...foundBlocks].sort((a, b) => a.order - b.order));
    const body = codec.importHtml(NOTE_HTML);
    expect(body.doc.firstChild?.type.name).toBe('siteNote');
    expect(codec.exportHtml(body).html).toBe(NOTE_HTML);
  });

  it('says which entry it cannot find', async () => {
    const other = mkdtempSync(join(projectRoot, 'test-results', 'config-bad-'));
    try {
      writeFileSync(join(other, 'isomer-editor.config.mjs'), "export default { blocks: ['no-such-block'] };\n");
      await expect(configuredBlockModules(other)).rejects.toThrow(BlockConfigError);
      await expect(configuredBlockModules(other)).rejects.toThrow(/"no-such-block" is not installed/);
    } finally {
      rmSync(other, { recursive: true, force: true });
    }
  });

  it('without a config, the generated list is the block folders alone', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'isomer-config-none-'));
    try {
      expect(await configuredBlockModules(empty)).toEqual([]);
    } finally {
      rmSync(empty, { recursive: true, force: true });
    }
  });
});
