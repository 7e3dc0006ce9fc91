import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, isAbsolute, join, resolve } from 'node:path';

/**
 * Blocks from outside `extensions/`: an `isomer-editor.config.ts` (or `.mjs`, `.js`) beside the site
 * default-exports `{ blocks: [...] }`, each entry a block folder (a path, `./` or `/`) or an npm package
 * name. Every block definition such a module exports is registered, so a site or an agency adds blocks
 * without changing the editor.
 */
export const CONFIG_FILES = ['isomer-editor.config.ts', 'isomer-editor.config.mjs', 'isomer-editor.config.js'];

export interface EditorConfig {
  blocks?: string[];
}

/** A config file's mistake (an entry that cannot be found), said in the user's terms. */
export class BlockConfigError extends Error {}

/** The config file in `dir`, if there is one. */
export function findConfigFile(dir: string): string | undefined {
  return CONFIG_FILES.map((name) => join(dir, name)).find((path) => existsSync(path));
}

/** Reads a config file; a `.ts` one is stripped of its types first (Node runs only JavaScript). */
export async function loadConfig(path: string): Promise<EditorConfig> {
  let file = path;
  let tempDir: string | undefined;
  if (path.endsWith('.ts')) {
    tempDir = mkdtempSync(join(tmpdir(), 'isomer-config-'));
    file = join(tempDir, 'config.mjs');
    // esbuild comes with the build tools; loaded only for a `.ts` config.
    const { transform } = await import('esbuild');
    writeFileSync(file, (await transform(readFileSync(path, 'utf8'), { loader: 'ts', format: 'esm' })).code);
  }
  try {
    // A path, not a file URL: Node takes either, and a test environment's URL may not be Node's.
    const module = (await import(/* @vite-ignore */ file)) as { default?: EditorConfig };
    return module.default ?? {};
  } finally {
    if (tempDir) rmSync(tempDir, { recursive: true, force: true });
  }
}

/** The module files of the config's block entries, as absolute paths. */
export function resolveBlockEntries(configDir: string, entries: readonly string[]): string[] {
  return entries.map((entry) => (entry.startsWith('.') || isAbsolute(entry) ? folderEntry(resolve(configDir, entry), entry) : packageEntry(configDir, entry)));
}

/** The block modules named by the config in `dir` (none without a config). */
export async function configuredBlockModules(dir: string): Promise<string[]> {
  const path = findConfigFile(dir);
  if (!path) return [];
  return resolveBlockEntries(dirname(path), (await loadConfig(path)).blocks ?? []);
}

function folderEntry(path: string, entry: string): string {
  if (!existsSync(path)) throw new BlockConfigError(`The block folder "${entry}" does not exist.`);
  const index = ['index.ts', 'index.mjs', 'index.js'].map((name) => join(path, name)).find((file) => existsSync(file));
  if (index) return index;
  if (existsSync(join(path, 'package.json'))) return packageMain(path, entry);
  throw new BlockConfigError(`The block folder "${entry}" has no index.ts or index.js.`);
}

/** An npm package, found in the nearest `node_modules` holding it, as Node would. */
function packageEntry(fromDir: string, name: string): string {
  for (let dir = fromDir; ; dir = dirname(dir)) {
    const packageDir = join(dir, 'node_modules', name);
    if (existsSync(join(packageDir, 'package.json'))) return packageMain(packageDir, name);
    if (dirname(dir) === dir) throw new BlockConfigError(`The block package "${name}" is not installed (no node_modules/${name}).`);
  }
}

function packageMain(packageDir: string, name: string): string {
  const manifest = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8')) as { exports?: unknown; module?: string; main?: string };
  const main = exportsMain(manifest.exports) ?? manifest.module ?? manifest.main ?? 'index.js';
  const file = resolve(packageDir, main);
  if (!existsSync(file)) throw new BlockConfigError(`The block package "${name}" names ${main}, which it does not hold.`);
  return file;
}

/** The file `exports` gives for the package itself: a string, or the `.` entry's import/default. */
function exportsMain(exports: unknown): string | undefined {
  if (typeof exports === 'string') return exports;
  if (!exports || typeof exports !== 'object') return undefined;
  const record = exports as Record<string, unknown>;
  const main = '.' in record ? record['.'] : record;
  if (typeof main === 'string') return main;
  if (main && typeof main === 'object') {
    const conditions = main as Record<string, unknown>;
    for (const key of ['import', 'default']) if (typeof conditions[key] === 'string') return conditions[key] as string;
  }
  return undefined;
}
