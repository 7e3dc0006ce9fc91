import { test as base } from '@playwright/test';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, sep } from 'node:path';
import { tmpdir } from 'node:os';
import { fileURLToPath } from 'node:url';
import { startSiteServer, type RunningSiteServer } from '../src/server/siteServer.ts';

/** The project root, for the sample site and other files the tests read. */
export const root = fileURLToPath(new URL('..', import.meta.url));
/** The production build the tests run: `dist/`, or the folder named by E2E_APP_DIR. */
export const appDir = process.env.E2E_APP_DIR ?? join(root, 'dist');

export interface TestSite {
  /** The editor's address on the real local server. */
  url: string;
  /** A fresh copy of the sample site that this test may change. */
  dir: string;
  server: RunningSiteServer;
  read(path: string): string;
}

/** Every test gets the real server on its own copy of the sample site, serving the production build. */
export const test = base.extend<{ site: TestSite }>({
  site: async ({}, use) => {
    const dir = mkdtempSync(join(tmpdir(), 'isomer-site-'));
    cpSync(join(root, 'sample-site'), dir, { recursive: true });
    // Deleted pages go to a trash beside the copy (outside it), not into the home folder.
    const trashDir = `${dir}-trash`;
    const server = await startSiteServer({ siteDir: dir, appDir, port: 0, trashDir });
    await use({ url: server.url, dir, server, read: (path) => readFileSync(join(dir, path), 'utf8') });
    await server.close();
    rmSync(dir, { recursive: true, force: true });
    rmSync(trashDir, { recursive: true, force: true });
  },
});

const TYPES: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.woff2': 'font/woff2', '.woff': 'font/woff', '.svg': 'image/svg+xml' };

/**
 * The production build on a plain static server, as any static host serves it: no site server, no
 * token, no site files (a page's images must come from an opened folder). Addresses without a file
 * extension get the app's index.html.
 */
export const staticTest = base.extend<{ staticUrl: string }>({
  staticUrl: async ({}, use) => {
    const server: Server = createServer((req, res) => {
      const path = normalize(decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname)).replace(/^([/\\])+/, '');
      const file = extname(path) ? join(appDir, path) : join(appDir, 'index.html');
      try {
        if (!file.startsWith(appDir + sep)) throw new Error('outside the build');
        const body = readFileSync(file);
        res.writeHead(200, { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream' });
        res.end(body);
      } catch {
        res.writeHead(404);
        res.end();
      }
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    await use(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`);
    server.close();
  },
});

export { expect } from '@playwright/test';
