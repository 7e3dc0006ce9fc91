import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from './fixtures.ts';

/** A page on another origin (another port) that tries to use the editor's API. */
async function startOtherOrigin(): Promise<{ url: string; server: Server }> {
  const server = createServer((_req, res) => {
    res.writeHead(200, { 'Content-Type': 'text/html' });
    res.end('<!doctype html><title>Other site</title><p>other</p>');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`, server };
}

test('a page from another origin cannot read or change the site through the API', async ({ page, site }) => {
  const other = await startOtherOrigin();
  try {
    await page.goto(other.url);
    const api = site.url.replace(/\/$/, '');
    const results = await page.evaluate(async (base) => {
      const out: Record<string, string> = {};
      const attempt = async (name: string, run: () => Promise<Response>) => {
        try {
          const res = await run();
          out[name] = res.type === 'opaque' ? 'opaque' : String(res.status);
        } catch {
          out[name] = 'blocked';
        }
      };
      await attempt('readPages', () => fetch(`${base}/api/pages`));
      await attempt('readPage', () => fetch(`${base}/api/page?path=pages%2Fabout-us.md`));
      // A "simple" request the browser sends without asking (no-cors): the server must refuse it.
      await attempt('createSimple', () =>
        fetch(`${base}/api/pages`, { method: 'POST', mode: 'no-cors', headers: { 'Content-Type': 'text/plain' }, body: JSON.stringify({ kind: 'page', title: 'Evil' }) }),
      );
      await attempt('createJson', () =>
        fetch(`${base}/api/pages`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ kind: 'page', title: 'Evil2' }) }),
      );
      await attempt('upload', () => fetch(`${base}/api/media?dir=images&name=evil.svg`, { method: 'POST', mode: 'no-cors', body: '<svg></svg>' }));
      await attempt('delete', () => fetch(`${base}/api/page?path=pages%2Fprivacy.md`, { method: 'DELETE', mode: 'no-cors' }));
      return out;
    }, api);

    // Reads are refused (no token; and the browser would not show the answer anyway).
    expect(results['readPages']).toBe('blocked');
    expect(results['readPage']).toBe('blocked');
    expect(results['createJson']).toBe('blocked');
    // Nothing was written.
    expect(existsSync(join(site.dir, 'pages/Evil.md'))).toBe(false);
    expect(existsSync(join(site.dir, 'pages/Evil2.md'))).toBe(false);
    expect(existsSync(join(site.dir, 'images/evil.svg'))).toBe(false);
    expect(existsSync(join(site.dir, 'pages/privacy.md'))).toBe(true);

    // The same requests from the server's own origin, without the token, are refused too.
    const direct = await fetch(new URL('/api/pages', site.url), { method: 'POST', headers: { Origin: other.url.replace(/\/$/, ''), 'Content-Type': 'text/plain' }, body: '{}' });
    expect(direct.status).toBe(403);
  } finally {
    other.server.close();
  }
});
