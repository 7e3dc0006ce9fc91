// @vitest-environment node
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const bin = fileURLToPath(new URL('../../bin/isomer-editor.js', import.meta.url));

function cli(...args: string[]) {
  return spawnSync('node', [bin, ...args], { encoding: 'utf8', timeout: 240_000 });
}

const page = (title: string, body: string) => `---\ntitle: ${title}\npermalink: /${title.toLowerCase().replace(/ /g, '-')}/\nvariant: tiptap\n---\n${body}`;
const nested = (depth: number) => '<div>'.repeat(depth) + 'x' + '</div>'.repeat(depth);

/** A folder holding two deeply nested pages between pages that are fine. */
function siteWithDeepPages(): string {
  const dir = mkdtempSync(join(tmpdir(), 'deep-'));
  writeFileSync(join(dir, 'a first page.md'), page('A first page', '<p>Fine.</p>\n'));
  writeFileSync(join(dir, 'deep 10000.md'), page('Deep page', `<p>Before.</p>\n${nested(10_000)}\n`));
  writeFileSync(join(dir, 'deep 100000.md'), page('Deeper page', `<p>Before.</p>\n\n${nested(100_000)}\n`));
  writeFileSync(join(dir, 'z last page.md'), page('Last page', '<p>ok</p>\n<script>alert(1)</script>\n'));
  return dir;
}

// Each test runs the command several times, on a machine that may be busy.
describe('bad input on the command line', { timeout: 300_000 }, () => {
  it('check reports each deeply nested page with its line and still checks the others', () => {
    const result = cli('check', siteWithDeepPages());
    expect(result.stderr).toBe('');
    expect(result.status).toBe(1);
    expect(result.stdout).toContain('deep 10000.md\n  error: Line 7: the markup is nested deeper than 256 levels');
    expect(result.stdout).toContain('deep 100000.md\n  error: Line 8: the markup is nested deeper than 256 levels');
    // The page after them was checked: its script is an error.
    expect(result.stdout).toMatch(/z last page\.md\n {2}error \(line 7\): Removed <script> element\./);
  });

  it('convert fails each deeply nested page with its line and still writes the others', () => {
    const dir = siteWithDeepPages();
    const out = `${dir}-out`;
    const result = cli('convert', dir, '--out', out, '--report', join(out, 'report.json'));
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('1 converted, 1 unchanged, 2 failed');
    const report = JSON.parse(readFileSync(join(out, 'report.json'), 'utf8')) as { pages: { path: string; status: string; warnings: string[] }[] };
    expect(report.pages.map((p) => [p.path, p.status])).toEqual([
      ['a first page.md', 'unchanged'],
      ['deep 10000.md', 'failed'],
      ['deep 100000.md', 'failed'],
      ['z last page.md', 'converted'],
    ]);
    expect(report.pages[2]!.warnings).toEqual(['Line 8: the markup is nested deeper than 256 levels, more than a page can hold; the page was not read.']);
    expect(readdirSync(out).sort()).toEqual(['a first page.md', 'report.json', 'z last page.md']);
  });

  it('refuses binary and non-UTF-8 files in check and convert, with the reason, and reads the rest', () => {
    const dir = mkdtempSync(join(tmpdir(), 'bytes-'));
    writeFileSync(join(dir, 'binary.md'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0x0a]));
    writeFileSync(join(dir, 'latin1.md'), Buffer.concat([Buffer.from('---\ntitle: Caf'), Buffer.from([0xe9]), Buffer.from('\n---\n<p>x</p>\n')]));
    writeFileSync(join(dir, 'good.md'), page('Good page', '<p>x</p>\n'));
    const checked = cli('check', dir);
    expect(checked.status).toBe(1);
    expect(checked.stdout).toContain('binary.md\n  error: This file is binary, not a page (it holds a NUL byte on line 1). It was not read.');
    expect(checked.stdout).toContain('latin1.md\n  error: This file is not UTF-8 text (line 2 holds bytes that are not UTF-8).');
    const out = `${dir}-out`;
    const converted = cli('convert', dir, '--out', out);
    expect(converted.status).toBe(1);
    expect(converted.stderr).toContain('0 converted, 1 unchanged, 2 failed');
    expect(readdirSync(out)).toEqual(['good.md']);
  });

  it('keeps an empty file, CRLF line endings, a 10 MB page and names with spaces and Tamil working', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ordinary-'));
    const files: Record<string, string> = {
      'empty.md': '',
      'crlf page.md': '---\r\ntitle: Windows page\r\npermalink: /windows/\r\nvariant: tiptap\r\n---\r\n<p>One</p>\r\n<p>Two</p>\r\n',
      'பக்கம்.md': page('Tamil page', '<p>வணக்கம்</p>\n'),
      'large.md': page('Large page', `<p>${'Some words of a long page, kept as they are. '.repeat(110)}</p>\n`.repeat(2_100)),
    };
    expect(files['large.md']!.length).toBeGreaterThan(10_000_000);
    for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
    const out = `${dir}-out`;
    const result = cli('convert', dir, '--out', out);
    expect(result.status).toBe(0);
    for (const [name, text] of Object.entries(files)) {
      if (name === 'empty.md') continue; // an empty file gains the tiptap marker
      expect(readFileSync(join(out, name), 'utf8')).toBe(text);
    }
    expect(existsSync(join(out, 'empty.md'))).toBe(true);
  });

  it('reports symbolic links given to check and convert instead of skipping them silently', () => {
    const dir = mkdtempSync(join(tmpdir(), 'links-'));
    writeFileSync(join(dir, 'real.md'), page('Real page', '<p>x</p>\n'));
    symlinkSync('real.md', join(dir, 'linked.md'));
    mkdirSync(join(dir, 'pages'));
    symlinkSync('..', join(dir, 'pages', 'loop'));
    const checked = cli('check', dir);
    expect(checked.status).toBe(1);
    expect(checked.stdout).toContain('linked.md\n  error: Not checked: a symbolic link (to real.md), not followed: give the file it points to instead.');
    expect(checked.stdout).toContain('pages/loop\n  error: Not checked: a symbolic link (to ..), not followed: give the folder it points to instead.');
    const out = `${dir}-out`;
    const converted = cli('convert', dir, '--out', out, '--report', `${dir}-report.json`);
    expect(converted.status).toBe(1);
    expect(converted.stderr).toContain('linked.md\n  not converted: a symbolic link (to real.md)');
    const report = JSON.parse(readFileSync(`${dir}-report.json`, 'utf8')) as { pages: { path: string; status: string }[] };
    expect(report.pages.map((p) => [p.path, p.status])).toEqual([
      ['real.md', 'unchanged'],
      ['linked.md', 'failed'],
      ['pages/loop', 'failed'],
    ]);
    expect(readdirSync(out)).toEqual(['real.md']);
    // A link given as the input itself is reported too.
    expect(cli('check', join(dir, 'linked.md')).stdout).toContain('linked.md\n  error: Not checked: a symbolic link');
  });

  it('refuses --out equal to or inside the input folder (exit 2) unless --in-place is given', () => {
    const dir = mkdtempSync(join(tmpdir(), 'in-place-'));
    const original = '---\ntitle: Old page\npermalink: /old/\n---\nSome *markdown*.\n';
    writeFileSync(join(dir, 'old.md'), original);
    for (const out of [dir, join(dir, 'converted'), join(dir, '.', 'converted', '..')]) {
      const result = cli('convert', dir, '--out', out);
      expect(result.status).toBe(2);
      expect(result.stderr).toMatch(/is (the input folder|inside the input folder): the pages would be written over or among the originals/);
    }
    const overFile = cli('convert', join(dir, 'old.md'), '--out', dir);
    expect(overFile.status).toBe(2);
    expect(overFile.stderr).toContain(`--out ${dir} holds the input file: it would be written over.`);
    expect(readdirSync(dir)).toEqual(['old.md']);
    // A single file may be converted into a folder beside it.
    expect(cli('convert', join(dir, 'old.md'), '--out', join(dir, 'converted')).status).toBe(0);
    expect(readFileSync(join(dir, 'converted', 'old.md'), 'utf8')).toContain('variant: tiptap');
    rmSync(join(dir, 'converted'), { recursive: true });
    expect(readFileSync(join(dir, 'old.md'), 'utf8')).toBe(original);

    const inPlace = cli('convert', dir, '--in-place');
    expect(inPlace.status).toBe(0);
    expect(readFileSync(join(dir, 'old.md'), 'utf8')).toContain('variant: tiptap');
    expect(readFileSync(join(dir, 'old.md'), 'utf8')).toContain('<p>Some <em>markdown</em>.</p>');
  });
});
