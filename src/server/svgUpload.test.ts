/** SVG uploads through the real server's upload route: hostile files refused and never stored, drawings stored as sent. */
import { readFile, readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HOSTILE_SVGS, LEGITIMATE_SVGS } from '../core/testing/svgSamples.ts';
import { startSiteServer, type RunningSiteServer } from './siteServer.ts';
import { makeTestSite, type TestSite } from './testSite.ts';

let site: TestSite;
let server: RunningSiteServer;

beforeAll(async () => {
  site = await makeTestSite();
  server = await startSiteServer({ siteDir: site.siteDir, port: 0, trashDir: path.join(site.base, 'trash') });
});
afterAll(async () => {
  await server.close();
  await site.cleanup();
});

const upload = (name: string, svg: string) =>
  fetch(new URL(`/api/media?dir=images&name=${encodeURIComponent(name)}`, server.url), {
    method: 'POST',
    headers: { 'X-Isomer-Token': server.token, Origin: server.url.replace(/\/$/, ''), 'Content-Type': 'application/octet-stream' },
    body: new TextEncoder().encode(svg),
  });
const stored = (name: string) => stat(path.join(site.siteDir, 'images', name)).then(() => true, () => false);

describe('POST /api/media with SVG files', () => {
  it('refuses every hostile SVG with 415 and the reason, and stores none of them', async () => {
    const before = await readdir(path.join(site.siteDir, 'images'));
    for (const [i, sample] of HOSTILE_SVGS.entries()) {
      const res = await upload(`hostile ${i}.svg`, sample.svg);
      const { error } = (await res.json()) as { error: string };
      expect({ name: sample.name, status: res.status }).toEqual({ name: sample.name, status: 415 });
      expect(error, sample.name).toMatch(/^this SVG was refused because /);
      expect(error, sample.name).toMatch(sample.reason);
      expect(await stored(`hostile ${i}.svg`), sample.name).toBe(false);
    }
    expect(await readdir(path.join(site.siteDir, 'images'))).toEqual(before);
  });

  it('stores every legitimate drawing byte for byte', async () => {
    for (const [i, sample] of LEGITIMATE_SVGS.entries()) {
      const res = await upload(`drawing ${i}.svg`, sample.svg);
      expect({ name: sample.name, status: res.status }).toEqual({ name: sample.name, status: 201 });
      expect(await readFile(path.join(site.siteDir, 'images', `drawing ${i}.svg`))).toEqual(Buffer.from(sample.svg));
    }
  });
});
