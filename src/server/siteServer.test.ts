import { request as httpRequest } from 'node:http';
import { mkdir, readFile, symlink, writeFile } from 'node:fs/promises';
import { networkInterfaces } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { etagOf } from './etag.ts';
import { createSiteApp, startSiteServer, type RunningSiteServer } from './siteServer.ts';
import { FIXTURE_FILES, makeTestSite, type TestSite } from './testSite.ts';

/** A request with full control over the Host header (fetch always sends the real one). */
function rawRequest(url: string, opts: { method?: string; headers?: Record<string, string>; body?: string } = {}) {
  return new Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: string }>((resolve, reject) => {
    const req = httpRequest(url, { method: opts.method ?? 'GET', headers: opts.headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', reject);
    if (opts.body) req.write(opts.body);
    req.end();
  });
}

const q = (p: string) => `path=${encodeURIComponent(p)}`;

describe('site server (end to end)', () => {
  let site: TestSite;
  let server: RunningSiteServer;
  let appDir: string;

  const api = (p: string, init: RequestInit = {}) =>
    fetch(new URL(p, server.url), { ...init, headers: { 'X-Isomer-Token': server.token, ...(init.headers as Record<string, string>) } });
  const put = (rel: string, body: unknown, headers: Record<string, string> = {}) =>
    api(`/api/page?${q(rel)}`, {
      method: 'PUT',
      headers: { 'Content-Type': 'application/json', Origin: server.url.replace(/\/$/, ''), ...headers },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });

  beforeAll(async () => {
    site = await makeTestSite();
    appDir = path.join(site.base, 'dist');
    await mkdir(path.join(appDir, 'assets'), { recursive: true });
    await writeFile(path.join(appDir, 'index.html'), '<!doctype html>\n<html>\n<head>\n<title>Editor</title>\n<script type="module" src="/assets/app.js"></script>\n</head>\n<body><div id="root"></div></body>\n</html>\n');
    await writeFile(path.join(appDir, 'assets', 'app.js'), 'export {}');
    await writeFile(path.join(site.base, 'secret.md'), '---\ntitle: secret\n---\n');
    await symlink(path.join(site.base, 'secret.md'), path.join(site.siteDir, 'pages', 'escape.md'));
    server = await startSiteServer({ siteDir: site.siteDir, appDir, port: 0 });
  });
  afterAll(async () => {
    await server?.close();
    await site?.cleanup();
  });

  describe('startup', () => {
    it('listens on 127.0.0.1 with a random 32-byte token', () => {
      expect(server.url).toBe(`http://127.0.0.1:${server.port}/`);
      expect(server.port).toBeGreaterThan(0);
      expect(server.token).toMatch(/^[0-9a-f]{64}$/);
    });

    it('is not reachable on other interfaces', async () => {
      const external = Object.values(networkInterfaces())
        .flat()
        .find((i) => i && i.family === 'IPv4' && !i.internal);
      if (!external) return; // no external interface in this environment
      await expect(fetch(`http://${external.address}:${server.port}/`)).rejects.toThrow();
    });

    it('uses the given token and port; close() frees the port', async () => {
      const s = await startSiteServer({ siteDir: site.siteDir, port: 0, token: 'my-token' });
      expect(s.token).toBe('my-token');
      const res = await fetch(new URL('/api/site', s.url), { headers: { 'X-Isomer-Token': 'my-token' } });
      expect(res.status).toBe(200);
      await s.close();
      await expect(fetch(new URL('/api/site', s.url))).rejects.toThrow();
      const again = await startSiteServer({ siteDir: site.siteDir, port: s.port });
      expect(again.port).toBe(s.port);
      await again.close();
    });

    it('rejects when the port is taken', async () => {
      await expect(startSiteServer({ siteDir: site.siteDir, port: server.port })).rejects.toMatchObject({ code: 'EADDRINUSE' });
    });
  });

  describe('app', () => {
    it('serves index.html with the token meta and security headers', async () => {
      for (const p of ['/', '/pages/_about/Our%20Parks/Lakes.md']) {
        const res = await fetch(new URL(p, server.url));
        expect(res.status).toBe(200);
        expect(res.headers.get('content-type')).toContain('text/html');
        const html = await res.text();
        expect(html).toContain(`<head><meta name="isomer-editor-token" content="${server.token}">`);
        const csp = res.headers.get('content-security-policy')!;
        expect(csp).toContain("script-src 'self'");
        expect(csp).toContain("frame-ancestors 'none'");
        expect(csp).toMatch(/frame-src [^;]*https:/);
        expect(csp).toMatch(/img-src 'self' data: [^;]*https:/);
        expect(res.headers.get('x-content-type-options')).toBe('nosniff');
        expect(res.headers.get('referrer-policy')).toBe('no-referrer');
      }
    });

    it('serves built assets with their content type', async () => {
      const res = await fetch(new URL('/assets/app.js', server.url));
      expect(res.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
      expect(await res.text()).toBe('export {}');
    });

    it('says the app is not built when there is no appDir', async () => {
      const s = await startSiteServer({ siteDir: site.siteDir, port: 0 });
      try {
        const res = await fetch(s.url);
        expect(res.status).toBe(200);
        expect(await res.text()).toContain('not built');
      } finally {
        await s.close();
      }
    });
  });

  describe('DNS rebinding', () => {
    it('refuses a foreign Host header with 403, accepts localhost:port', async () => {
      const url = `http://127.0.0.1:${server.port}/api/site`;
      const token = { 'X-Isomer-Token': server.token };
      expect((await rawRequest(url, { headers: { ...token, Host: `127.0.0.1:${server.port}` } })).status).toBe(200);
      expect((await rawRequest(url, { headers: { ...token, Host: `localhost:${server.port}` } })).status).toBe(200);
      expect((await rawRequest(url, { headers: { ...token, Host: `attacker.example:${server.port}` } })).status).toBe(403);
      expect((await rawRequest(url, { headers: { ...token, Host: 'attacker.example' } })).status).toBe(403);
      expect((await rawRequest(`http://127.0.0.1:${server.port}/`, { headers: { Host: `rebind.example:${server.port}` } })).status).toBe(403);
      const img = await rawRequest(`http://127.0.0.1:${server.port}/images/logo.svg`, { headers: { Host: `rebind.example:${server.port}` } });
      expect(img.status).toBe(403);
    });
  });

  describe('token and CSRF', () => {
    it('API reads need the token', async () => {
      for (const p of ['/api/site', '/api/pages', `/api/page?${q('index.md')}`, '/api/media?dir=images']) {
        const res = await fetch(new URL(p, server.url));
        expect(res.status).toBe(403);
        const bad = await fetch(new URL(p, server.url), { headers: { 'X-Isomer-Token': 'x'.repeat(64) } });
        expect(bad.status).toBe(403);
      }
    });

    it('writes need the token and the own Origin', async () => {
      const { etag } = await (await api(`/api/page?${q('pages/contact-us.md')}`)).json();
      const body = JSON.stringify({ text: 'hacked' });
      const url = new URL(`/api/page?${q('pages/contact-us.md')}`, server.url);
      const h = { 'Content-Type': 'application/json', 'If-Match': etag };
      expect((await fetch(url, { method: 'PUT', headers: h, body })).status).toBe(403);
      expect((await fetch(url, { method: 'PUT', headers: { ...h, Origin: 'http://evil.example' }, body })).status).toBe(403);
      expect((await fetch(url, { method: 'PUT', headers: { ...h, Origin: 'http://evil.example', 'X-Isomer-Token': server.token }, body })).status).toBe(403);
      expect((await fetch(url, { method: 'POST', headers: { 'Content-Type': 'text/plain' }, body: 'x' })).status).toBe(403);
      expect(await readFile(path.join(site.siteDir, 'pages', 'contact-us.md'), 'utf8')).toBe(FIXTURE_FILES['pages/contact-us.md']);
      // no Origin but the token: accepted
      const ok = await fetch(url, { method: 'PUT', headers: { ...h, 'X-Isomer-Token': server.token }, body: JSON.stringify({ text: FIXTURE_FILES['pages/contact-us.md'] }) });
      expect(ok.status).toBe(200);
    });
  });

  describe('GET /api/site, /api/pages, /api/media', () => {
    it('site info', async () => {
      const res = await api('/api/site');
      expect(res.status).toBe(200);
      expect(res.headers.get('cache-control')).toBe('no-store');
      const info = await res.json();
      expect(info).toMatchObject({ title: 'Parks Board', baseurl: '', resourcesName: 'news-and-events', colors: { 'primary-color': '#005eb8' } });
      expect(info.navigation.links[0]).toEqual({ title: 'About', collection: 'about' });
      expect(info.collections[0].order).toContain('FAQ: Q|A & more’s.md');
    });

    it('pages', async () => {
      const { pages } = await (await api('/api/pages')).json();
      const paths = pages.map((p: { path: string }) => p.path);
      expect(paths).toContain('_interactive-workshops/தமிழ்/பக்கம்.md');
      expect(paths).not.toContain('README.md');
      expect(paths.some((p: string) => p.startsWith('_site/') || p.startsWith('node_modules/') || p.startsWith('.git'))).toBe(false);
      const broken = pages.find((p: { path: string }) => p.path === 'pages/broken.md');
      expect(broken).toMatchObject({ title: 'broken', frontMatterError: true });
    });

    it('media', async () => {
      const res = await api('/api/media?dir=images');
      const body = await res.json();
      expect(body.files.map((f: { path: string }) => f.path)).toEqual(['images/Graphics /lake one.png', 'images/logo.svg']);
      expect((await api('/api/media?dir=_about')).status).toBe(400);
      expect((await api('/api/media')).status).toBe(400);
    });

    it('unknown API routes answer 404 JSON', async () => {
      const res = await api('/api/nope');
      expect(res.status).toBe(404);
      expect(await res.json()).toHaveProperty('error');
    });
  });

  describe('GET /api/page', () => {
    it('reads pages with awkward names exactly, with a strong ETag', async () => {
      for (const rel of ['_about/Our Parks/Lakes.md', '_about/Who we are?.md', '_about/FAQ: Q|A & more’s.md', '_interactive-workshops/தமிழ்/பக்கம்.md', '_interactive-workshops/华文/页面.md', 'pages/crlf.md', 'pages/bom.md', 'index.md']) {
        const res = await api(`/api/page?${q(rel)}`);
        expect(res.status, rel).toBe(200);
        const body = await res.json();
        const expected = FIXTURE_FILES[rel] as string;
        expect(body).toEqual({ path: rel, text: expected, etag: etagOf(Buffer.from(expected, 'utf8')) });
        expect(res.headers.get('etag')).toBe(body.etag);
      }
    });

    it('HEAD works', async () => {
      const res = await api(`/api/page?${q('index.md')}`, { method: 'HEAD' });
      expect(res.status).toBe(200);
      expect(res.headers.get('etag')).toMatch(/^"[0-9a-f]{64}"$/);
    });

    it('refuses bad, escaping, non-page and missing paths', async () => {
      const status = async (rawQuery: string) => (await api(`/api/page?${rawQuery}`)).status;
      expect(await status(q('../secret.md'))).toBe(400);
      expect(await status(q('pages/../../secret.md'))).toBe(400);
      expect(await status(q('/etc/passwd.md'))).toBe(400);
      expect(await status(q('pages\\contact-us.md'))).toBe(400);
      expect(await status('path=index.md%00.md')).toBe(400);
      expect(await status('')).toBe(400);
      expect(await status(q('pages/escape.md'))).toBe(403);
      expect(await status(q('_config.yml'))).toBe(403);
      expect(await status(q('images/logo.svg'))).toBe(403);
      expect(await status(q('.git/info.md'))).toBe(403);
      expect(await status(q('pages/missing.md'))).toBe(404);
    });
  });

  describe('PUT /api/page', () => {
    it('saves with If-Match, conflicts with a stale etag, needs If-Match', async () => {
      const rel = '_about/Our Parks/Lakes.md';
      const file = path.join(site.siteDir, '_about', 'Our Parks', 'Lakes.md');
      const { etag } = await (await api(`/api/page?${q(rel)}`)).json();

      expect((await put(rel, { text: 'x' })).status).toBe(428);

      const text = '---\ntitle: Lakes\n---\nUpdated body, no final newline';
      const ok = await put(rel, { text }, { 'If-Match': etag });
      expect(ok.status).toBe(200);
      const { etag: newEtag } = await ok.json();
      expect(newEtag).toBe(etagOf(Buffer.from(text)));
      expect(ok.headers.get('etag')).toBe(newEtag);
      expect(await readFile(file, 'utf8')).toBe(text);

      const stale = await put(rel, { text: 'lost update' }, { 'If-Match': etag });
      expect(stale.status).toBe(409);
      const conflict = await stale.json();
      expect(conflict.error).toBeTruthy();
      expect(conflict.current).toEqual({ text, etag: newEtag });
      expect(await readFile(file, 'utf8')).toBe(text);
    });

    it('creates with If-None-Match: *, 404 otherwise', async () => {
      const rel = '_about/Our Parks/New page ’s: 中文?.md';
      expect((await put(rel, { text: 'x' }, { 'If-Match': '"abc"' })).status).toBe(404);
      expect((await put(rel, { text: 'x' })).status).toBe(404);
      const created = await put(rel, { text: 'new page' }, { 'If-None-Match': '*' });
      expect(created.status).toBe(201);
      expect(await readFile(path.join(site.siteDir, '_about', 'Our Parks', 'New page ’s: 中文?.md'), 'utf8')).toBe('new page');
      expect((await put(rel, { text: 'again' }, { 'If-None-Match': '*' })).status).toBe(409);
      expect((await put('_nofolder/x.md', { text: 'x' }, { 'If-None-Match': '*' })).status).toBe(404);
    });

    it('validates the body', async () => {
      const rel = 'index.md';
      const { etag } = await (await api(`/api/page?${q(rel)}`)).json();
      expect((await put(rel, '{not json', { 'If-Match': etag })).status).toBe(400);
      expect((await put(rel, { text: 5 }, { 'If-Match': etag })).status).toBe(400);
      expect((await put(rel, { text: 'x' }, { 'If-Match': etag, 'Content-Type': 'text/plain' })).status).toBe(415);
      expect((await put('pages/escape.md', { text: 'x' }, { 'If-Match': etag })).status).toBe(403);
      expect((await put('../x.md', { text: 'x' }, { 'If-Match': etag })).status).toBe(400);
      expect((await put('_config.yml', { text: 'x' }, { 'If-Match': etag })).status).toBe(403);
    });

    it('refuses bodies over 20 MB with 413', async () => {
      const rel = 'index.md';
      const { etag } = await (await api(`/api/page?${q(rel)}`)).json();
      const res = await put(rel, { text: 'a'.repeat(20 * 1024 * 1024 + 1) }, { 'If-Match': etag });
      expect(res.status).toBe(413);
      expect(await readFile(path.join(site.siteDir, 'index.md'), 'utf8')).toBe(FIXTURE_FILES['index.md']);
    });

    it('serialises concurrent saves of one page: one wins, the rest conflict', async () => {
      const rel = 'pages/crlf.md';
      const { etag } = await (await api(`/api/page?${q(rel)}`)).json();
      const texts = ['one', 'two', 'three', 'four'];
      const statuses = await Promise.all(texts.map((text) => put(rel, { text }, { 'If-Match': etag }).then((r) => r.status)));
      expect(statuses.filter((s) => s === 200)).toHaveLength(1);
      expect(statuses.filter((s) => s === 409)).toHaveLength(3);
      expect(await readFile(path.join(site.siteDir, 'pages', 'crlf.md'), 'utf8')).toBe(texts[statuses.indexOf(200)]);
    });
  });

  describe('raw site files', () => {
    it('serves /images, /files and /site with content types, read-only', async () => {
      const png = await fetch(new URL('/images/Graphics%20/lake%20one.png', server.url));
      expect(png.status).toBe(200);
      expect(png.headers.get('content-type')).toBe('image/png');
      expect(png.headers.get('x-content-type-options')).toBe('nosniff');
      expect((await png.arrayBuffer()).byteLength).toBe(11);

      const pdf = await fetch(new URL('/files/doc%20%26%20notes.pdf', server.url));
      expect(pdf.headers.get('content-type')).toBe('application/pdf');
      expect(await pdf.text()).toBe('%PDF-1.4 test');

      const viaSite = await fetch(new URL('/site/images/logo.svg', server.url));
      expect(viaSite.headers.get('content-type')).toBe('image/svg+xml');
      expect(viaSite.headers.get('content-security-policy')).toContain('sandbox');
      await viaSite.body?.cancel();

      const head = await fetch(new URL('/images/Graphics%20/lake%20one.png', server.url), { method: 'HEAD' });
      expect(head.status).toBe(200);
      expect(head.headers.get('content-length')).toBe('11');

      expect((await fetch(new URL('/images/missing.png', server.url))).status).toBe(404);
      expect((await fetch(new URL('/site/.git/info.md', server.url))).status).toBe(404);
      expect((await fetch(new URL('/site/pages/escape.md', server.url))).status).toBe(403);
      expect((await fetch(new URL('/site/a%5Cb', server.url))).status).toBe(400);
      expect((await fetch(new URL('/images/a.png', server.url), { method: 'PUT', headers: { 'X-Isomer-Token': server.token } })).status).toBe(405);
    });

    it('a raw `..` in the request line cannot escape', async () => {
      for (const p of ['/site/../../secret.md', '/site/%2e%2e/secret.md', '/images/%2E%2E/%2E%2E/secret.md', '/site/..%2Fsecret.md']) {
        const res = await rawRequest(`http://127.0.0.1:${server.port}${p}`);
        expect(res.body, p).not.toContain('title: secret');
      }
      expect((await rawRequest(`http://127.0.0.1:${server.port}/site/..%2Fsecret.md`)).status).toBe(400);
    });
  });
});

describe('createSiteApp (in-process)', () => {
  let site: TestSite;
  beforeEach(async () => {
    site = await makeTestSite();
  });
  afterEach(() => site.cleanup());

  it('works with app.request and a small body limit', async () => {
    const app = createSiteApp({ siteDir: site.siteDir, token: 't', port: 5000, maxPageBytes: 100 });
    const headers = { host: '127.0.0.1:5000', 'x-isomer-token': 't' };
    const get = await app.request(`/api/page?${q('index.md')}`, { headers });
    expect(get.status).toBe(200);
    const { etag } = (await get.json()) as { etag: string };
    const big = await app.request(`/api/page?${q('index.md')}`, {
      method: 'PUT',
      headers: { ...headers, 'content-type': 'application/json', 'if-match': etag },
      body: JSON.stringify({ text: 'x'.repeat(200) }),
    });
    expect(big.status).toBe(413);
    const small = await app.request(`/api/page?${q('index.md')}`, {
      method: 'PUT',
      headers: { ...headers, 'content-type': 'application/json', 'if-match': etag, origin: 'http://localhost:5000' },
      body: JSON.stringify({ text: 'small' }),
    });
    expect(small.status).toBe(200);
  });

  it('refuses an empty token', () => {
    expect(() => createSiteApp({ siteDir: site.siteDir, token: '', port: 1 })).toThrow();
  });
});
