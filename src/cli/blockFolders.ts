import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { configuredBlockModules } from './blockConfig.ts';

/**
 * The block folders under `extensions/`, found rather than listed: a folder with an `index.ts` is a block,
 * and its `index.ts` exports `<camelCaseName>Block`. The list is written to `extensions/blocks.generated.ts`
 * (at build and dev time by the Vite plugin, in Node by `isomer-editor blocks`), so adding a block is
 * adding its folder.
 */
export const GENERATED_FILE = 'blocks.generated.ts';

/** The folders of `extensionsDir` that hold a block, sorted by name. */
export function blockFolderNames(extensionsDir: string): string[] {
  return readdirSync(extensionsDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(join(extensionsDir, entry.name, 'index.ts')))
    .map((entry) => entry.name)
    .sort();
}

/** `card-grid` → `cardGridBlock`: the name a block folder's `index.ts` exports its definition under. */
export function blockExportName(folder: string): string {
  return `${folder.replace(/[-_]+([a-z0-9])/gi, (_, c: string) => c.toUpperCase())}Block`;
}

/**
 * The text of `blocks.generated.ts` for these folders, plus the block modules a site's config names
 * (import paths relative to the generated file): every block definition such a module exports.
 */
export function blocksModuleText(folders: readonly string[], configured: readonly string[] = [], extensionsPath = '.'): string {
  const lines = [
    '// Written by `isomer-editor blocks` (and at build time): every folder under extensions/ with an index.ts.',
    '// Do not edit: add or remove a block folder instead.',
    `import type { BlockDefinition } from '${extensionsPath}/../src/core/blockDefinition.ts';`.replace('./../', '../'),
    ...folders.map((folder) => `import { ${blockExportName(folder)} } from '${extensionsPath}/${folder}/index.ts';`),
    ...configured.map((path, i) => `import * as configured${i} from '${path}';`),
    '',
  ];
  if (configured.length === 0) {
    lines.push(`export const foundBlocks: readonly BlockDefinition[] = [${folders.map(blockExportName).join(', ')}];`, '');
    return lines.join('\n');
  }
  lines.push(
    '// The blocks named by isomer-editor.config: whatever a module exports that looks like a block.',
    'const isBlock = (value: unknown): value is BlockDefinition =>',
    "  typeof value === 'object' && value !== null && 'name' in value && 'order' in value && 'extensions' in value;",
    `const configured = [${configured.map((_, i) => `configured${i}`).join(', ')}].flatMap((module) => Object.values(module).filter(isBlock));`,
    '',
    `export const foundBlocks: readonly BlockDefinition[] = [${[...folders.map(blockExportName), '...configured'].join(', ')}];`,
    '',
  );
  return lines.join('\n');
}

/**
 * Writes `blocks.generated.ts` (or `outFile`) when its text changed; true when it did. Blocks named by an
 * `isomer-editor.config` in `configDir` are included.
 */
export async function writeBlocksModule(extensionsDir: string, configDir?: string, outFile = join(extensionsDir, GENERATED_FILE)): Promise<boolean> {
  const modules = configDir ? await configuredBlockModules(configDir) : [];
  const from = dirname(outFile);
  const text = blocksModuleText(blockFolderNames(extensionsDir), modules.map((file) => importPath(from, file)), relative(from, extensionsDir) === '' ? '.' : importPath(from, extensionsDir));
  if (existsSync(outFile) && readFileSync(outFile, 'utf8') === text) return false;
  writeFileSync(outFile, text);
  return true;
}

/** An import specifier for `file` from a module in `fromDir`. */
function importPath(fromDir: string, file: string): string {
  const path = relative(fromDir, file).split(sep).join('/');
  return path.startsWith('.') ? path : `./${path}`;
}

/** A Vite plugin that keeps `blocks.generated.ts` in step with the folders, at build and while serving. */
export function blockFoldersPlugin(extensionsDir: string, configDir = process.cwd()) {
  return {
    name: 'isomer-block-folders',
    async buildStart() {
      await writeBlocksModule(extensionsDir, configDir);
    },
    configureServer(server: { watcher: { on(event: string, listener: (path: string) => void): unknown } }) {
      const update = (path: string) => {
        if (path.startsWith(extensionsDir) && path.endsWith('index.ts')) void writeBlocksModule(extensionsDir, configDir);
      };
      server.watcher.on('add', update);
      server.watcher.on('unlink', update);
    },
  };
}
