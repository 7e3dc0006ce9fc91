import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const bin = fileURLToPath(new URL('../../bin/isomer-editor.js', import.meta.url));

function cli(...args: string[]) {
  return spawnSync('node', [bin, ...args], { encoding: 'utf8', timeout: 120_000 });
}

const FORM = '<div class="iframe-wrapper">\n<iframe src="https://docs.google.com/forms/d/e/1FAIpQLSeHarbourParksSurvey/viewform?embedded=true" width="640" height="900"></iframe>\n</div>';
const page = (body: string) => `---\ntitle: Survey\npermalink: /survey/\nvariant: tiptap\n---\n<p>Tell us about your visit.</p>\n${body}\n`;

/** A site folder with one page, and `_data/isomer-editor.yml` when `settings` is given. */
function site(body: string, settings?: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'embed-site-'));
  writeFileSync(join(dir, '_config.yml'), 'title: Parks\n');
  mkdirSync(join(dir, 'pages'));
  writeFileSync(join(dir, 'pages', 'survey.md'), page(body));
  if (settings !== undefined) {
    mkdirSync(join(dir, '_data'));
    writeFileSync(join(dir, '_data', 'isomer-editor.yml'), settings);
  }
  return dir;
}

interface Entry {
  status: string;
  removed: { message: string }[];
  keptRaw: { line: number; message: string }[];
}

function convert(dir: string): { status: number | null; stderr: string; entry?: Entry; written?: string } {
  const out = `${dir}-out`;
  const result = cli('convert', dir, '--out', out, '--report', `${out}.json`);
  if (result.status !== 0) return { status: result.status, stderr: result.stderr };
  const entry = (JSON.parse(readFileSync(`${out}.json`, 'utf8')) as { pages: Entry[] }).pages[0]!;
  return { status: result.status, stderr: result.stderr, entry, written: readFileSync(join(out, 'pages', 'survey.md'), 'utf8') };
}

// Each case runs the command line a few times; the machine may be busy.
describe('the site embed allowlist (_data/isomer-editor.yml) in convert and check', { timeout: 240_000 }, () => {
  it('without it, a published Google Form is kept as written, locked, and the report says so', () => {
    const { status, entry, written } = convert(site(FORM));
    expect(status).toBe(0);
    expect(entry).toMatchObject({ status: 'unchanged', removed: [] });
    expect(entry!.keptRaw).toEqual([expect.objectContaining({ line: 7, message: 'Embedded from docs.google.com — kept as published. New embeds need an allowed host.' })]);
    expect(written).toBe(page(FORM));
  });

  it('with the host listed, the form is an ordinary embed', () => {
    const { status, entry, written } = convert(site(FORM, 'embed_hosts:\n  - docs.google.com\n'));
    expect(status).toBe(0);
    expect(entry).toMatchObject({ status: 'unchanged', removed: [], keptRaw: [] });
    expect(written).toBe(page(FORM));
  });

  it('check passes a clean published form, and fails a frame from that host that carries script, listed or not', () => {
    expect(cli('check', site(FORM)).status).toBe(0);
    const hostile = FORM.replace('width="640"', 'width="640" onload="alert(1)"');
    for (const settings of [undefined, 'embed_hosts:\n  - docs.google.com\n']) {
      const result = cli('check', site(hostile, settings));
      expect(result.status).toBe(1);
      expect(result.stdout).toMatch(/error \(line 7\): Removed (embed from docs\.google\.com|onload attribute on <iframe>)/);
    }
  });

  it('refuses to run (exit 2, nothing written) when the file has a mistake, and says which', () => {
    const dir = site(FORM, 'embed_hosts:\n  - http://docs.google.com\n');
    const converted = convert(dir);
    expect(converted.status).toBe(2);
    expect(converted.stderr).toMatch(/_data\/isomer-editor\.yml: "http:\/\/docs\.google\.com" in "embed_hosts": embeds must load over https/);
    expect(existsSync(`${dir}-out`)).toBe(false);
    const checked = cli('check', site(FORM, 'embed_host:\n  - docs.google.com\n'));
    expect(checked.status).toBe(2);
    expect(checked.stderr).toMatch(/_data\/isomer-editor\.yml: unknown setting "embed_host"/);
  });
});
