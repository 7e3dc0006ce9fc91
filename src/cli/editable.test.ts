// @vitest-environment node
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { blockRegistry } from '../../extensions/registry.ts';
import { BodyCodec } from '../core/bodyCodec.ts';
import { useJsdom } from '../core/node/useJsdom.ts';
import { corpusDir } from '../core/testing/corpus.ts';
import type { EditableReport } from './editableReport.ts';
import { measurePageText } from './editableReport.ts';

const bin = fileURLToPath(new URL('../../bin/isomer-editor.js', import.meta.url));
useJsdom();
const codec = new BodyCodec(blockRegistry);

function cli(...args: string[]) {
  return spawnSync('node', [bin, ...args], { encoding: 'utf8', timeout: 120_000 });
}

// Where the corpus stood when the measure was made: a change that moves text or pages back into raw
// blocks fails here. Raise these as more of a page becomes editable.
// (A page whose only words are a Liquid comment to editors has no body text.)
const FLOOR = { visualTextPercent: 99.8, fullyVisualPages: 50, bodyPages: 52 };

describe('measuring how much of a page is editable', () => {
  it('counts text in visual blocks and in raw blocks; styles, scripts and comments are not text', () => {
    const page = [
      '---',
      'variant: tiptap',
      '---',
      '<p>Four words of text</p>',
      '<style>.x { color: red }</style>',
      '<!-- a note -->',
      '<dl class="people"><dt>Ann Lee</dt><script src="/x.js"></script></dl>',
      '',
    ].join('\n');
    expect(measurePageText(codec, 'a.md', page)).toEqual({ path: 'a.md', bodyTextChars: 'Fourwordsoftext'.length + 'AnnLee'.length, rawTextChars: 6, rawBlocks: 1 });
  });

  it('measures a markdown page after conversion, as the editor opens it', () => {
    const page = '---\ntitle: A\n---\n# Heading\n\nSome *text*.\n\n<dl class="grid">\n<dt>Kept</dt>\n</dl>\n';
    expect(measurePageText(codec, 'b.md', page)).toEqual({ path: 'b.md', bodyTextChars: 'HeadingSometext.Kept'.length, rawTextChars: 4, rawBlocks: 1 });
  });

  it('a Liquid comment is a note to editors, not text of the page', () => {
    const page = '---\nvariant: tiptap\n---\n{%- comment -%} Refer to _data/people.yml {%- endcomment -%}\n<p>Text</p>\n{% comment %}\nold\n{% endcomment %}<dl><dt>Raw</dt></dl>\n';
    expect(measurePageText(codec, 'd.md', page)).toMatchObject({ bodyTextChars: 'TextRaw'.length, rawTextChars: 3, rawBlocks: 1 });
  });

  it('counts raw markup kept in its place inside a layout as raw text', () => {
    const page = '---\nvariant: tiptap\n---\n<div class="entry">\n<h3>Notice</h3>\n<div class="meta">Posted <label>today</label><p>by us</p></div>\n</div>\n';
    expect(measurePageText(codec, 'e.md', page)).toMatchObject({ bodyTextChars: 'NoticePostedtodaybyus'.length, rawTextChars: 'Postedtodaybyus'.length, rawBlocks: 1 });
  });

  it('a page whose raw blocks hold only styles is fully visual', () => {
    const page = '---\nvariant: tiptap\n---\n<style>p { margin: 0 }</style>\n<p>Text</p>\n';
    expect(measurePageText(codec, 'c.md', page)).toMatchObject({ bodyTextChars: 4, rawTextChars: 0, rawBlocks: 0 });
  });
});

describe('isomer-editor check --editable', () => {
  it('prints the figures of every corpus page and the totals as JSON, no lower than where they stood', () => {
    const result = cli('check', '--editable', fileURLToPath(corpusDir), '--json');
    expect(result.status).toBe(0);
    const report = JSON.parse(result.stdout) as EditableReport;
    expect(report.pages).toHaveLength(62);
    for (const page of report.pages) {
      expect(Object.keys(page)).toEqual(['path', 'bodyTextChars', 'rawTextChars', 'rawBlocks']);
      expect(page.rawTextChars).toBeLessThanOrEqual(page.bodyTextChars);
    }
    const t = report.totals;
    console.log(
      `corpus: ${t.visualTextPercent}% of ${t.bodyTextChars} characters of body text visual; ` +
        `${t.fullyVisualPages} of ${t.bodyPages} body pages fully visual (${t.fullyVisualPercent}%); ${t.rawBlocks} raw blocks hold text`,
    );
    expect(t.pages).toBe(62);
    expect(t.bodyPages).toBe(FLOOR.bodyPages);
    expect(t.visualTextPercent).toBeGreaterThanOrEqual(FLOOR.visualTextPercent);
    expect(t.fullyVisualPages).toBeGreaterThanOrEqual(FLOOR.fullyVisualPages);
    expect(t.rawTextChars).toBe(report.pages.reduce((sum, page) => sum + page.rawTextChars, 0));
  });

  it('prints a line per page and the totals as text', () => {
    const dir = mkdtempSync(join(tmpdir(), 'editable-'));
    writeFileSync(join(dir, 'one.md'), '---\nvariant: tiptap\n---\n<p>Visible</p>\n<dl class="x"><dt>Raw text</dt></dl>\n');
    const result = cli('check', '--editable', dir);
    expect(result.status).toBe(0);
    expect(result.stdout).toBe(
      'one.md: 14 characters of body text, 7 visual (50%), 7 in 1 raw HTML block\n' +
        'Total: 14 characters of body text, 7 visual (50%), 7 in 1 raw HTML blocks\n' +
        'Pages: 0 of 1 pages with body text fully visual (0%); 1 pages read\n',
    );
  });

  it('refuses --json without --editable', () => {
    const result = cli('check', '--json', fileURLToPath(corpusDir));
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('--json goes with --editable');
  });
});
