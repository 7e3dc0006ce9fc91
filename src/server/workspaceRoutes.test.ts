/** Create, rename, delete, trash, upload and the change events, through the real server. */
import { mkdir, readFile, readdir, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { etagOf } from './etag.ts';
import { defaultTrashDir } from './pageOps.ts';
import { startSiteServer, type RunningSiteServer } from './siteServer.ts';
import { makeTestSite, type TestSite } from './testSite.ts';
import { svgProblem, safeUploadName } from './upload.ts';

const q = (p: string) => `path=${encodeURIComponent(p)}`;

let site: TestSite;
let server: RunningSiteServer;
let trashDir: string;

const origin = () => server.url.replace(/\/$/, '');
const api = (p: string, init: RequestInit = {}) =>
  fetch(new URL(p, server.url), { ...init, headers: { 'X-Isomer-Token': server.token, Origin: origin(), ...(init.headers as Record<string, string>) } });
const postJson = (p: string, body: unknown, headers: Record<string, string> = {}) =>
  api(p, { method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body: JSON.stringify(body) });
const siteFile = (rel: string) => path.join(site.siteDir, ...rel.split('/'));
const read = (rel: string) => readFile(siteFile(rel), 'utf8');
const exists = (p: string) => stat(p).then(() => true, () => false);
const etagOfFile = async (rel: string) => etagOf(await readFile(siteFile(rel)));

beforeEach(async () => {
  site = await makeTestSite();
  trashDir = path.join(site.base, 'trash');
  server = await startSiteServer({ siteDir: site.siteDir, port: 0, trashDir, watchIntervalMs: 100 });
});
afterEach(async () => {
  await server.close();
  await site.cleanup();
});

describe('PUT /api/page: the page address', () => {
  const put = async (rel: string, text: string) =>
    api(`/api/page?${q(rel)}`, { method: 'PUT', headers: { 'Content-Type': 'application/json', 'If-Match': await etagOfFile(rel) }, body: JSON.stringify({ text }) });

  it('refuses a save that gives the page an address another page uses, naming that page; the file stays as it was', async () => {
    const before = await read('_about/Who we are?.md');
    const res = await put('_about/Who we are?.md', before.replace('permalink: /about/who-we-are/', 'permalink: /Contact-Us'));
    expect(res.status).toBe(409);
    expect(await res.json()).toMatchObject({ error: 'the address /Contact-Us is already used by pages/contact-us.md', clash: 'pages/contact-us.md' });
    expect(await read('_about/Who we are?.md')).toBe(before);
  });

  it('saves a page whose address is free or unchanged', async () => {
    const before = await read('_about/Who we are?.md');
    expect((await put('_about/Who we are?.md', before.replace('<p>Hello</p>', '<p>Hi</p>'))).status).toBe(200);
    const moved = (await read('_about/Who we are?.md')).replace('/about/who-we-are/', '/about/our-team/');
    expect((await put('_about/Who we are?.md', moved)).status).toBe(200);
    expect(await read('_about/Who we are?.md')).toBe(moved);
  });
});

describe('POST /api/pages (create)', () => {
  it('creates pages/<Title>.md with title, permalink and variant', async () => {
    const res = await postJson('/api/pages', { kind: 'page', title: 'Visit Us’ Today' });
    expect(res.status).toBe(201);
    const body = (await res.json()) as { path: string; etag: string };
    expect(body.path).toBe('pages/Visit Us’ Today.md');
    const text = await read(body.path);
    expect(text).toBe('---\ntitle: Visit Us’ Today\npermalink: /visit-us-today/\nvariant: tiptap\n---\n');
    expect(body.etag).toBe(etagOf(Buffer.from(text)));
  });

  it('creates a collection page in a sub-folder with third_nav_title and appends it to collection.yml', async () => {
    const before = await read('_about/collection.yml');
    const res = await postJson('/api/pages', { kind: 'collection-page', title: 'Reservoirs', collection: 'about', subfolder: 'Our Parks' });
    expect(res.status).toBe(201);
    expect(await read('_about/Our Parks/Reservoirs.md')).toBe(
      '---\ntitle: Reservoirs\npermalink: /about/reservoirs/\nvariant: tiptap\nthird_nav_title: Our Parks\n---\n',
    );
    expect(await read('_about/collection.yml')).toBe(`${before}      - Our Parks/Reservoirs.md\n`);
  });

  it('creates a Tamil sub-folder that did not exist, with a given permalink', async () => {
    const res = await postJson('/api/pages', { kind: 'collection-page', title: 'புதிய பக்கம்', collection: 'interactive-workshops', subfolder: 'தமிழ் 2', permalink: '/tamil/new/' });
    expect(res.status).toBe(201);
    const text = await read('_interactive-workshops/தமிழ் 2/புதிய பக்கம்.md');
    expect(text).toContain('permalink: /tamil/new/');
    expect(text).toContain('third_nav_title: தமிழ் 2');
  });

  it('creates a resource post named YYYY-MM-DD-<layout>-<Title>.md', async () => {
    const res = await postJson('/api/pages', { kind: 'resource-post', title: 'Annual Report', category: 'press', layout: 'file', date: '2024-02-29' });
    expect(res.status).toBe(201);
    const text = await read('news-and-events/press/_posts/2024-02-29-file-Annual Report.md');
    expect(text).toBe('---\ntitle: Annual Report\ndate: 2024-02-29\nlayout: file\nfile_url: ""\n---\n');
    const post = await postJson('/api/pages', { kind: 'resource-post', title: 'Opening', category: 'press', date: '2024-03-01' });
    expect(await read(((await post.json()) as { path: string }).path)).toContain('layout: post\nvariant: tiptap\n');
  });

  it('refuses clashing permalinks and existing files with 409', async () => {
    const clash = await postJson('/api/pages', { kind: 'page', title: 'Anything', permalink: '/about/lakes' });
    expect(clash.status).toBe(409);
    expect(((await clash.json()) as { error: string }).error).toMatch(/already used by _about\/Our Parks\/Lakes\.md/);
    await writeFile(siteFile('pages/Old.md'), 'x');
    const existing = await postJson('/api/pages', { kind: 'page', title: 'Old', permalink: '/old-unique/' });
    expect(existing.status).toBe(409);
    expect(((await existing.json()) as { error: string }).error).toMatch(/already exists/);
  });

  it('refuses bad titles, kinds, collections, categories and dates with 400/404', async () => {
    for (const title of ['a/b', 'a\\b', 'a\0b', '', '   ', '.hidden']) {
      expect((await postJson('/api/pages', { kind: 'page', title })).status).toBe(400);
    }
    expect((await postJson('/api/pages', { kind: 'weird', title: 'x' })).status).toBe(400);
    expect((await postJson('/api/pages', { kind: 'collection-page', title: 'x', collection: 'nope' })).status).toBe(404);
    expect((await postJson('/api/pages', { kind: 'collection-page', title: 'x', collection: 'about', subfolder: '../up' })).status).toBe(400);
    expect((await postJson('/api/pages', { kind: 'resource-post', title: 'x', category: 'none' })).status).toBe(404);
    expect((await postJson('/api/pages', { kind: 'resource-post', title: 'x', category: 'press', date: '2023-02-30' })).status).toBe(400);
    expect((await postJson('/api/pages', { kind: 'resource-post', title: 'x', category: 'press', layout: 'video' })).status).toBe(400);
    expect((await api('/api/pages', { method: 'POST', headers: { 'Content-Type': 'text/plain' }, body: '{}' })).status).toBe(415);
  });

  it('needs the token and the own Origin', async () => {
    const res = await fetch(new URL('/api/pages', server.url), { method: 'POST', headers: { 'Content-Type': 'application/json', 'X-Isomer-Token': server.token, Origin: 'http://evil.example' }, body: JSON.stringify({ kind: 'page', title: 'x' }) });
    expect(res.status).toBe(403);
    const noToken = await fetch(new URL('/api/pages', server.url), { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ kind: 'page', title: 'x' }) });
    expect(noToken.status).toBe(403);
    expect(await exists(siteFile('pages/x.md'))).toBe(false);
  });
});

describe('POST /api/page/rename', () => {
  it('renames with If-Match and updates the collection order', async () => {
    const from = '_about/Our Parks/Lakes.md';
    const res = await postJson('/api/page/rename', { from, to: '_about/Our Parks/Lakes and Ponds.md' }, { 'If-Match': await etagOfFile(from) });
    expect(res.status).toBe(200);
    expect(await exists(siteFile(from))).toBe(false);
    expect(await read('_about/Our Parks/Lakes and Ponds.md')).toContain('title: Lakes');
    expect(await read('_about/collection.yml')).toContain('      - Our Parks/Lakes and Ponds.md\n');
  });

  it('refuses without If-Match (428), with a stale one (409), and over an existing page (409)', async () => {
    const from = 'pages/contact-us.md';
    expect((await postJson('/api/page/rename', { from, to: 'pages/c.md' })).status).toBe(428);
    expect((await postJson('/api/page/rename', { from, to: 'pages/c.md' }, { 'If-Match': '"stale"' })).status).toBe(409);
    const over = await postJson('/api/page/rename', { from, to: 'pages/crlf.md' }, { 'If-Match': await etagOfFile(from) });
    expect(over.status).toBe(409);
    expect(await read('pages/crlf.md')).toContain('CRLF page');
    expect((await postJson('/api/page/rename', { from, to: '../x.md' }, { 'If-Match': await etagOfFile(from) })).status).toBe(400);
    expect((await postJson('/api/page/rename', { from, to: 'pages/x.txt' }, { 'If-Match': await etagOfFile(from) })).status).toBe(403);
  });
});

describe('DELETE /api/page and the trash', () => {
  it('moves the page to a trash outside the site, lists it, and restores it', async () => {
    const rel = '_about/Who we are?.md';
    const text = await read(rel);
    const yml = await read('_about/collection.yml');
    expect((await api(`/api/page?${q(rel)}`, { method: 'DELETE' })).status).toBe(428);
    expect((await api(`/api/page?${q(rel)}`, { method: 'DELETE', headers: { 'If-Match': '"old"' } })).status).toBe(409);
    const del = await api(`/api/page?${q(rel)}`, { method: 'DELETE', headers: { 'If-Match': etagOf(Buffer.from(text)) } });
    expect(del.status).toBe(200);
    const { trashed } = (await del.json()) as { trashed: { id: string; path: string } };
    expect(trashed.path).toBe(rel);
    expect(await exists(siteFile(rel))).toBe(false);
    expect(await read('_about/collection.yml')).toBe(yml.replace('      - Who we are?.md\n', ''));
    expect(await readdir(path.join(trashDir, trashed.id))).toEqual(expect.arrayContaining(['Who we are?.md', 'meta.json']));

    const list = (await (await api('/api/trash')).json()) as { items: { id: string; path: string }[] };
    expect(list.items.map((i) => i.path)).toEqual([rel]);

    const restore = await postJson('/api/trash/restore', { id: trashed.id });
    expect(restore.status).toBe(200);
    expect(await read(rel)).toBe(text);
    expect(await read('_about/collection.yml')).toBe(`${yml.replace('      - Who we are?.md\n', '')}      - Who we are?.md\n`);
    expect(((await (await api('/api/trash')).json()) as { items: unknown[] }).items).toEqual([]);
  });

  it('refuses to restore over a page that exists again, and unknown ids', async () => {
    const rel = 'pages/contact-us.md';
    const del = await api(`/api/page?${q(rel)}`, { method: 'DELETE', headers: { 'If-Match': await etagOfFile(rel) } });
    const { trashed } = (await del.json()) as { trashed: { id: string } };
    await writeFile(siteFile(rel), 'new one');
    expect((await postJson('/api/trash/restore', { id: trashed.id })).status).toBe(409);
    expect(await read(rel)).toBe('new one');
    expect((await postJson('/api/trash/restore', { id: '../../etc' })).status).toBe(400);
    expect((await postJson('/api/trash/restore', { id: '1700000000000-deadbeef' })).status).toBe(404);
  });

  it('defaults the trash to the home folder, never inside the site', () => {
    const dir = defaultTrashDir(site.siteDir);
    expect(dir).toMatch(/\.isomer-editor[/\\]trash[/\\][0-9a-f]{16}$/);
    expect(dir.startsWith(site.siteDir)).toBe(false);
  });
});

describe('POST /api/media (upload)', () => {
  const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]);
  const upload = (query: string, body: Uint8Array<ArrayBuffer> | string) =>
    api(`/api/media?${query}`, { method: 'POST', headers: { 'Content-Type': 'application/octet-stream' }, body });

  it('stores an image under a safe name, keeping spaces, and refuses to overwrite without asking', async () => {
    const res = await upload(`dir=images&name=${encodeURIComponent('C:\\fakepath\\My photo\u0007.png')}`, png);
    expect(res.status).toBe(201);
    expect(await res.json()).toEqual({ path: 'images/My photo.png', url: '/images/My%20photo.png', size: png.length, replaced: false });
    expect(await exists(siteFile('images/My photo.png'))).toBe(true);
    expect((await upload(`dir=images&name=${encodeURIComponent('My photo.png')}`, png)).status).toBe(409);
    expect((await upload(`dir=images&name=${encodeURIComponent('My photo.png')}&overwrite=1`, png)).status).toBe(200);
    const listed = (await (await api('/api/media?dir=images')).json()) as { files: { path: string }[] };
    expect(listed.files.map((f) => f.path)).toContain('images/My photo.png');
  });

  it('refuses wrong types, wrong content, too large files and bad names', async () => {
    expect((await upload('dir=images&name=x.exe', png)).status).toBe(415);
    expect((await upload('dir=images&name=x.jpg', png)).status).toBe(415);
    expect((await upload('dir=files&name=x.png', png)).status).toBe(415);
    expect((await upload('dir=images&name=big.png', new Uint8Array(5 * 1024 * 1024 + 1).fill(0x89))).status).toBe(413);
    expect((await upload('dir=images&name=.htaccess.png', png)).status).toBe(400);
    expect((await upload('dir=other&name=x.png', png)).status).toBe(400);
    expect((await upload('dir=files&name=notes.txt', 'hello')).status).toBe(201);
  });

  it('refuses SVGs with script or event handlers, saying which', async () => {
    const bad = await upload('dir=images&name=a.svg', '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>');
    expect(bad.status).toBe(415);
    expect(((await bad.json()) as { error: string }).error).toMatch(/event handler attribute \(onload on <svg>/);
    const script = await upload('dir=images&name=b.svg', '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>');
    expect(((await script.json()) as { error: string }).error).toMatch(/<script>/);
    expect((await upload('dir=images&name=c.svg', '<svg xmlns="http://www.w3.org/2000/svg"><circle r="4"/></svg>')).status).toBe(201);
  });

  it('cleans names and spots active SVG content', async () => {
    expect(safeUploadName('../../etc/pass wd.png')).toBe('pass wd.png');
    expect(() => safeUploadName('dir/')).toThrow();
    expect(await svgProblem('<svg xmlns="http://www.w3.org/2000/svg"><a href="javascript:alert(1)">x</a></svg>')).toMatch(/javascript/);
    expect(await svgProblem('<svg xmlns="http://www.w3.org/2000/svg"><foreignObject/></svg>')).toMatch(/foreignObject/);
  });
});

describe('GET /api/events (changes on disk)', () => {
  async function openEvents(token: string | null) {
    const controller = new AbortController();
    const url = new URL('/api/events', server.url);
    if (token !== null) url.searchParams.set('token', token);
    const res = await fetch(url, { signal: controller.signal });
    return { res, controller };
  }

  async function nextEvents(res: Response, until: (text: string) => boolean, timeoutMs = 5000): Promise<string> {
    const reader = res.body!.getReader();
    const decoder = new TextDecoder();
    let text = '';
    const deadline = Date.now() + timeoutMs;
    try {
      while (!until(text) && Date.now() < deadline) {
        const chunk = await Promise.race([reader.read(), new Promise<null>((r) => setTimeout(() => r(null), deadline - Date.now()))]);
        if (!chunk || chunk.done) break;
        text += decoder.decode(chunk.value, { stream: true });
      }
    } finally {
      reader.releaseLock();
    }
    return text;
  }

  it('needs the token (query parameter accepted on this route only)', async () => {
    expect((await openEvents(null)).res.status).toBe(403);
    expect((await openEvents('wrong')).res.status).toBe(403);
    const other = await fetch(new URL(`/api/pages?token=${server.token}`, server.url));
    expect(other.status).toBe(403);
  });

  it('reports a change made on disk by another program, not the server’s own writes', async () => {
    const { res, controller } = await openEvents(server.token);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/text\/event-stream/);
    await nextEvents(res, (t) => t.includes('event: ready'));
    await new Promise((r) => setTimeout(r, 300)); // the baseline poll

    // The server's own write: no event.
    const rel = 'pages/contact-us.md';
    const put = await api(`/api/page?${q(rel)}`, { method: 'PUT', headers: { 'Content-Type': 'application/json', 'If-Match': await etagOfFile(rel) }, body: JSON.stringify({ text: 'by the editor' }) });
    expect(put.status).toBe(200);
    const quiet = await nextEvents(res, (t) => t.includes('"changed"'), 600);
    expect(quiet).not.toContain('"changed"');

    // Another program: an event with the new etag.
    await writeFile(siteFile(rel), 'by someone else\n');
    const text = await nextEvents(res, (t) => t.includes('"changed"'));
    const line = text.split('\n').find((l) => l.startsWith('data: ') && l.includes('"changed"'))!;
    expect(JSON.parse(line.slice(6))).toEqual({ type: 'changed', path: rel, etag: etagOf(Buffer.from('by someone else\n')) });

    await mkdir(siteFile('pages/new'), { recursive: true });
    await writeFile(siteFile('pages/new/added.md'), 'x');
    expect(await nextEvents(res, (t) => t.includes('"added"'))).toContain('"path":"pages/new/added.md"');
    controller.abort();
  });
});

describe('server options', () => {
  it('refuses a trash folder inside the site', async () => {
    await expect(startSiteServer({ siteDir: site.siteDir, port: 0, trashDir: path.join(site.siteDir, 'trash') })).rejects.toThrow(/outside the site/);
  });
});
