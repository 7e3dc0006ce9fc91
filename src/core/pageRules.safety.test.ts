import { describe, expect, it } from 'vitest';
import { useJsdom } from './node/useJsdom.ts';
import { SiteRuleError, checkName, checkRename, planNewPage } from './pageRules.ts';

// A new page's title is judged with an HTML parser, as the page settings are.
useJsdom();

const refusal = (fn: () => unknown): string => {
  try {
    fn();
  } catch (error) {
    if (error instanceof SiteRuleError && error.status === 400) return error.message;
    throw error;
  }
  return '';
};

describe('new file names and titles', () => {
  it('refuse every bidirectional control character, and keep other scripts', () => {
    for (const char of ['\u202a', '\u202b', '\u202c', '\u202d', '\u202e', '\u2066', '\u2067', '\u2068', '\u2069']) {
      const code = `U+${char.codePointAt(0)!.toString(16).toUpperCase()}`;
      expect(refusal(() => checkName(`Annual report${char}fdp.exe`, 'title')), code).toBe(`title must not contain characters that change the direction of text (${code})`);
    }
    expect(checkName('மாய எழுத்து 华文 (AI)', 'title')).toBe('மாய எழுத்து 华文 (AI)');
  });

  it('apply to renames, sub-folders and categories', () => {
    expect(refusal(() => checkRename('pages/a.md', 'pages/a\u202eb.md'))).toMatch(/^new name must not contain .*U\+202E/);
    expect(refusal(() => planNewPage({ kind: 'collection-page', title: 'Lakes', collection: 'about', subfolder: 'Our\u2067 Parks' }, null))).toMatch(/^sub-folder must not contain .*U\+2067/);
    expect(refusal(() => planNewPage({ kind: 'resource-post', title: 'News', category: 'Press\u202d' }, 'media'))).toMatch(/^category must not contain .*U\+202D/);
  });

  it('refuse a new page whose title would run on the published site, or whose permalink leads to another host', () => {
    expect(refusal(() => planNewPage({ kind: 'page', title: '<svg onload=alert(1)>' }, null))).toMatch(/^Page title: This text holds markup that could run on the published site: an "onload" event handler on <svg>/);
    expect(refusal(() => planNewPage({ kind: 'page', title: 'Lakes', permalink: '//evil.example/lakes/' }, null))).toMatch(/^Page address: A page address that starts with \/\/ leads to another website/);
    expect(planNewPage({ kind: 'page', title: 'Rates & "fees" <br> 2024' }, null).rel).toBe('pages/Rates & "fees" <br> 2024.md');
  });
});
