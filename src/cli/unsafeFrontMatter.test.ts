import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const bin = fileURLToPath(new URL('../../bin/isomer-editor.js', import.meta.url));
const run = (...args: string[]) => spawnSync('node', [bin, ...args], { encoding: 'utf8', timeout: 120_000 });

const BODY = '<p>Opening hours</p>\n';
/** Pages whose settings a layout would print into the published site as script, one way each. */
const HOSTILE: Record<string, string> = {
  'title-img.md': `---\ntitle: "<img src=x onerror=alert(1)>"\npermalink: /a/\nvariant: tiptap\n---\n${BODY}`,
  'description-script.md': `---\ntitle: Parks\npermalink: /b/\ndescription: "<script>alert(1)</script>"\nvariant: tiptap\n---\n${BODY}`,
  'breadcrumb-encoded.md': `---\ntitle: Parks\npermalink: /c/\nbreadcrumb: "&lt;svg onload=alert(1)&gt;"\nvariant: tiptap\n---\n${BODY}`,
  'permalink-host.md': `---\ntitle: Parks\npermalink: //evil.example/x/\nvariant: tiptap\n---\n${BODY}`,
  'file-url-entity.md': `---\ntitle: Report\nlayout: file\ndate: 2024-01-01\nfile_url: "&#106;avascript:alert(1)"\n---\n`,
  'hero-url.md': `---\ntitle: Home\npermalink: /\nlayout: homepage\nsections:\n  - hero:\n      title: Welcome\n      button: Go\n      url: "java\\tscript:alert(1)"\n---\n`,
  'title-bidi.md': `---\ntitle: "Report\u202Efdp.exe"\npermalink: /d/\nvariant: tiptap\n---\n${BODY}`,
};

function hostileSite(): string {
  const dir = mkdtempSync(join(tmpdir(), 'unsafe-fm-'));
  for (const [name, text] of Object.entries(HOSTILE)) writeFileSync(join(dir, name), text);
  writeFileSync(join(dir, 'good.md'), `---\ntitle: Rates <b>from 2024</b>\npermalink: /good/\nvariant: tiptap\n---\n${BODY}`);
  return dir;
}

describe('front matter that would run on the published site', () => {
  it('check: an error for each such page, exit 1', () => {
    const dir = hostileSite();
    const result = run('check', dir);
    expect(result.status).toBe(1);
    const expected: Record<string, RegExp> = {
      'title-img.md': /error: title: This text holds markup that could run on the published site: an "onerror" event handler on <img>/,
      'description-script.md': /error: description: This text holds markup that could run on the published site: a <script> element/,
      'breadcrumb-encoded.md': /error: breadcrumb: .*encoded markup that decodes to an "onload" event handler on <svg>/,
      'permalink-host.md': /error: permalink: A page address that starts with \/\/ leads to another website/,
      'file-url-entity.md': /error: file_url: This address type is not allowed: "javascript:alert\(1\)"/,
      'hero-url.md': /error: sections: In sections › item 1 › hero › url: This address type is not allowed/,
      'title-bidi.md': /error: title: It holds an invisible character \(U\+202E\)/,
    };
    for (const [name, pattern] of Object.entries(expected)) {
      const section = result.stdout.split(/\n(?=\S)/).find((s) => s.startsWith(`${name}\n`)) ?? '';
      expect(section, name).toMatch(pattern);
    }
    expect(result.stdout).not.toMatch(/^good\.md$/m);
  });

  it('convert: such a page fails with the reason and is not written; the others are', () => {
    const dir = hostileSite();
    const out = `${dir}-out`;
    mkdirSync(out);
    const result = run('convert', dir, '--out', out, '--report', join(out, 'report.json'));
    expect(result.status).toBe(1);
    const report = JSON.parse(readFileSync(join(out, 'report.json'), 'utf8')) as { pages: { path: string; status: string; warnings: string[] }[] };
    for (const name of Object.keys(HOSTILE)) {
      const entry = report.pages.find((p) => p.path === name);
      expect(entry?.status, name).toBe('failed');
      expect(entry?.warnings.join(' '), name).toMatch(/^Not written: the page setting "\w+" is unsafe\. /);
      expect(existsSync(join(out, name)), name).toBe(false);
    }
    expect(report.pages.find((p) => p.path === 'title-img.md')?.warnings).toEqual([
      'Not written: the page setting "title" is unsafe. This text holds markup that could run on the published site: an "onerror" event handler on <img>. Layouts print it as HTML, so remove it. Plain formatting such as <b>, <i>, <em>, <strong>, <br> and links to web addresses is allowed.',
    ]);
    expect(report.pages.find((p) => p.path === 'good.md')?.status).toBe('unchanged');
    expect(readFileSync(join(out, 'good.md'), 'utf8')).toBe(readFileSync(join(dir, 'good.md'), 'utf8'));
    expect(result.stderr).toMatch(/1 unchanged, 7 failed/);
  });
});
