/** Bad input through the real server: symbolic link loops, binary files, and pages only where pages live. */
import { mkdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { etagOf } from './etag.ts';
import { startSiteServer, type RunningSiteServer } from './siteServer.ts';
import { FIXTURE_FILES, makeTestSite, type TestSite } from './testSite.ts';

const q = (p: string) => `path=${encodeURIComponent(p)}`;

let site: TestSite;
let server: RunningSiteServer;

const api = (p: string, init: RequestInit = {}) =>
  fetch(new URL(p, server.url), {
    ...init,
    headers: { 'X-Isomer-Token': server.token, Origin: server.url.replace(/\/$/, ''), ...(init.headers as Record<string, string>) },
  });
const json = (method: string, p: string, body: unknown, headers: Record<string, string> = {}) =>
  api(p, { method, headers: { 'Content-Type': 'application/json', ...headers }, body: JSON.stringify(body) });
const put = (rel: string, text: string, headers: Record<string, string>) => json('PUT', `/api/page?${q(rel)}`, { text }, headers);
const siteFile = (rel: string) => path.join(site.siteDir, ...rel.split('/'));

/** The status and error of a refused request, which never carries a stack trace. */
async function refusal(res: Response): Promise<{ status: number; error: string }> {
  const text = await res.text();
  expect(text).not.toMatch(/\n\s+at |node:internal|\.ts:\d+/);
  return { status: res.status, error: (JSON.parse(text) as { error: string }).error };
}

beforeEach(async () => {
  site = await makeTestSite();
  server = await startSiteServer({ siteDir: site.siteDir, port: 0, trashDir: path.join(site.base, 'trash') });
});
afterEach(async () => {
  await server.close();
  await site.cleanup();
});

describe('symbolic link loops in the site', () => {
  beforeEach(async () => {
    await symlink('loop.md', siteFile('pages/loop.md'));
    await symlink('round', siteFile('pages/round'));
    await symlink('a.md', siteFile('_about/b.md'));
    await symlink('b.md', siteFile('_about/a.md'));
    await symlink('here', siteFile('files/here'));
  });

  it('the page list still lists every other page', async () => {
    const res = await api('/api/pages');
    expect(res.status).toBe(200);
    const { pages } = (await res.json()) as { pages: { path: string }[] };
    expect(pages.map((p) => p.path)).toContain('pages/contact-us.md');
    expect(pages).toHaveLength(12);
  });

  it('reading or writing a page through a loop is refused with 403, not a server error', async () => {
    for (const rel of ['pages/loop.md', 'pages/round/x.md', '_about/a.md', 'pages/round/round/y.md']) {
      const read = await refusal(await api(`/api/page?${q(rel)}`));
      expect(read.status).toBe(403);
      expect(read.error).toMatch(/symbolic link loop|outside the site folder/);
      expect((await refusal(await put(rel, 'x', { 'If-None-Match': '*' }))).status).toBe(403);
      expect((await refusal(await put(rel, 'x', { 'If-Match': '"x"' }))).status).toBe(403);
    }
    expect((await refusal(await json('POST', '/api/page/rename', { from: 'pages/contact-us.md', to: 'pages/round/c.md' }, { 'If-Match': etagOf(Buffer.from(FIXTURE_FILES['pages/contact-us.md'] as string)) }))).status).toBe(403);
  });

  it('the media list passes over a loop inside a media folder, and refuses (403) a media folder that is one', async () => {
    const res = await api('/api/media?dir=files');
    expect(res.status).toBe(200);
    expect(((await res.json()) as { files: { path: string }[] }).files.map((f) => f.path)).toEqual(['files/doc & notes.pdf']);
    await rm(siteFile('images'), { recursive: true });
    await symlink('images', siteFile('images'));
    const media = await refusal(await api('/api/media?dir=images'));
    expect(media).toEqual({ status: 403, error: 'path goes through a symbolic link loop' });
    expect((await api('/api/pages')).status).toBe(200);
  });
});

describe('files that are not text', () => {
  it('a binary or non-UTF-8 page is refused (415) with the reason, and stays listed and unchanged', async () => {
    const binary = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]);
    await writeFile(siteFile('pages/binary.md'), binary);
    await writeFile(siteFile('pages/latin1.md'), Buffer.from('---\ntitle: Caf\xe9\n---\n', 'latin1'));
    expect(await refusal(await api(`/api/page?${q('pages/binary.md')}`))).toEqual({
      status: 415,
      error: 'This file is binary, not a page (it holds a NUL byte on line 3). It was not read',
    });
    const latin1 = await refusal(await api(`/api/page?${q('pages/latin1.md')}`));
    expect(latin1.status).toBe(415);
    expect(latin1.error).toMatch(/^This file is not UTF-8 text \(line 2 holds bytes that are not UTF-8\)/);
    const { pages } = (await (await api('/api/pages')).json()) as { pages: { path: string }[] };
    expect(pages.map((p) => p.path)).toEqual(expect.arrayContaining(['pages/binary.md', 'pages/latin1.md']));
    expect(await readFile(siteFile('pages/binary.md'))).toEqual(binary);
  });
});

describe('the page API writes pages only where pages live', () => {
  const notPages = ['_layouts/page.md', '_includes/inc.md', '_data/thing.md', 'assets/x.md', 'images/x.md', 'files/x.md', '_LAYOUTS/page.md'];

  it('refuses to read, save, create by path, rename into or delete templates, data and assets (403)', async () => {
    const etag = etagOf(Buffer.from('x'));
    for (const rel of notPages) {
      expect((await refusal(await api(`/api/page?${q(rel)}`))).status).toBe(403);
      expect((await refusal(await put(rel, '<script>alert(1)</script>', { 'If-Match': etag }))).status).toBe(403);
      expect((await refusal(await put(rel, '<script>alert(1)</script>', { 'If-None-Match': '*' }))).status).toBe(403);
      expect((await refusal(await api(`/api/page?${q(rel)}`, { method: 'DELETE', headers: { 'If-Match': etag } }))).status).toBe(403);
    }
    const contactEtag = etagOf(Buffer.from(FIXTURE_FILES['pages/contact-us.md'] as string));
    for (const to of ['_includes/contact-us.md', '_layouts/contact-us.md', 'misc/contact-us.md', 'news-and-events/contact-us.html']) {
      const renamed = await refusal(await json('POST', '/api/page/rename', { from: 'pages/contact-us.md', to }, { 'If-Match': contactEtag }));
      expect(renamed.status, to).toBe(403);
    }
    expect(await readFile(siteFile('_layouts/page.md'), 'utf8')).toBe('x');
    expect(await readFile(siteFile('pages/contact-us.md'), 'utf8')).toBe(FIXTURE_FILES['pages/contact-us.md']);
  });

  it('refuses .html templates and .md files outside the places of pages for writing, and names those places', async () => {
    await mkdir(siteFile('misc'));
    await writeFile(siteFile('misc/search.md'), '---\nlayout: search\ntitle: Search\n---\n');
    await writeFile(siteFile('misc/404.html'), '---\ntitle: Not found\n---\n<p>x</p>');
    // Read: an ordinary .md file opens; an .html template does not.
    const search = await api(`/api/page?${q('misc/search.md')}`);
    expect(search.status).toBe(200);
    expect((await refusal(await api(`/api/page?${q('misc/404.html')}`))).error).toBe(
      'misc/404.html is not a page but a template: pages are .md files at the top of the site, in pages/, in a collection folder (_name/) or in the resource room (news-and-events/), and the resource room\'s index.html files',
    );
    const written = await refusal(await put('misc/search.md', 'x', { 'If-Match': etagOf(Buffer.from('---\nlayout: search\ntitle: Search\n---\n')) }));
    expect(written).toEqual({
      status: 403,
      error: 'misc/search.md is not where pages live: pages are .md files at the top of the site, in pages/, in a collection folder (_name/) or in the resource room (news-and-events/)',
    });
    expect((await refusal(await put('misc/new.md', 'x', { 'If-None-Match': '*' }))).status).toBe(403);
    expect((await refusal(await put('news-and-events/press/other.html', 'x', { 'If-None-Match': '*' }))).status).toBe(403);
  });

  it('refuses a link in a place of pages that leads to a template', async () => {
    await symlink('../_layouts/page.md', siteFile('pages/template.md'));
    expect((await refusal(await api(`/api/page?${q('pages/template.md')}`))).status).toBe(403);
    expect((await refusal(await put('pages/template.md', 'x', { 'If-Match': etagOf(Buffer.from('x')) }))).status).toBe(403);
    expect(await readFile(siteFile('_layouts/page.md'), 'utf8')).toBe('x');
  });

  it('refuses to create a page in a collection named after Jekyll machinery', async () => {
    await mkdir(siteFile('_layouts'), { recursive: true });
    const res = await refusal(await json('POST', '/api/pages', { kind: 'collection-page', collection: 'layouts', title: 'Sneaky' }));
    expect(res).toEqual({ status: 403, error: "_layouts/ holds the site's templates, data or assets, not pages" });
  });

  it('still reads and writes pages at the top, in pages/, in collections and in the resource room', async () => {
    for (const rel of ['index.md', 'pages/crlf.md', '_about/Our Parks/Lakes.md', 'news-and-events/index.html', 'news-and-events/press/index.html', 'news-and-events/press/_posts/2020-01-27-post-Launch.md']) {
      const res = await api(`/api/page?${q(rel)}`);
      expect(res.status, rel).toBe(200);
      const { text, etag } = (await res.json()) as { text: string; etag: string };
      expect((await put(rel, `${text}\n`, { 'If-Match': etag })).status, rel).toBe(200);
    }
    for (const rel of ['new-top.md', 'pages/new.md', '_about/New.md', 'news-and-events/press/_posts/2024-01-01-post-New.md']) {
      expect((await put(rel, 'x', { 'If-None-Match': '*' })).status, rel).toBe(201);
    }
  });
});
