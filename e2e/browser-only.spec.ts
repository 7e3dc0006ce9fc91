import { test as base, expect } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const dist = join(root, 'dist');
const TYPES: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.woff2': 'font/woff2', '.woff': 'font/woff', '.svg': 'image/svg+xml' };

/** The static build on a plain static server: no site server, no token. */
const test = base.extend<{ staticUrl: string }>({
  staticUrl: async ({}, use) => {
    const server: Server = createServer((req, res) => {
      const path = normalize(decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname)).replace(/^([/\\])+/, '');
      let file = join(dist, path || 'index.html');
      if (!file.startsWith(dist)) file = join(dist, 'index.html');
      try {
        const body = readFileSync(file);
        res.writeHead(200, { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream' });
        res.end(body);
      } catch {
        res.writeHead(200, { 'Content-Type': 'text/html' });
        res.end(readFileSync(join(dist, 'index.html')));
      }
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    await use(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`);
    server.close();
  },
});

test('without the server: a start screen, a page file opened, edited and saved as a download', async ({ page, staticUrl }) => {
  await page.goto(staticUrl);
  await expect(page.getByRole('heading', { name: 'Open a site folder' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Open a site folder' })).toBeEnabled();

  const text = readFileSync(join(root, 'sample-site/pages/about-us.md'));
  await page.getByLabel('Page file', { exact: true }).setInputFiles({ name: 'about-us.md', mimeType: 'text/markdown', buffer: text });
  const paragraph = page.locator('.ProseMirror p', { hasText: 'Welcome to the Harbourview Parks Board.' });
  await expect(paragraph).toBeVisible();
  await paragraph.click();
  await page.keyboard.press('End');
  await page.keyboard.type(' Offline.');

  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe('about-us.md');
  const saved = readFileSync(await file.path(), 'utf8');
  expect(saved).toBe(text.toString('utf8').replace('<p>Welcome to the Harbourview Parks Board.</p>', '<p>Welcome to the Harbourview Parks Board. Offline.</p>'));
});
