import { mkdir, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { HttpError } from './errors.ts';
import { hasHiddenSegment, isInside, resolveSitePath, validateSitePath } from './paths.ts';
import { makeTestSite, type TestSite } from './testSite.ts';

function statusOf(fn: () => unknown): number | undefined {
  try {
    fn();
  } catch (err) {
    return err instanceof HttpError ? err.status : -1;
  }
  return undefined;
}

async function asyncStatus(p: Promise<unknown>): Promise<number | undefined> {
  try {
    await p;
  } catch (err) {
    return err instanceof HttpError ? err.status : -1;
  }
  return undefined;
}

describe('validateSitePath', () => {
  it('accepts names with spaces, punctuation and non-ASCII characters', () => {
    for (const p of ['_about/Our Parks/Lakes.md', '_about/Who we are?.md', '_about/FAQ: Q|A & more’s.md', '_w/தமிழ்/பக்கம்.md', '_w/华文/页面（AI）.md', 'images/Graphics /a.png']) {
      expect(validateSitePath(p)).toEqual(p.split('/'));
    }
  });

  it.each([
    ['', 'empty'],
    ['../x.md', 'parent'],
    ['a/../../x.md', 'nested parent'],
    ['a/..', 'trailing parent'],
    ['/etc/passwd', 'absolute'],
    ['C:/x.md', 'drive letter'],
    ['a\\b.md', 'backslash'],
    ['..\\x.md', 'backslash parent'],
    ['a\0b.md', 'NUL'],
    ['./a.md', 'dot segment'],
    ['a//b.md', 'empty segment'],
    ['a/', 'trailing slash'],
  ])('rejects %j (%s) with 400', (p) => {
    expect(statusOf(() => validateSitePath(p))).toBe(400);
  });

  it('rejects non-strings', () => {
    expect(statusOf(() => validateSitePath(undefined))).toBe(400);
    expect(statusOf(() => validateSitePath(['a']))).toBe(400);
  });
});

describe('helpers', () => {
  it('isInside', () => {
    expect(isInside('/a/site', '/a/site')).toBe(true);
    expect(isInside('/a/site', '/a/site/x')).toBe(true);
    expect(isInside('/a/site', '/a/site2/x')).toBe(false);
    expect(isInside('/a/site', '/a')).toBe(false);
  });
  it('hasHiddenSegment', () => {
    expect(hasHiddenSegment('.git/config')).toBe(true);
    expect(hasHiddenSegment('_about/Our Parks/.keep')).toBe(true);
    expect(hasHiddenSegment('_about/Our Parks/Lakes.md')).toBe(false);
  });
});

describe('resolveSitePath', () => {
  let site: TestSite;
  beforeEach(async () => {
    site = await makeTestSite({ 'a/page.md': 'x', 'inside.md': 'in' });
    await writeFile(path.join(site.base, 'secret.md'), 'secret');
    await mkdir(path.join(site.base, 'outside-dir'));
    await symlink(path.join(site.base, 'secret.md'), path.join(site.siteDir, 'link-out.md'));
    await symlink(path.join(site.base, 'outside-dir'), path.join(site.siteDir, 'dir-out'));
    await symlink(path.join(site.siteDir, 'inside.md'), path.join(site.siteDir, 'link-in.md'));
    await symlink(path.join(site.base, 'nowhere.md'), path.join(site.siteDir, 'dangling.md'));
  });
  afterEach(() => site.cleanup());

  it('resolves existing and missing files inside the site', async () => {
    const r = await resolveSitePath(site.siteDir, 'a/page.md');
    expect(r.exists).toBe(true);
    expect(r.real.endsWith(path.join('a', 'page.md'))).toBe(true);
    const missing = await resolveSitePath(site.siteDir, 'a/new/deeper.md');
    expect(missing.exists).toBe(false);
    expect(missing.real.endsWith(path.join('a', 'new', 'deeper.md'))).toBe(true);
  });

  it('follows symlinks that stay inside the site', async () => {
    const r = await resolveSitePath(site.siteDir, 'link-in.md');
    expect(path.basename(r.real)).toBe('inside.md');
  });

  it('refuses symlinks leading out of the site with 403', async () => {
    expect(await asyncStatus(resolveSitePath(site.siteDir, 'link-out.md'))).toBe(403);
    expect(await asyncStatus(resolveSitePath(site.siteDir, 'dir-out/new.md'))).toBe(403);
    expect(await asyncStatus(resolveSitePath(site.siteDir, 'dir-out/a/b/c.md'))).toBe(403);
    expect(await asyncStatus(resolveSitePath(site.siteDir, 'dangling.md'))).toBe(403);
  });

  it('refuses bad syntax with 400 before touching the disk', async () => {
    expect(await asyncStatus(resolveSitePath(site.siteDir, '../secret.md'))).toBe(400);
  });
});
