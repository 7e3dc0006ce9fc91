// A TypeScript isomer-editor.config, read in Node with its types stripped.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { configuredBlockModules, loadConfig } from './blockConfig.ts';

const site = mkdtempSync(join(tmpdir(), 'isomer-config-ts-'));
afterAll(() => rmSync(site, { recursive: true, force: true }));

it('reads a .ts config and finds its block folder', async () => {
  mkdirSync(join(site, 'blocks', 'badge'), { recursive: true });
  writeFileSync(join(site, 'blocks', 'badge', 'index.ts'), 'export const badgeBlock = {};\n');
  const config = join(site, 'isomer-editor.config.ts');
  writeFileSync(config, "interface Config { blocks: string[] }\nconst config: Config = { blocks: ['./blocks/badge'] };\nexport default config;\n");
  expect(await loadConfig(config)).toEqual({ blocks: ['./blocks/badge'] });
  expect(await configuredBlockModules(site)).toEqual([join(site, 'blocks', 'badge', 'index.ts')]);
});
