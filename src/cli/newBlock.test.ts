// @vitest-environment node
// `new-block` scaffolds a block that passes its contract, and the contract catches each mistake a
// developer is likely to make. One copy of the project holds the clean block and one block per mistake;
// one vitest run checks them all.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { writeBlocksModule } from './blockFolders.ts';
import { main } from './main.ts';
import { writeNewBlock } from './newBlock.ts';

const projectRoot = fileURLToPath(new URL('../../', import.meta.url));
const copy = mkdtempSync(join(tmpdir(), 'new-block-'));
afterAll(() => rmSync(copy, { recursive: true, force: true }));

/** Each mistake: a block name, and the edit that makes it in that block's folder. */
type Edit = (files: { read(file: string): string; write(file: string, text: string): void }) => void;
const replace = (file: string, from: string | RegExp, to: string): Edit => ({ read, write }) => {
  const text = read(file);
  const changed = text.replace(from, to);
  if (changed === text) throw new Error(`the scaffold changed: ${String(from)} not found in ${file}`);
  write(file, changed);
};
const MISTAKES: Record<string, Edit> = {
  'extra-attribute': replace('index.ts', "attributes: { 'data-tone': TONES }", "attributes: { 'data-tone': TONES, title: true }"),
  // Allowances that reach other blocks' markup: an attribute on every div, a value on every span.
  'pooled-attribute': replace('index.ts', 'elements: [', "elements: [{ tag: 'div', attributes: { itemprop: true }, unknownAttributes: 'keep' }, "),
  'pooled-value': replace('index.ts', 'elements: [', "elements: [{ tag: 'span', attributes: { translate: ['no'] }, unknownAttributes: 'keep' }, "),
  'extra-tag': replace('index.ts', "attributes: { 'data-tone': TONES } }]", "attributes: { 'data-tone': TONES } }, { tag: 'aside', attributes: {} }]"),
  'extra-value': replace('schema.ts', "['info', 'warning'] as const", "['info', 'warning', 'danger'] as const"),
  // Reads the class among others, whatever else the element carries.
  'loose-parse': ({ read, write }) =>
    write(
      'schema.ts',
      read('schema.ts')
        .replace("element.getAttribute('class') === CLASS_NAME", 'element.classList.contains(CLASS_NAME)')
        .replace("Array.from(element.attributes).every((a) => a.name === 'class' || a.name === 'data-tone')", 'true'),
    ),
  'any-block': replace('schema.ts', "content: '(paragraph | bulletList | orderedList)+'", "content: 'block+'"),
  'invalid-insert': replace(
    'schema.ts',
    /commands\.insertContent\(\{[^\n]*\}\)/,
    "commands.command(({ tr, state }) => { tr.replaceSelectionWith(state.schema.nodes['" + "NODE" + "']!.create({ tone })); return true; })",
  ),
  unregistered: () => {},
};

describe('new-block', () => {
  it('refuses a bad name or an existing folder', async () => {
    expect(() => writeNewBlock(join(projectRoot, 'extensions'), 'Call Out')).toThrow(/not a block name/);
    expect(() => writeNewBlock(join(projectRoot, 'extensions'), 'text')).toThrow(/already exists/);
  });

  it('scaffolds a block that passes its contract, and the contract catches each mistake', { timeout: 900_000 }, async () => {
    for (const part of ['src', 'extensions', 'bin', 'package.json', 'tsconfig.json', 'vitest.config.ts']) cpSync(join(projectRoot, part), join(copy, part), { recursive: true });
    symlinkSync(join(projectRoot, 'node_modules'), join(copy, 'node_modules'), 'dir');
    const extensions = join(copy, 'extensions');

    for (const name of ['callout', ...Object.keys(MISTAKES)]) writeNewBlock(extensions, name);
    await writeBlocksModule(extensions);
    for (const [name, edit] of Object.entries(MISTAKES)) {
      const node = name.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());
      const file = (f: string) => join(extensions, name, f);
      edit({ read: (f) => readFileSync(file(f), 'utf8'), write: (f, text) => writeFileSync(file(f), text.replace("nodes['NODE']", `nodes['${node}']`)) });
    }
    // The last mistake: a block folder the registry's list does not have.
    const generated = join(extensions, 'blocks.generated.ts');
    writeFileSync(generated, readFileSync(generated, 'utf8').replace(/^import \{ unregisteredBlock \}.*\n/m, '').replace(', unregisteredBlock', ''));

    // The clean block type-checks; so does every mistake (none is caught by the compiler).
    let typeErrors = '';
    try {
      execFileSync('npx', ['tsc', '--noEmit', '-p', 'tsconfig.json'], { cwd: copy, stdio: 'pipe' });
    } catch (error) {
      typeErrors = String((error as { stdout?: Buffer }).stdout ?? error);
    }
    expect(typeErrors).toBe('');

    const testFiles = ['callout', ...Object.keys(MISTAKES)].map((name) => `extensions/${name}/${name}.test.ts`);
    let output = '';
    try {
      output = execFileSync('npx', ['vitest', 'run', '--reporter=json', ...testFiles], { cwd: copy, stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 64 * 1024 * 1024 }).toString();
    } catch (error) {
      output = String((error as { stdout?: Buffer }).stdout ?? '');
    }
    const results = JSON.parse(output.slice(output.indexOf('{'))) as { testResults: { name: string; assertionResults: { status: string; fullName: string }[] }[] };
    const failures = (name: string) => {
      const file = results.testResults.find((r) => r.name.endsWith(`/extensions/${name}/${name}.test.ts`));
      expect(file, `no results for ${name}`).toBeDefined();
      expect(file!.assertionResults.length).toBeGreaterThan(5);
      return file!.assertionResults.filter((a) => a.status === 'failed').map((a) => a.fullName);
    };
    expect(failures('callout')).toEqual([]);
    // Each mistake is caught by the check meant for it.
    const caughtBy: Record<keyof typeof MISTAKES, string> = {
      'extra-attribute': 'every allowance',
      'pooled-attribute': 'own elements only',
      'pooled-value': 'own elements only',
      'extra-tag': 'every allowance',
      'extra-value': 'every allowance',
      'loose-parse': 'near miss "extra class"',
      'any-block': 'near miss "a table inside"',
      'invalid-insert': 'insert entry',
      unregistered: 'is registered',
    };
    for (const [name, check] of Object.entries(caughtBy)) {
      expect(failures(name).some((test) => test.includes(check)), `the mistake "${name}" is caught by "${check}": ${failures(name).join('; ')}`).toBe(true);
    }
  });

  it('is a command of the CLI', async () => {
    expect(await main(['new-block', 'Bad Name'])).toBe(2);
  });
});
