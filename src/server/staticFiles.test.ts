import { mkdir, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { HttpError } from './errors.ts';
import { contentTypeFor, decodeUrlPath, injectToken, serveApp, serveSiteFile } from './staticFiles.ts';
import { makeTestSite, type TestSite } from './testSite.ts';

describe('helpers', () => {
  it('content types', () => {
    expect(contentTypeFor('a.PNG')).toBe('image/png');
    expect(contentTypeFor('x/y.svg')).toBe('image/svg+xml');
    expect(contentTypeFor('doc.pdf')).toBe('application/pdf');
    expect(contentTypeFor('noext')).toBe('application/octet-stream');
  });
  it('decodes URL paths segment by segment', () => {
    expect(decodeUrlPath('/site/images/Graphics%20/a%20b.png', '/site/')).toBe('images/Graphics /a b.png');
    expect(decodeUrlPath('/images/%E5%8D%8E%E6%96%87.png', '/')).toBe('images/华文.png');
    expect(decodeUrlPath('/site/a%2Fb', '/site/')).toBeNull();
    expect(decodeUrlPath('/site/%E0%A4%A', '/site/')).toBeNull();
    expect(decodeUrlPath('/site/%2e%2e/x', '/site/')).toBe('../x'); // rejected later by path validation
  });
  it('injects the token meta right after <head>', () => {
    expect(injectToken('<html><head lang="x"><title>t</title></head></html>', 'abc')).toBe(
      '<html><head lang="x"><meta name="isomer-editor-token" content="abc"><title>t</title></head></html>',
    );
    expect(injectToken('<p>no head</p>', 'a"b<')).toBe('<meta name="isomer-editor-token" content="a&quot;b&lt;"><p>no head</p>');
  });
});

describe('serveSiteFile', () => {
  let site: TestSite;
  beforeEach(async () => {
    site = await makeTestSite();
  });
  afterEach(() => site.cleanup());

  it('serves bytes with the content type and a sandboxing CSP', async () => {
    const res = await serveSiteFile(site.siteDir, 'images/Graphics /lake one.png');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/png');
    expect(res.headers.get('content-length')).toBe('11');
    expect(res.headers.get('content-security-policy')).toContain('sandbox');
    expect(new Uint8Array(await res.arrayBuffer())[0]).toBe(0x89);
    const svg = await serveSiteFile(site.siteDir, 'images/logo.svg');
    expect(svg.headers.get('content-security-policy')).toMatch(/default-src 'none'.*sandbox/);
    await svg.body?.cancel();
  });

  it('refuses hidden, missing, escaping and folder paths', async () => {
    const status = (rel: string) => serveSiteFile(site.siteDir, rel).then(() => 200, (e: HttpError) => e.status);
    expect(await status('.git/info.md')).toBe(404);
    expect(await status('images/.keep')).toBe(404);
    expect(await status('images/none.png')).toBe(404);
    expect(await status('images')).toBe(404);
    expect(await status('../secret')).toBe(400);
    await writeFile(path.join(site.base, 'secret.png'), 'x');
    await symlink(path.join(site.base, 'secret.png'), path.join(site.siteDir, 'images', 'leak.png'));
    expect(await status('images/leak.png')).toBe(403);
  });
});

describe('serveApp', () => {
  let site: TestSite;
  let appDir: string;
  beforeEach(async () => {
    site = await makeTestSite({ 'index.md': '' });
    appDir = path.join(site.base, 'dist');
    await mkdir(path.join(appDir, 'assets'), { recursive: true });
    await writeFile(path.join(appDir, 'index.html'), '<!doctype html><html><head><title>Editor</title></head><body></body></html>');
    await writeFile(path.join(appDir, 'assets', 'app-123.js'), 'console.log(1)');
  });
  afterEach(() => site.cleanup());

  it('serves files, and index.html with the token for everything else', async () => {
    const js = await serveApp(appDir, '/assets/app-123.js', 'tok');
    expect(js.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(await js.text()).toBe('console.log(1)');
    for (const p of ['/', '/index.html', '/edit/_about/Our%20Parks/Lakes.md', '/.hidden']) {
      const res = await serveApp(appDir, p, 'tok');
      expect(res.status).toBe(200);
      expect(res.headers.get('cache-control')).toBe('no-store');
      expect(await res.text()).toContain('<head><meta name="isomer-editor-token" content="tok"><title>');
    }
  });

  it('answers a "not built" page without an app folder', async () => {
    const res = await serveApp(undefined, '/', 'tok');
    expect(res.status).toBe(200);
    const text = await res.text();
    expect(text).toContain('not built');
    expect(text).not.toContain('tok');
    expect((await serveApp(path.join(site.base, 'missing'), '/', 'tok')).status).toBe(200);
  });
});
