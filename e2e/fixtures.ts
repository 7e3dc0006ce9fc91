import { test as base } from '@playwright/test';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startSiteServer, type RunningSiteServer } from '../src/server/siteServer.ts';

const root = fileURLToPath(new URL('..', import.meta.url));

export interface TestSite {
  /** The editor's address on the real local server. */
  url: string;
  /** A fresh copy of the sample site that this test may change. */
  dir: string;
  server: RunningSiteServer;
  read(path: string): string;
}

/**
 * Every test gets the real server on its own copy of the sample site, serving the production build
 * (`dist/`, or the folder named by E2E_APP_DIR).
 */
export const test = base.extend<{ site: TestSite }>({
  site: async ({}, use) => {
    const dir = mkdtempSync(join(tmpdir(), 'isomer-site-'));
    cpSync(join(root, 'sample-site'), dir, { recursive: true });
    // Deleted pages go to a trash beside the copy (outside it), not into the home folder.
    const trashDir = `${dir}-trash`;
    const server = await startSiteServer({ siteDir: dir, appDir: process.env.E2E_APP_DIR ?? join(root, 'dist'), port: 0, trashDir });
    await use({ url: server.url, dir, server, read: (path) => readFileSync(join(dir, path), 'utf8') });
    await server.close();
    rmSync(dir, { recursive: true, force: true });
    rmSync(trashDir, { recursive: true, force: true });
  },
});

export { expect } from '@playwright/test';
