import { chmod, lstat, readFile, readdir, stat, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { HttpError } from './errors.ts';
import { etagOf } from './etag.ts';
import { listPages, readPage, writePage } from './pages.ts';
import { summarisePage } from '../core/pageSummary.ts';
import { PathQueue } from './pathQueue.ts';
import { FIXTURE_FILES, makeTestSite, type TestSite } from './testSite.ts';

async function statusOf(p: Promise<unknown>): Promise<number | undefined> {
  try {
    await p;
  } catch (err) {
    if (err instanceof HttpError) return err.status;
    throw err;
  }
  return undefined;
}

describe('summarisePage', () => {
  it('derives collection, third nav and resource category', () => {
    const s = summarisePage('_about/Our Parks/Lakes.md', '---\ntitle: Lakes\nthird_nav_title: Our Parks\nvariant: tiptap\n---\n', 5, null);
    expect(s).toMatchObject({ title: 'Lakes', collection: 'about', thirdNavTitle: 'Our Parks', variant: 'tiptap', resourceCategory: null, modified: 5 });
    expect(summarisePage('news/press/_posts/2020-01-01-post-A.md', '---\ntitle: A\n---\n', 0, 'news').resourceCategory).toBe('press');
    expect(summarisePage('other/press/_posts/2020-01-01-post-A.md', '', 0, 'news').resourceCategory).toBeNull();
    expect(summarisePage('x/press/_posts/2020-01-01-post-A.md', '', 0, null).resourceCategory).toBe('press');
  });
  it('falls back to the file name and to markdown', () => {
    expect(summarisePage('pages/datagov.md', '', 0, null)).toMatchObject({ title: 'datagov', variant: 'markdown', permalink: null, layout: null, collection: null, frontMatterError: false });
    expect(summarisePage('p/x.md', '---\ntitle: [oops\n---\n', 0, null)).toMatchObject({ title: 'x', frontMatterError: true });
    expect(summarisePage('p/x.md', '---\ntitle: 2024\n---\n', 0, null).title).toBe('2024');
  });
});

describe('listPages', () => {
  let site: TestSite;
  beforeEach(async () => {
    site = await makeTestSite();
  });
  afterEach(() => site.cleanup());

  it('lists every .md page and skips machinery folders', async () => {
    const pages = await listPages(site.siteDir);
    expect(pages.map((p) => p.path)).toEqual(
      [
        '_about/FAQ: Q|A & more’s.md',
        '_about/Our Parks/Lakes.md',
        '_about/Who we are?.md',
        '_interactive-workshops/华文/页面.md',
        '_interactive-workshops/தமிழ்/பக்கம்.md',
        'index.md',
        'news-and-events/press/_posts/2020-01-27-post-Launch.md',
        'pages/bom.md',
        'pages/broken.md',
        'pages/contact-us.md',
        'pages/crlf.md',
        'pages/datagov.md',
      ].sort(),
    );
    const byPath = Object.fromEntries(pages.map((p) => [p.path, p]));
    expect(byPath['_about/Who we are?.md']).toMatchObject({ title: 'Who we are?', permalink: '/about/who-we-are/', variant: 'tiptap', collection: 'about' });
    expect(byPath['_interactive-workshops/தமிழ்/பக்கம்.md']).toMatchObject({ collection: 'interactive-workshops', thirdNavTitle: 'தமிழ்' });
    expect(byPath['news-and-events/press/_posts/2020-01-27-post-Launch.md']).toMatchObject({ resourceCategory: 'press', layout: 'post' });
    expect(byPath['pages/broken.md']).toMatchObject({ title: 'broken', frontMatterError: true });
    expect(byPath['pages/bom.md']!.title).toBe('BOM page');
    expect(byPath['pages/crlf.md']!.title).toBe('CRLF page');
    expect(byPath['index.md']).toMatchObject({ layout: 'homepage', permalink: '/' });
    expect(typeof byPath['index.md']!.modified).toBe('number');
  });

  it('does not follow symlinked folders', async () => {
    await symlink(path.join(site.siteDir, '_about'), path.join(site.siteDir, 'loop'));
    const pages = await listPages(site.siteDir);
    expect(pages.some((p) => p.path.startsWith('loop/'))).toBe(false);
  });
});

describe('readPage', () => {
  let site: TestSite;
  beforeEach(async () => {
    site = await makeTestSite();
  });
  afterEach(() => site.cleanup());

  it('returns the exact text and a strong etag', async () => {
    for (const rel of ['pages/crlf.md', 'pages/bom.md', '_about/Who we are?.md', 'index.md', 'pages/datagov.md']) {
      const page = await readPage(site.siteDir, rel);
      const bytes = Buffer.from(FIXTURE_FILES[rel] as string, 'utf8');
      expect(page.text).toBe(FIXTURE_FILES[rel]);
      expect(page.etag).toBe(etagOf(bytes));
    }
  });

  it('reads .html pages', async () => {
    expect((await readPage(site.siteDir, 'news-and-events/index.html')).text).toContain('layout: resources');
  });

  it('refuses bytes that are not UTF-8, and binary files, with the reason (415)', async () => {
    await writeFile(path.join(site.siteDir, 'latin1.md'), Buffer.from([0x63, 0x61, 0x66, 0xe9]));
    await writeFile(path.join(site.siteDir, 'pages', 'binary.md'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0]));
    await expect(readPage(site.siteDir, 'latin1.md')).rejects.toMatchObject({ status: 415, message: expect.stringMatching(/^This file is not UTF-8 text \(line 1/) });
    await expect(readPage(site.siteDir, 'pages/binary.md')).rejects.toMatchObject({ status: 415, message: expect.stringMatching(/^This file is binary, not a page/) });
  });

  it('refuses non-pages, hidden and missing files', async () => {
    expect(await statusOf(readPage(site.siteDir, '_config.yml'))).toBe(403);
    expect(await statusOf(readPage(site.siteDir, 'images/logo.svg'))).toBe(403);
    expect(await statusOf(readPage(site.siteDir, '.git/info.md'))).toBe(403);
    expect(await statusOf(readPage(site.siteDir, 'nope.md'))).toBe(404);
    expect(await statusOf(readPage(site.siteDir, '../x.md'))).toBe(400);
  });

  it('refuses a .md symlink to a non-page file', async () => {
    await symlink(path.join(site.siteDir, '_config.yml'), path.join(site.siteDir, 'config.md'));
    expect(await statusOf(readPage(site.siteDir, 'config.md'))).toBe(403);
  });
});

describe('writePage', () => {
  let site: TestSite;
  let queue: PathQueue;
  beforeEach(async () => {
    site = await makeTestSite();
    queue = new PathQueue();
  });
  afterEach(() => site.cleanup());

  it('writes with the right If-Match and returns the new etag', async () => {
    const rel = '_about/Our Parks/Lakes.md';
    const { etag } = await readPage(site.siteDir, rel);
    const text = '---\ntitle: Lakes\n---\nNew body with ’ and 中文';
    const res = await writePage(site.siteDir, rel, { text, ifMatch: etag, ifNoneMatch: undefined }, queue);
    expect(res).toEqual({ etag: etagOf(Buffer.from(text, 'utf8')), created: false });
    expect(await readFile(path.join(site.siteDir, '_about', 'Our Parks', 'Lakes.md'), 'utf8')).toBe(text);
  });

  it('requires If-Match (428) and refuses stale etags (409 with the current version)', async () => {
    const rel = 'pages/contact-us.md';
    expect(await statusOf(writePage(site.siteDir, rel, { text: 'x', ifMatch: undefined, ifNoneMatch: undefined }, queue))).toBe(428);
    expect(await statusOf(writePage(site.siteDir, rel, { text: 'x', ifMatch: '*', ifNoneMatch: undefined }, queue))).toBe(428);
    try {
      await writePage(site.siteDir, rel, { text: 'x', ifMatch: '"stale"', ifNoneMatch: undefined }, queue);
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(HttpError);
      const e = err as HttpError;
      expect(e.status).toBe(409);
      expect(e.body).toEqual({ current: { text: FIXTURE_FILES[rel], etag: etagOf(Buffer.from(FIXTURE_FILES[rel] as string)) } });
    }
    expect(await readFile(path.join(site.siteDir, 'pages', 'contact-us.md'), 'utf8')).toBe(FIXTURE_FILES[rel]);
  });

  it('creates a missing page only with If-None-Match: * and an existing parent folder', async () => {
    expect(await statusOf(writePage(site.siteDir, 'pages/new.md', { text: 'x', ifMatch: '"a"', ifNoneMatch: undefined }, queue))).toBe(404);
    expect(await statusOf(writePage(site.siteDir, '_nofolder/new.md', { text: 'x', ifMatch: undefined, ifNoneMatch: '*' }, queue))).toBe(404);
    const res = await writePage(site.siteDir, 'pages/new.md', { text: 'hello', ifMatch: undefined, ifNoneMatch: '*' }, queue);
    expect(res.created).toBe(true);
    expect(await readFile(path.join(site.siteDir, 'pages', 'new.md'), 'utf8')).toBe('hello');
    expect(await statusOf(writePage(site.siteDir, 'pages/new.md', { text: 'again', ifMatch: undefined, ifNoneMatch: '*' }, queue))).toBe(409);
  });

  it('keeps the file mode and writes through an inside symlink to its target', async () => {
    const file = path.join(site.siteDir, 'pages', 'contact-us.md');
    await chmod(file, 0o600);
    await symlink(file, path.join(site.siteDir, 'alias.md'));
    const { etag } = await readPage(site.siteDir, 'alias.md');
    await writePage(site.siteDir, 'alias.md', { text: 'via alias', ifMatch: etag, ifNoneMatch: undefined }, queue);
    expect(await readFile(file, 'utf8')).toBe('via alias');
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    expect((await lstat(path.join(site.siteDir, 'alias.md'))).isSymbolicLink()).toBe(true);
  });

  it('serialises concurrent writes to one path: exactly one of two racing saves wins', async () => {
    const rel = 'pages/contact-us.md';
    const { etag } = await readPage(site.siteDir, rel);
    const results = await Promise.allSettled(
      ['first', 'second', 'third'].map((text) => writePage(site.siteDir, rel, { text, ifMatch: etag, ifNoneMatch: undefined }, queue)),
    );
    const won = results.flatMap((r, i) => (r.status === 'fulfilled' ? [['first', 'second', 'third'][i]!] : []));
    expect(won).toHaveLength(1);
    expect(results.filter((r) => r.status === 'rejected' && (r.reason as HttpError).status === 409)).toHaveLength(2);
    expect(await readFile(path.join(site.siteDir, 'pages', 'contact-us.md'), 'utf8')).toBe(won[0]);
    expect((await readdir(path.join(site.siteDir, 'pages'))).filter((n) => n.startsWith('.'))).toEqual([]);
  });
});
