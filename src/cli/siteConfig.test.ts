import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readSiteConfig, siteOptionsFinder } from './siteConfig.ts';

describe('the site a page belongs to', () => {
  it('is the nearest folder with a _config.yml, at or above the page', () => {
    const root = mkdtempSync(join(tmpdir(), 'site-config-'));
    const site = join(root, 'parks');
    mkdirSync(join(site, '_about', 'team'), { recursive: true });
    writeFileSync(join(site, '_config.yml'), 'title: Parks\nbaseurl: "/parks"\nurl: https://parks.example\n');
    const siteOf = siteOptionsFinder();
    expect(siteOf(join(site, 'index.md'))).toEqual({ baseurl: '/parks', url: 'https://parks.example' });
    expect(siteOf(join(site, '_about', 'team', 'our team.md'))).toEqual({ baseurl: '/parks', url: 'https://parks.example' });
    expect(siteOf(join(root, 'loose.md'))).toEqual({});
  });

  it('a config without those keys, or one that does not parse, gives none', () => {
    const dir = mkdtempSync(join(tmpdir(), 'site-config-'));
    writeFileSync(join(dir, 'a.yml'), 'title: Only a title\nbaseurl:\n');
    writeFileSync(join(dir, 'b.yml'), 'title: [unclosed\n');
    expect(readSiteConfig(join(dir, 'a.yml'))).toEqual({});
    expect(readSiteConfig(join(dir, 'b.yml'))).toEqual({});
  });
});
