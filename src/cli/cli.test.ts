import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readPageFile } from '../core/pageFile.ts';
import { corpusDir } from '../core/testing/corpus.ts';

const bin = fileURLToPath(new URL('../../bin/isomer-editor.js', import.meta.url));
const corpus = fileURLToPath(corpusDir);

function cli(...args: string[]) {
  return spawnSync('node', [bin, ...args], { encoding: 'utf8', timeout: 120_000 });
}

interface ReportEntry {
  path: string;
  status: string;
  warnings: string[];
  removed: { line: number; snippet: string }[];
  keptRaw: { line: number; snippet: string }[];
  resolved: { line: number; snippet: string; message: string }[];
}

describe('isomer-editor convert', () => {
  it('writes every corpus page under --out at the same name, with a report, and exits 0', () => {
    const out = mkdtempSync(join(tmpdir(), 'convert-'));
    const reportPath = join(out, 'report.json');
    const result = cli('convert', corpus, '--out', join(out, 'pages'), '--report', reportPath);
    expect(result.stderr).toContain('[62/62]');
    expect(result.status).toBe(0);
    const names = readdirSync(corpus).sort();
    expect(readdirSync(join(out, 'pages')).sort()).toEqual(names);
    const report = JSON.parse(readFileSync(reportPath, 'utf8')) as { pages: ReportEntry[] };
    expect(report.pages).toHaveLength(62);
    for (const entry of report.pages) {
      expect(['converted', 'unchanged']).toContain(entry.status);
      expect(Array.isArray(entry.warnings) && Array.isArray(entry.removed) && Array.isArray(entry.keptRaw) && Array.isArray(entry.resolved)).toBe(true);
      for (const item of [...entry.removed, ...entry.keptRaw, ...entry.resolved]) expect(item.line).toBeGreaterThan(0);
      // Markdown pages are converted now, not copied.
      expect(entry.warnings.join(' ')).not.toMatch(/not converted/);
    }
    // Every written tiptap page says so, and a tiptap page comes out as it went in unless something was removed.
    for (const entry of report.pages) {
      const written = readFileSync(join(out, 'pages', entry.path), 'utf8');
      const original = readFileSync(join(corpus, entry.path), 'utf8');
      if (entry.status === 'unchanged') expect(written).toBe(original);
      else expect(readPageFile(written).frontMatterText).toMatch(/variant: tiptap/);
    }
  });

  it('keeps nested paths and names with spaces, Tamil and Chinese', () => {
    const site = mkdtempSync(join(tmpdir(), 'site-'));
    const names = ['_about/Our Team’s Page.md', '_பகுதி/மாய எழுத்து.md', 'pages/华文 (AI).md'];
    for (const name of names) {
      mkdirSync(join(site, name, '..'), { recursive: true });
      writeFileSync(join(site, name), '---\ntitle: A page\npermalink: /a/\nvariant: tiptap\n---\n<p>Text</p>');
    }
    const out = join(site, '..', `${site.split('/').pop()}-out`);
    const result = cli('convert', site, '--out', out);
    expect(result.status).toBe(0);
    for (const name of names) expect(existsSync(join(out, name))).toBe(true);
  });

  it('reports a script it removed, with its line', () => {
    const dir = mkdtempSync(join(tmpdir(), 'hostile-'));
    const file = join(dir, 'bad.md');
    writeFileSync(file, '---\ntitle: Bad\npermalink: /bad/\nvariant: tiptap\n---\n<p>ok</p>\n<script>alert(1)</script>');
    const result = cli('convert', file, '--out', join(dir, 'out'), '--report', join(dir, 'r.json'));
    expect(result.status).toBe(0);
    const report = JSON.parse(readFileSync(join(dir, 'r.json'), 'utf8')) as { pages: ReportEntry[] };
    expect(report.pages[0]).toMatchObject({ path: 'bad.md', status: 'converted' });
    expect(report.pages[0]!.removed).toEqual([{ line: 7, snippet: '<script>alert(1)</script>', message: 'Removed <script> element.' }]);
    expect(readFileSync(join(dir, 'out', 'bad.md'), 'utf8')).not.toContain('script');
  });

  it('converts markdown pages of a site with its baseurl, and reports what it resolved and kept', () => {
    const site = mkdtempSync(join(tmpdir(), 'md-site-'));
    writeFileSync(join(site, '_config.yml'), 'title: Parks\nbaseurl: /parks\nurl: https://parks.example\n');
    mkdirSync(join(site, 'pages'));
    writeFileSync(
      join(site, 'pages', 'rules.md'),
      '---\ntitle: Rules\npermalink: /rules/\n---\n## Rules\n\nGet a [permit]({{site.baseurl}}/permits/){:target="_blank"}.\n\n{% for rule in site.data.rules %}\n* {{ rule }}\n{% endfor %}\n',
    );
    const out = join(site, '..', `${site.split('/').pop()}-out`);
    const result = cli('convert', site, '--out', out, '--report', join(out, 'r.json'));
    expect(result.status).toBe(0);
    const report = JSON.parse(readFileSync(join(out, 'r.json'), 'utf8')) as { pages: ReportEntry[] };
    const entry = report.pages[0]!;
    expect(entry).toMatchObject({ path: 'pages/rules.md', status: 'converted', removed: [] });
    expect(entry.resolved.map((r) => [r.line, r.snippet])).toEqual([
      [7, '{{site.baseurl}}'],
      [7, '{:target="_blank"}'],
    ]);
    expect(entry.keptRaw.map((r) => r.line)).toEqual([9]);
    const written = readFileSync(join(out, 'pages', 'rules.md'), 'utf8');
    expect(written).toContain('<a href="/parks/permits/" target="_blank" rel="noopener noreferrer">permit</a>');
    expect(written).toContain('\n{% for rule in site.data.rules %}\n* {{ rule }}\n{% endfor %}\n');
    expect(readPageFile(written).frontMatterText).toMatch(/variant: tiptap/);
  });

  it('exits 2 for usage errors', () => {
    expect(cli('convert', corpus).status).toBe(2);
    expect(cli('convert', '/no/such/place', '--out', '/tmp/x').status).toBe(2);
    expect(cli('frobnicate').status).toBe(2);
    expect(cli('convert', corpus, '--out', '/tmp/x', '--bogus').status).toBe(2);
  });
});

describe('isomer-editor check', () => {
  it('exits 1 for a page with errors and says why, 0 for a good page', () => {
    const dir = mkdtempSync(join(tmpdir(), 'check-'));
    writeFileSync(join(dir, 'broken.md'), '---\ntitle: [unclosed\n---\n<p>x</p>');
    writeFileSync(join(dir, 'good.md'), '---\ntitle: Good page\npermalink: /good/\nvariant: tiptap\n---\n<p>x</p>');
    const bad = cli('check', join(dir, 'broken.md'));
    expect(bad.status).toBe(1);
    expect(bad.stdout).toMatch(/error \(line \d+\): The page settings do not parse/);
    const good = cli('check', join(dir, 'good.md'));
    expect(good.status).toBe(0);
    expect(good.stdout).toBe('');
  });

  it("exits 1 for a tiptap page that Jekyll's kramdown would turn into script, and names each place", () => {
    const dir = mkdtempSync(join(tmpdir(), 'check-kramdown-'));
    const file = join(dir, 'markdown.md');
    writeFileSync(file, '---\ntitle: Markdown\npermalink: /md/\nvariant: tiptap\n---\n<p>ok</p>\n[a](javascript:alert(1))\n\n<p>x</p>\n{: onclick="alert(2)"}\n');
    const result = cli('check', file);
    expect(result.status).toBe(1);
    expect(result.stdout).toMatch(/error \(line 7\): .*kramdown.*\[a\]\(javascript:alert\(1\)\)/);
    expect(result.stdout).toMatch(/error \(line 10\): Removed kramdown syntax.*\{: onclick="alert\(2\)"\}/);
    const converted = cli('convert', file, '--out', join(dir, 'out'), '--report', join(dir, 'r.json'));
    expect(converted.status).toBe(0);
    const report = JSON.parse(readFileSync(join(dir, 'r.json'), 'utf8')) as { pages: ReportEntry[] };
    expect(report.pages[0]!.removed.map((item) => item.line)).toEqual([7, 10]);
    const written = readPageFile(readFileSync(join(dir, 'out', 'markdown.md'), 'utf8')).body;
    expect(written).toBe('<p>ok</p>\n&#91;a&#93;&#40;javascript&#58;alert&#40;1&#41;&#41;\n\n<p>x</p>\n\n');
  });
});
