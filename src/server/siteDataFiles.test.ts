/** The site data file routes, through the real server: only these files, only editable settings, pages' write rules. */
import { readFile, symlink, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { etagOf } from './etag.ts';
import { startSiteServer, type RunningSiteServer } from './siteServer.ts';
import { makeTestSite, type TestSite } from './testSite.ts';

let site: TestSite;
let server: RunningSiteServer;

const origin = () => server.url.replace(/\/$/, '');
const api = (p: string, init: RequestInit = {}) =>
  fetch(new URL(p, server.url), { ...init, headers: { 'X-Isomer-Token': server.token, Origin: origin(), ...(init.headers as Record<string, string>) } });
const put = (name: string, text: string, headers: Record<string, string> = {}) =>
  api(`/api/site-file?name=${name}`, { method: 'PUT', headers: { 'Content-Type': 'application/json', ...headers }, body: JSON.stringify({ text }) });
const read = (rel: string) => readFile(path.join(site.siteDir, ...rel.split('/')), 'utf8');
const etagOfFile = async (rel: string) => etagOf(await readFile(path.join(site.siteDir, ...rel.split('/'))));

beforeEach(async () => {
  site = await makeTestSite();
  server = await startSiteServer({ siteDir: site.siteDir, port: 0, trashDir: path.join(site.base, 'trash'), watchIntervalMs: 100 });
});
afterEach(async () => {
  await server.close();
  await site.cleanup();
});

describe('/api/site-file', () => {
  it('reads navigation, footer and settings by name, and nothing else', async () => {
    const nav = await api('/api/site-file?name=navigation');
    expect(nav.status).toBe(200);
    const body = (await nav.json()) as { text: string; etag: string; path: string };
    expect(body.text).toBe(await read('_data/navigation.yml'));
    expect(body.etag).toBe(await etagOfFile('_data/navigation.yml'));
    expect(nav.headers.get('etag')).toBe(body.etag);
    expect(((await (await api('/api/site-file?name=settings')).json()) as { text: string }).text).toBe(await read('_config.yml'));
    const footer = (await (await api('/api/site-file?name=footer')).json()) as { text: string | null; etag: string | null };
    expect(footer).toMatchObject({ text: null, etag: null });
    for (const name of ['../_config.yml', '_data/navigation.yml', 'collection', '']) {
      expect((await api(`/api/site-file?name=${encodeURIComponent(name)}`)).status).toBe(404);
    }
  });

  it('writes atomically with If-Match; a stale or missing version is refused', async () => {
    const before = await read('_data/navigation.yml');
    const etag = await etagOfFile('_data/navigation.yml');
    const edited = before.replace(/title: [^\n]+/, 'title: Renamed');
    expect((await put('navigation', edited)).status).toBe(428);
    expect((await put('navigation', edited, { 'If-Match': '"stale"' })).status).toBe(409);
    const ok = await put('navigation', edited, { 'If-Match': etag });
    expect(ok.status).toBe(200);
    expect(await read('_data/navigation.yml')).toBe(edited);
    expect(ok.headers.get('etag')).toBe(etagOf(Buffer.from(edited)));
    const conflict = await put('navigation', before, { 'If-Match': etag });
    expect(conflict.status).toBe(409);
    expect(((await conflict.json()) as { current: { text: string } }).current.text).toBe(edited);
  });

  it('creates a missing footer only with If-None-Match: *', async () => {
    expect((await put('footer', 'show_reach: true\n')).status).toBe(404);
    expect((await put('footer', 'show_reach: true\n', { 'If-None-Match': '*' })).status).toBe(201);
    expect(await read('_data/footer.yml')).toBe('show_reach: true\n');
    expect((await put('footer', 'show_reach: false\n', { 'If-None-Match': '*' })).status).toBe(409);
  });

  it('refuses a _config.yml key that is not an editable setting, and accepts the settings', async () => {
    const before = await read('_config.yml');
    const etag = await etagOfFile('_config.yml');
    const sneaky = before.replace('baseurl: ""', 'baseurl: "/elsewhere"');
    const refused = await put('settings', sneaky, { 'If-Match': etag });
    expect(refused.status).toBe(400);
    expect(((await refused.json()) as { unsafe: { key: string }[] }).unsafe.map((u) => u.key)).toEqual(['baseurl']);
    const added = await put('settings', `${before}plugins: [evil]\n`, { 'If-Match': etag });
    expect(added.status).toBe(400);
    expect(await read('_config.yml')).toBe(before);
    const colour = before.replace('"#005eb8"', '"#123456"');
    expect((await put('settings', colour, { 'If-Match': etag })).status).toBe(200);
    expect(await read('_config.yml')).toBe(colour);
  });

  it('refuses unsafe or invalid values that changed, and YAML that does not parse', async () => {
    const etag = await etagOfFile('_config.yml');
    const before = await read('_config.yml');
    const bad = await put('settings', before.replace('"#005eb8"', '"red"'), { 'If-Match': etag });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: string }).error).toMatch(/hex colour/);
    const navEtag = await etagOfFile('_data/navigation.yml');
    const nav = await read('_data/navigation.yml');
    const script = await put('navigation', `${nav}  - title: Click\n    url: "javascript:alert(1)"\n`, { 'If-Match': navEtag });
    expect(script.status).toBe(400);
    expect(((await script.json()) as { unsafe: { key: string }[] }).unsafe[0]!.key).toMatch(/^links\.\d+\.url$/);
    expect((await put('navigation', 'links: [\n', { 'If-Match': navEtag })).status).toBe(400);
    expect(await read('_data/navigation.yml')).toBe(nav);
  });

  it('needs the token and the app Origin to write', async () => {
    const etag = await etagOfFile('_config.yml');
    const text = (await read('_config.yml')).replace('"#005eb8"', '"#123456"');
    const init = { method: 'PUT', headers: { 'Content-Type': 'application/json', 'If-Match': etag }, body: JSON.stringify({ text }) };
    expect((await fetch(new URL('/api/site-file?name=settings', server.url), { ...init, headers: { ...init.headers, Origin: origin() } })).status).toBe(403);
    expect((await fetch(new URL('/api/site-file?name=settings', server.url), { ...init, headers: { ...init.headers, 'X-Isomer-Token': server.token, Origin: 'http://evil.example' } })).status).toBe(403);
    expect(await read('_config.yml')).not.toContain('#123456');
  });

  it('does not follow a data file that links out of the site', async () => {
    await rm(path.join(site.siteDir, '_data', 'navigation.yml'));
    await writeFile(path.join(site.base, 'outside.yml'), 'links: []\n');
    await symlink(path.join(site.base, 'outside.yml'), path.join(site.siteDir, '_data', 'navigation.yml'));
    expect((await api('/api/site-file?name=navigation')).status).toBe(403);
  });
});
