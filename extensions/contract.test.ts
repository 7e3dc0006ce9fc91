// @vitest-environment jsdom
// The contract every registered block passes, with no test code of its own (see blockContract.ts), and
// the registry holding every block folder.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { blockFolderNames, blocksModuleText, GENERATED_FILE } from '../src/cli/blockFolders.ts';
import { describeBlockContract } from './blockContract.ts';
import { blockRegistry } from './registry.ts';

// (A path, not a URL: under jsdom, `URL` is jsdom's.)
const extensionsDir = dirname(fileURLToPath(import.meta.url));

describe('the registry', () => {
  it('lists every folder under extensions/ (run `npx isomer-editor blocks` after adding one)', () => {
    const folders = blockFolderNames(extensionsDir);
    expect(readFileSync(join(extensionsDir, GENERATED_FILE), 'utf8')).toBe(blocksModuleText(folders));
    expect(blockRegistry.map((b) => b.name).sort()).toEqual(folders);
  });

  it('orders blocks by their order, each order used once', () => {
    const orders = blockRegistry.map((b) => b.order);
    expect(orders).toEqual([...orders].sort((a, b) => a - b));
    expect(new Set(orders).size).toBe(orders.length);
  });
});

for (const block of blockRegistry) describeBlockContract(block);
