import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

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

/** The text of `blocks.generated.ts` for these folders. */
export function blocksModuleText(folders: readonly string[]): string {
  const lines = [
    '// Written by `isomer-editor blocks` (and at build time): every folder under extensions/ with an index.ts.',
    '// Do not edit: add or remove a block folder instead.',
    "import type { BlockDefinition } from '../src/core/blockDefinition.ts';",
    ...folders.map((folder) => `import { ${blockExportName(folder)} } from './${folder}/index.ts';`),
    '',
    `export const foundBlocks: readonly BlockDefinition[] = [${folders.map(blockExportName).join(', ')}];`,
    '',
  ];
  return lines.join('\n');
}

/** Writes `blocks.generated.ts` when its text changed; true when it did. */
export function writeBlocksModule(extensionsDir: string): boolean {
  const path = join(extensionsDir, GENERATED_FILE);
  const text = blocksModuleText(blockFolderNames(extensionsDir));
  if (existsSync(path) && readFileSync(path, 'utf8') === text) return false;
  writeFileSync(path, text);
  return true;
}

/** A Vite plugin that keeps `blocks.generated.ts` in step with the folders, at build and while serving. */
export function blockFoldersPlugin(extensionsDir: string) {
  return {
    name: 'isomer-block-folders',
    buildStart() {
      writeBlocksModule(extensionsDir);
    },
    configureServer(server: { watcher: { on(event: string, listener: (path: string) => void): unknown } }) {
      const update = (path: string) => {
        if (path.startsWith(extensionsDir) && path.endsWith('index.ts')) writeBlocksModule(extensionsDir);
      };
      server.watcher.on('add', update);
      server.watcher.on('unlink', update);
    },
  };
}
