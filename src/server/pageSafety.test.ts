/** The server refuses page settings that would run on the published site, and unsafe new names, through the real server. */
import { readFile, readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { etagOf } from './etag.ts';
import { startSiteServer, type RunningSiteServer } from './siteServer.ts';
import { makeTestSite, type TestSite } from './testSite.ts';

let site: TestSite;
let server: RunningSiteServer;

const q = (p: string) => `path=${encodeURIComponent(p)}`;
const api = (p: string, init: RequestInit = {}) =>
  fetch(new URL(p, server.url), { ...init, headers: { 'X-Isomer-Token': server.token, Origin: server.url.replace(/\/$/, ''), 'Content-Type': 'application/json', ...(init.headers as Record<string, string>) } });
const siteFile = (rel: string) => path.join(site.siteDir, ...rel.split('/'));
const read = (rel: string) => readFile(siteFile(rel), 'utf8');
const exists = (rel: string) => stat(siteFile(rel)).then(() => true, () => false);

beforeEach(async () => {
  site = await makeTestSite();
  server = await startSiteServer({ siteDir: site.siteDir, port: 0, trashDir: path.join(site.base, 'trash') });
});
afterEach(async () => {
  await server.close();
  await site.cleanup();
});

describe('PUT /api/page', () => {
  const rel = '_about/Our Parks/Lakes.md';
  const put = async (text: string) => api(`/api/page?${q(rel)}`, { method: 'PUT', headers: { 'If-Match': etagOf(await readFile(siteFile(rel))) }, body: JSON.stringify({ text }) });

  it('refuses settings that would run on the published site and says which and why; the file stays as it was', async () => {
    const before = await read(rel);
    const hostile: [string, string, RegExp][] = [
      ['title: "<img src=x onerror=alert(1)>"\npermalink: /lakes/\n', 'title', /"onerror" event handler on <img>/],
      ['title: Lakes\npermalink: //evil.example/lakes/\n', 'permalink', /leads to another website/],
      ['title: Lakes\npermalink: /lakes/\nimage: "&#106;avascript:alert(1)"\n', 'image', /This address type is not allowed/],
      ['title: Lakes\npermalink: /lakes/\nbreadcrumb: "Lakes\\" onmouseover=\\"alert(1)"\n', 'breadcrumb', /a quote that ends the attribute/],
      ['title: "Lakes\u202Eevil"\npermalink: /lakes/\n', 'title', /U\+202E/],
    ];
    for (const [frontMatter, key, why] of hostile) {
      const res = await put(`---\n${frontMatter}---\n<p>Lakes</p>\n`);
      expect(res.status, key).toBe(400);
      const body = (await res.json()) as { error: string; unsafe: { key: string; message: string }[] };
      expect(body.error, key).toMatch(/^the page settings are unsafe: /);
      expect(body.unsafe[0]?.key, key).toBe(key);
      expect(body.unsafe[0]?.message, key).toMatch(why);
      expect(await read(rel), key).toBe(before);
    }
  });

  it('saves safe settings, plain formatting included, and settings that do not parse as they are', async () => {
    const safe = '---\ntitle: Lakes <b>and ponds</b>\npermalink: /lakes/\n---\n<p>Lakes</p>\n';
    expect((await put(safe)).status).toBe(200);
    expect(await read(rel)).toBe(safe);
    const unparsed = '---\ntitle: [unclosed\n---\n<p>Lakes</p>\n';
    expect((await put(unparsed)).status).toBe(200);
    expect(await read(rel)).toBe(unparsed);
  });
});

describe('POST /api/pages and rename', () => {
  it('refuses a new page whose title would run on the published site, or holds a text-direction control', async () => {
    const listing = await readdir(siteFile('pages'));
    const markup = await api('/api/pages', { method: 'POST', body: JSON.stringify({ kind: 'page', title: '<img src=x onerror=alert(1)>' }) });
    expect(markup.status).toBe(400);
    expect(((await markup.json()) as { error: string }).error).toMatch(/^Page title: This text holds markup that could run on the published site: an "onerror" event handler on <img>/);
    const bidi = await api('/api/pages', { method: 'POST', body: JSON.stringify({ kind: 'page', title: 'Report\u202Efdp.exe' }) });
    expect(bidi.status).toBe(400);
    expect(((await bidi.json()) as { error: string }).error).toBe('title must not contain characters that change the direction of text (U+202E)');
    const host = await api('/api/pages', { method: 'POST', body: JSON.stringify({ kind: 'page', title: 'Lakes', permalink: '//evil.example/' }) });
    expect(host.status).toBe(400);
    expect(await readdir(siteFile('pages'))).toEqual(listing);
  });

  it('refuses a new file name with a text-direction control', async () => {
    const from = '_about/Our Parks/Lakes.md';
    const res = await api('/api/page/rename', { method: 'POST', headers: { 'If-Match': etagOf(await readFile(siteFile(from))) }, body: JSON.stringify({ from, to: '_about/Our Parks/Lakes\u2066x.md' }) });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: string }).error).toBe('new name must not contain characters that change the direction of text (U+2066)');
    expect(await exists(from)).toBe(true);
  });
});
