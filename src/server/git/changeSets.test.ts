/** Change sets on a real git repository: saves become commits by their editors, the published branch stays as it was. */
import { readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Context } from 'hono';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { etagOf } from '../etag.ts';
import { createChangeSetRoutes, CHANGE_SET_HEADER } from './changeSetRoutes.ts';
import { git } from './git.ts';
import { openSiteRepository, type Editor, type SiteRepository } from './repository.ts';
import { makeTestRepo, publishElsewhere, type TestRepo } from './testRepo.ts';

const ANNA: Editor = { id: 'u-anna', name: 'Anna Tan', email: 'anna@example.gov.sg' };
const BALA: Editor = { id: 'u-bala', name: 'Bala Kumar', email: 'bala@example.gov.sg' };
const PEOPLE: Record<string, Editor> = { anna: ANNA, bala: BALA };

let t: TestRepo;
let repo: SiteRepository;
let app: ReturnType<typeof createChangeSetRoutes>;

/** Tests sign in with a header; the real server reads its session instead. */
const authorOf = (c: Context) => PEOPLE[c.req.header('x-test-user') ?? ''] ?? null;
const q = (p: string) => `path=${encodeURIComponent(p)}`;
const as = (who: string, p: string, init: RequestInit = {}) =>
  app.request(p, { ...init, headers: { 'x-test-user': who, ...(init.headers as Record<string, string>) } });
const load = async (who: string, rel: string) => (await (await as(who, `/api/page?${q(rel)}`)).json()) as { text: string; etag: string };
const save = (who: string, rel: string, text: string, etag: string) =>
  as(who, `/api/page?${q(rel)}`, { method: 'PUT', headers: { 'Content-Type': 'application/json', 'If-Match': etag }, body: JSON.stringify({ text }) });
const out = async (cwd: string, ...args: string[]) => (await git(cwd, args)).stdout;
const mainTip = () => out(t.siteDir, 'rev-parse', 'main');
const exists = (p: string) => stat(p).then(() => true, () => false);

beforeEach(async () => {
  t = await makeTestRepo();
  repo = await openSiteRepository({ siteDir: t.siteDir, dataDir: t.dataDir });
  app = createChangeSetRoutes({ repo, authorOf });
}, 60_000); // real git processes: slow on a busy machine
afterEach(async () => {
  await repo.close();
  await t.cleanup();
}, 60_000);

describe('change sets', () => {
  it('gives each editor a branch edit/<name>/<id> checked out in a worktree in the data folder', async () => {
    const cs = await repo.changeSetFor(ANNA);
    expect(cs.branch).toBe('edit/anna-tan/u-anna');
    expect(path.dirname(cs.dir)).toBe(path.join(t.dataDir, 'worktrees'));
    expect((await out(cs.dir, 'symbolic-ref', 'HEAD')).trim()).toBe('refs/heads/edit/anna-tan/u-anna');
    expect(await repo.changeSetFor(ANNA)).toBe(cs);
    const registry = JSON.parse(await readFile(path.join(t.dataDir, 'changesets.json'), 'utf8'));
    expect(registry.changeSets.map((c: { branch: string }) => c.branch)).toEqual(['edit/anna-tan/u-anna']);
    // The site's own working copy stays on the published branch, with nothing changed.
    expect((await out(t.siteDir, 'symbolic-ref', '--short', 'HEAD')).trim()).toBe('main');
    expect(await out(t.siteDir, 'status', '--porcelain')).toBe('');
  });

  it('makes branch names only of letters, digits and dashes, whatever the name and id hold', async () => {
    const cs = await repo.changeSetFor({ id: '--upload-pack=touch x', name: '-rf ../../Ünïcode 名前', email: 'odd@example.gov.sg' });
    expect(cs.branch).toBe('edit/rf-unicode/upload-pack-touch-x');
    expect((await out(t.siteDir, 'rev-parse', '--verify', cs.branch)).trim()).toBe((await mainTip()).trim());
  });

  it('refuses names and emails that could forge commit headers', async () => {
    await expect(repo.changeSetFor({ id: 'x', name: 'Eve\nCommitter: root', email: 'eve@example.gov.sg' })).rejects.toThrow(/name/);
    await expect(repo.changeSetFor({ id: 'x', name: 'Eve', email: 'eve@example.gov.sg> <root@x' })).rejects.toThrow(/email/);
  });

  it('two editors saving different pages at the same moment: two commits, right authors, published branch untouched', async () => {
    const before = await mainTip();
    const a = await load('anna', 'pages/contact-us.md');
    const b = await load('bala', '_about/Who we are?.md');
    const [ra, rb] = await Promise.all([
      save('anna', 'pages/contact-us.md', `${a.text}Call us.\n`, a.etag),
      save('bala', '_about/Who we are?.md', b.text.replace('Hello', 'Hello there'), b.etag),
    ]);
    expect([ra.status, rb.status]).toEqual([200, 200]);
    expect(ra.headers.get(CHANGE_SET_HEADER)).toBe('edit/anna-tan/u-anna');
    expect(rb.headers.get(CHANGE_SET_HEADER)).toBe('edit/bala-kumar/u-bala');

    const logOf = (branch: string) => out(t.siteDir, 'log', '-1', '--format=%an <%ae>|%s', branch);
    expect((await logOf('edit/anna-tan/u-anna')).trim()).toBe('Anna Tan <anna@example.gov.sg>|Save pages/contact-us.md');
    expect((await logOf('edit/bala-kumar/u-bala')).trim()).toBe('Bala Kumar <bala@example.gov.sg>|Save _about/Who we are?.md');
    expect(await out(t.siteDir, 'show', 'edit/anna-tan/u-anna:pages/contact-us.md')).toBe(`${a.text}Call us.\n`);
    // Each commit holds only its own page, and nothing of the other editor's.
    expect((await out(t.siteDir, 'diff', '--name-only', 'main', 'edit/bala-kumar/u-bala')).trim()).toBe('_about/Who we are?.md');
    expect(await mainTip()).toBe(before);
    expect(await readFile(path.join(t.siteDir, 'pages/contact-us.md'), 'utf8')).toBe(a.text);
    // Everyone can see which change sets change which pages.
    const all = (await (await as('bala', '/api/changesets')).json()) as { published: string; changeSets: { branch: string; owner: { name: string }; changed: string[] }[] };
    expect(all.published).toBe('main');
    expect(all.changeSets.map((c) => [c.branch, c.owner.name, c.changed])).toEqual([
      ['edit/anna-tan/u-anna', 'Anna Tan', ['pages/contact-us.md']],
      ['edit/bala-kumar/u-bala', 'Bala Kumar', ['_about/Who we are?.md']],
    ]);
  });

  it('many saves at once from several editors: one commit each, none lost', async () => {
    const pages = ['pages/contact-us.md', 'pages/crlf.md', '_about/Lakes-copy.md'];
    const saves = [];
    for (const who of ['anna', 'bala']) {
      for (let i = 0; i < 2; i++) {
        const rel = pages[i]!;
        const page = await load(who, rel);
        saves.push({ who, rel, page });
      }
    }
    // Same editor, different pages, all at once.
    const results = await Promise.all(saves.map((s) => save(s.who, s.rel, `${s.page.text}\n${s.who} was here\n`, s.page.etag)));
    expect(results.map((r) => r.status)).toEqual([200, 200, 200, 200]);
    for (const [who, branch] of [['anna', 'edit/anna-tan/u-anna'], ['bala', 'edit/bala-kumar/u-bala']] as const) {
      expect(Number((await out(t.siteDir, 'rev-list', '--count', `main..${branch}`)).trim())).toBe(2);
      for (const rel of pages.slice(0, 2)) expect(await out(t.siteDir, 'show', `${branch}:${rel}`)).toMatch(`${who} was here`);
    }
  });

  it('the same page saved twice from one loaded version: one wins, the other is refused, nothing overwritten', async () => {
    const page = await load('anna', 'pages/contact-us.md');
    const [r1, r2] = await Promise.all([
      save('anna', 'pages/contact-us.md', `${page.text}first\n`, page.etag),
      save('anna', 'pages/contact-us.md', `${page.text}second\n`, page.etag),
    ]);
    expect([r1.status, r2.status].sort()).toEqual([200, 409]);
    const won = r1.status === 200 ? 'first' : 'second';
    const cs = await repo.changeSetFor(ANNA);
    expect(await readFile(path.join(cs.dir, 'pages/contact-us.md'), 'utf8')).toBe(`${page.text}${won}\n`);
    expect(Number((await out(t.siteDir, 'rev-list', '--count', `main..${cs.branch}`)).trim())).toBe(1);
    expect(await out(t.siteDir, 'show', `${cs.branch}:pages/contact-us.md`)).toBe(`${page.text}${won}\n`);
  });

  it('a save that changes nothing makes no commit', async () => {
    const page = await load('anna', 'pages/contact-us.md');
    expect((await save('anna', 'pages/contact-us.md', page.text, page.etag)).status).toBe(200);
    const cs = await repo.changeSetFor(ANNA);
    expect(await out(t.siteDir, 'rev-list', '--count', `main..${cs.branch}`)).toBe('0\n');
    expect(await repo.commit(cs, ['pages/never-there.md'], 'Save pages/never-there.md', ANNA)).toBe(false);
  });

  it('creating, renaming and deleting pages, site files and uploads become commits naming them', async () => {
    const created = await as('anna', '/api/pages', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ kind: 'collection-page', title: 'Reservoirs', collection: 'about', subfolder: 'Our Parks' }),
    });
    expect(created.status).toBe(201);
    const cs = await repo.changeSetFor(ANNA);
    const last = async () => (await out(cs.dir, 'log', '-1', '--no-renames', '--format=%s', '--name-only')).trim().split('\n').filter(Boolean);
    expect(await last()).toEqual(['Create _about/Our Parks/Reservoirs.md', '_about/Our Parks/Reservoirs.md', '_about/collection.yml']);

    const etag = etagOf(await readFile(path.join(cs.dir, 'pages/crlf.md')));
    const renamed = await as('anna', '/api/page/rename', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'If-Match': etag },
      body: JSON.stringify({ from: 'pages/crlf.md', to: 'pages/line-endings.md' }),
    });
    expect(renamed.status).toBe(200);
    expect(await last()).toEqual(['Rename pages/crlf.md to pages/line-endings.md', 'pages/crlf.md', 'pages/line-endings.md']);

    const gone = await as('anna', `/api/page?${q('pages/line-endings.md')}`, { method: 'DELETE', headers: { 'If-Match': etag } });
    expect(gone.status).toBe(200);
    expect(await last()).toEqual(['Delete pages/line-endings.md', 'pages/line-endings.md']);
    expect(await exists(path.join(t.dataDir, 'trash', cs.id))).toBe(true);

    const nav = (await (await as('anna', '/api/site-file?name=navigation')).json()) as { text: string; etag: string };
    const navSaved = await as('anna', '/api/site-file?name=navigation', {
      method: 'PUT',
      headers: { 'Content-Type': 'application/json', 'If-Match': nav.etag },
      body: JSON.stringify({ text: nav.text.replace('About', 'About us') }),
    });
    expect(navSaved.status).toBe(200);
    expect(await last()).toEqual(['Save _data/navigation.yml', '_data/navigation.yml']);

    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 9, 9]);
    const up = await as('anna', '/api/media?dir=images&name=new.png', { method: 'POST', headers: { 'Content-Type': 'image/png' }, body: png });
    expect(up.status).toBe(201);
    expect(await last()).toEqual(['Upload images/new.png', 'images/new.png']);
    expect(await out(t.siteDir, 'log', '--format=%an', `main..${cs.branch}`)).toBe('Anna Tan\n'.repeat(5));
  });

  it('refuses paths that leave the site, in the page API and in conflict handling', async () => {
    for (const bad of ['../outside.md', '..%2Foutside.md', '/etc/passwd', 'pages/../../x.md']) {
      const res = await as('anna', `/api/page?path=${bad}`);
      expect(res.status).toBe(400);
    }
    const put = await as('anna', `/api/page?${q('../../data/changesets.json')}`, {
      method: 'PUT',
      headers: { 'Content-Type': 'application/json', 'If-None-Match': '*' },
      body: JSON.stringify({ text: 'x' }),
    });
    expect(put.status).toBe(400);
    const resolve = await as('anna', '/api/changeset/resolve', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ path: '../x', choice: 'mine' }),
    });
    expect(resolve.status).toBe(400);
    const huge = await as('anna', '/api/changeset/resolve', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ path: 'x'.repeat(100_000), choice: 'mine' }),
    });
    expect(huge.status).toBe(413);
    expect((await as('anna', `/api/changeset/compare?${q('../../etc/passwd')}`)).status).toBe(400);
    await expect(repo.commit(await repo.changeSetFor(ANNA), ['../escape'], 'x', ANNA)).rejects.toThrow();
  });

  it('answers 401 to anyone not signed in, and makes no change set for them', async () => {
    for (const p of ['/api/pages', '/api/changeset', '/api/changesets', `/api/page?${q('pages/contact-us.md')}`]) {
      expect((await app.request(p)).status).toBe(401);
    }
    expect((await app.request('/api/changeset/update', { method: 'POST' })).status).toBe(401);
    expect(repo.list()).toEqual([]);
  });
});

describe('commits the server writes itself', () => {
  const ext = { GIT_AUTHOR_NAME: 'Outside', GIT_AUTHOR_EMAIL: 'outside@example.gov.sg', GIT_COMMITTER_NAME: 'Outside', GIT_COMMITTER_EMAIL: 'outside@example.gov.sg' };

  it('commits on top of a branch something else moved, keeping what it committed and the executable bit', async () => {
    const first = await load('anna', 'pages/contact-us.md');
    expect((await save('anna', 'pages/contact-us.md', `${first.text}one\n`, first.etag)).status).toBe(200);
    const cs = await repo.changeSetFor(ANNA);
    // Someone adds a commit to the change set's branch from another clone.
    await git(t.other, ['fetch', '--quiet', '--', t.siteDir, `${cs.branch}:outside`]);
    await git(t.other, ['checkout', '--quiet', 'outside']);
    await writeFile(path.join(t.other, 'pages/outside.md'), 'from outside\n');
    await git(t.other, ['add', '--', 'pages/outside.md']);
    await git(t.other, ['commit', '--quiet', '-m', 'Outside change'], { env: ext });
    await git(t.siteDir, ['fetch', '--quiet', '--', t.other, 'outside']);
    await git(t.siteDir, ['update-ref', `refs/heads/${cs.branch}`, 'FETCH_HEAD']);
    const outside = (await out(t.siteDir, 'rev-parse', cs.branch)).trim();

    const crlf = await load('anna', 'pages/crlf.md');
    await import('node:fs/promises').then((fs) => fs.chmod(path.join(cs.dir, 'pages/crlf.md'), 0o755));
    expect((await save('anna', 'pages/crlf.md', `${crlf.text}two\r\n`, crlf.etag)).status).toBe(200);
    expect((await out(t.siteDir, 'rev-parse', `${cs.branch}~1`)).trim()).toBe(outside);
    expect((await out(t.siteDir, 'log', '-1', '--format=%an <%ae>|%s', cs.branch)).trim()).toBe('Anna Tan <anna@example.gov.sg>|Save pages/crlf.md');
    expect(await out(t.siteDir, 'show', `${cs.branch}:pages/outside.md`)).toBe('from outside\n');
    expect(await out(t.siteDir, 'show', `${cs.branch}:pages/contact-us.md`)).toBe(`${first.text}one\n`);
    expect(await out(t.siteDir, 'show', `${cs.branch}:pages/crlf.md`)).toBe(`${crlf.text}two\r\n`);
    expect(await out(t.siteDir, 'ls-tree', cs.branch, '--', 'pages/crlf.md')).toMatch(/^100755 /);
    // Written by the server itself (git's own commit would log its message).
    expect((await out(t.siteDir, 'reflog', '-1', '--format=%gs', cs.branch)).trim()).toBe('commit: a save in the editor');
    await git(t.siteDir, ['fsck', '--no-progress', '--no-dangling']);
  });

  it('leaves to git the files a .gitattributes asks it to convert, and names git would change', async () => {
    await publishElsewhere(t, { '.gitattributes': '*.md text\n' });
    const page = await load('anna', 'pages/contact-us.md');
    expect((await save('anna', 'pages/contact-us.md', 'Line one\r\nLine two\r\n', page.etag)).status).toBe(200);
    const cs = await repo.changeSetFor(ANNA);
    // git stored the page as the attribute says (line endings made LF); the worktree keeps what was saved.
    expect(await out(t.siteDir, 'show', `${cs.branch}:pages/contact-us.md`)).toBe('Line one\nLine two\n');
    expect(await readFile(path.join(cs.dir, 'pages/contact-us.md'), 'utf8')).toBe('Line one\r\nLine two\r\n');
    expect((await out(t.siteDir, 'reflog', '-1', '--format=%gs', cs.branch)).trim()).toBe('commit: Save pages/contact-us.md');

    const junior: Editor = { id: 'u-tan', name: 'Tan Ah Kow Jr.', email: 'tan@example.gov.sg' };
    PEOPLE['tan'] = junior;
    const other = await load('tan', 'pages/contact-us.md');
    expect((await save('tan', 'pages/contact-us.md', `${other.text}tan\n`, other.etag)).status).toBe(200);
    const tan = await repo.changeSetFor(junior);
    // git drops the final dot of a name; the commit is the one git makes.
    expect((await out(t.siteDir, 'log', '-1', '--format=%an <%ae>|%s', tan.branch)).trim()).toBe('Tan Ah Kow Jr <tan@example.gov.sg>|Save pages/contact-us.md');
    delete PEOPLE['tan'];
  });
});

describe('when the published branch moves', () => {
  it('brings a change set up to date with a merge when no page changed on both sides', async () => {
    const page = await load('anna', 'pages/contact-us.md');
    expect((await save('anna', 'pages/contact-us.md', `${page.text}mine\n`, page.etag)).status).toBe(200);
    const tip = await publishElsewhere(t, { 'pages/datagov.md': '---\ntitle: Data\n---\n' });
    const res = await as('anna', '/api/changeset');
    expect(await res.json()).toMatchObject({ update: { state: 'merged' }, changed: ['pages/contact-us.md'] });
    const cs = await repo.changeSetFor(ANNA);
    expect(await readFile(path.join(cs.dir, 'pages/datagov.md'), 'utf8')).toBe('---\ntitle: Data\n---\n');
    expect(await readFile(path.join(cs.dir, 'pages/contact-us.md'), 'utf8')).toBe(`${page.text}mine\n`);
    expect((await out(t.siteDir, 'rev-parse', 'main')).trim()).toBe(tip.trim());
    expect(await (await as('anna', '/api/changeset/update', { method: 'POST' })).json()).toEqual({ state: 'up-to-date' });
  });

  it('ensureUpToDate brings every change set up to date at once', async () => {
    const anna = await repo.changeSetFor(ANNA);
    const bala = await repo.changeSetFor(BALA);
    const tip = (await publishElsewhere(t, { 'pages/datagov.md': 'published\n' })).trim();
    const results = await repo.ensureUpToDate();
    expect([...results.keys()]).toEqual([anna.branch, bala.branch]);
    for (const cs of [anna, bala]) {
      expect(results.get(cs.branch)).toMatchObject({ state: 'merged' });
      expect(await readFile(path.join(cs.dir, 'pages/datagov.md'), 'utf8')).toBe('published\n');
      expect(await out(cs.dir, 'merge-base', '--is-ancestor', tip, 'HEAD')).toBe('');
    }
  });

  it('a page changed on both sides is a conflict: nothing overwritten until the editor chooses, per page', async () => {
    for (const who of ['anna', 'bala']) {
      const page = await load(who, 'pages/contact-us.md');
      expect((await save(who, 'pages/contact-us.md', `${page.text}${who}'s words\n`, page.etag)).status).toBe(200);
    }
    const anna = await repo.changeSetFor(ANNA);
    const bala = await repo.changeSetFor(BALA);
    const annasText = await readFile(path.join(anna.dir, 'pages/contact-us.md'), 'utf8');
    // Anna's change set is published (merged into main elsewhere), then Bala's is brought up to date.
    await git(t.other, ['fetch', '--quiet', '--', t.siteDir, `${anna.branch}:${anna.branch}`]);
    await git(t.other, ['merge', '--quiet', '--ff-only', anna.branch]);
    await git(t.other, ['push', '--quiet', 'origin', 'main']);
    await git(t.siteDir, ['pull', '--quiet', '--ff-only', 'origin', 'main']);
    const headBefore = await out(bala.dir, 'rev-parse', 'HEAD');

    const res = await as('bala', '/api/changeset/update', { method: 'POST' });
    expect(await res.json()).toEqual({ state: 'conflicts', paths: ['pages/contact-us.md'] });
    expect(await readFile(path.join(bala.dir, 'pages/contact-us.md'), 'utf8')).toMatch("bala's words");
    expect(await out(bala.dir, 'rev-parse', 'HEAD')).toBe(headBefore);
    expect(await out(bala.dir, 'status', '--porcelain')).toBe('');
    const info = await (await as('bala', '/api/changeset')).json();
    expect(info).toMatchObject({ branch: bala.branch, conflicts: [{ path: 'pages/contact-us.md', choice: null }], changed: ['pages/contact-us.md'] });
    const compare = (await (await as('bala', `/api/changeset/compare?${q('pages/contact-us.md')}`)).json()) as Record<string, string>;
    expect(compare['mine']).toMatch("bala's words");
    expect(compare['theirs']).toBe(annasText);
    expect(compare['base']).not.toMatch('words');

    const resolved = await as('bala', '/api/changeset/resolve', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ path: 'pages/contact-us.md', choice: 'theirs' }),
    });
    expect(await resolved.json()).toMatchObject({ state: 'merged' });
    expect(await readFile(path.join(bala.dir, 'pages/contact-us.md'), 'utf8')).toBe(annasText);
    expect((await out(bala.dir, 'log', '-1', '--format=%an|%s')).trim()).toBe(`Bala Kumar|Bring up to date with main; took theirs: pages/contact-us.md`);
    expect(await out(bala.dir, 'status', '--porcelain')).toBe('');
    expect((await (await as('bala', '/api/changeset')).json()).conflicts).toEqual([]);
  });

  it('keep mine: the editor’s page stays, and the published branch is still not written', async () => {
    const page = await load('bala', 'pages/contact-us.md');
    await save('bala', 'pages/contact-us.md', `${page.text}mine\n`, page.etag);
    const tip = await publishElsewhere(t, { 'pages/contact-us.md': `${page.text}theirs\n` });
    const bala = await repo.changeSetFor(BALA);
    expect(await repo.bringUpToDate(bala)).toEqual({ state: 'conflicts', paths: ['pages/contact-us.md'] });
    expect(await repo.resolve(bala, 'pages/contact-us.md', 'mine')).toMatchObject({ state: 'merged' });
    expect(await readFile(path.join(bala.dir, 'pages/contact-us.md'), 'utf8')).toBe(`${page.text}mine\n`);
    expect(await out(bala.dir, 'merge-base', '--is-ancestor', tip.trim(), 'HEAD')).toBe('');
    expect((await mainTip()).trim()).toBe(tip.trim());
    await expect(repo.resolve(bala, 'pages/contact-us.md', 'mine')).rejects.toThrow(/not in conflict/);
  });
});

describe('opening the repository', () => {
  it('says how to make a git working copy of a plain folder', async () => {
    const plain = path.join(t.base, 'plain');
    await import('node:fs/promises').then((fs) => fs.mkdir(plain));
    await expect(openSiteRepository({ siteDir: plain, dataDir: path.join(t.base, 'd2') })).rejects.toThrow(/git init/);
  });

  it('refuses a data folder inside the site, and a second server on the same data folder', async () => {
    await expect(openSiteRepository({ siteDir: t.siteDir, dataDir: path.join(t.siteDir, 'data') })).rejects.toThrow(/outside the site/);
    await expect(openSiteRepository({ siteDir: t.siteDir, dataDir: t.dataDir })).rejects.toThrow(/another server/);
  });

  it('refuses a published branch that does not exist or is a change set branch', async () => {
    await repo.close();
    await expect(openSiteRepository({ siteDir: t.siteDir, dataDir: t.dataDir, publishedBranch: 'staging' })).rejects.toThrow(/no branch staging/);
    await expect(openSiteRepository({ siteDir: t.siteDir, dataDir: t.dataDir, publishedBranch: 'edit/x/y' })).rejects.toThrow(/change set/);
    repo = await openSiteRepository({ siteDir: t.siteDir, dataDir: t.dataDir });
  });
});

describe('a published branch other than the one checked out', () => {
  it('starts change sets from staging and leaves main and staging as they were', async () => {
    await repo.close();
    await publishElsewhere(t, { 'pages/datagov.md': 'on main only\n' });
    await git(t.siteDir, ['branch', 'staging', 'main~1']);
    const main = await mainTip();
    const staging = await out(t.siteDir, 'rev-parse', 'staging');
    repo = await openSiteRepository({ siteDir: t.siteDir, dataDir: t.dataDir, publishedBranch: 'staging' });
    app = createChangeSetRoutes({ repo, authorOf });
    const page = await load('anna', 'pages/datagov.md');
    expect(page.text).toBe('');
    expect((await save('anna', 'pages/datagov.md', 'from staging\n', page.etag)).status).toBe(200);
    const info = (await (await as('anna', '/api/changeset')).json()) as { published: string; changed: string[] };
    expect(info).toMatchObject({ published: 'staging', changed: ['pages/datagov.md'] });
    expect(await mainTip()).toBe(main);
    expect(await out(t.siteDir, 'rev-parse', 'staging')).toBe(staging);
  });
});

describe('a server killed in the middle of a commit', () => {
  it('leaves a repository that the next start makes consistent, the save committed as its editor', async () => {
    await repo.close();
    let killed = false;
    repo = await openSiteRepository({
      siteDir: t.siteDir,
      dataDir: t.dataDir,
      onGitSpawn: (args, pid) => {
        if (args[0] === 'update-ref' && !killed && pid) {
          killed = true;
          process.kill(pid, 'SIGKILL');
        }
      },
    });
    app = createChangeSetRoutes({ repo, authorOf });
    const page = await load('anna', 'pages/contact-us.md');
    const res = await save('anna', 'pages/contact-us.md', `${page.text}unfinished\n`, page.etag);
    expect(killed).toBe(true);
    expect(res.status).toBe(500);
    const cs = await repo.changeSetFor(ANNA);
    const gitDir = (await out(cs.dir, 'rev-parse', '--absolute-git-dir')).trim();
    // What a kill at the worst moment leaves behind: the worktree's index lock and a branch ref lock.
    await writeFile(path.join(gitDir, 'index.lock'), '');
    await writeFile(path.join(t.siteDir, '.git', 'refs', 'heads', 'edit', 'anna-tan', 'u-anna.lock'), '');
    await expect(out(cs.dir, 'add', '-A')).rejects.toThrow(/crashed/);
    await writeFile(path.join(cs.dir, 'pages', '.isomer-tmp-0123456789abcdef'), 'half written');
    // A worktree half made for a change set never registered.
    await import('node:fs/promises').then((fs) => fs.mkdir(path.join(t.dataDir, 'worktrees', 'half-made', 'pages'), { recursive: true }));
    // The process is gone without cleaning up: its lock names a process that no longer runs.
    await repo.close();
    await writeFile(path.join(t.dataDir, 'server.pid'), '2147483646\n');

    repo = await openSiteRepository({ siteDir: t.siteDir, dataDir: t.dataDir });
    expect(await exists(path.join(gitDir, 'index.lock'))).toBe(false);
    expect(await exists(path.join(t.dataDir, 'worktrees', 'half-made'))).toBe(false);
    expect(await out(cs.dir, 'status', '--porcelain', '--untracked-files=all')).toBe('');
    expect((await out(cs.dir, 'log', '-1', '--format=%an|%s')).trim()).toBe('Anna Tan|Recover changes saved before a restart: pages/contact-us.md');
    expect(await out(t.siteDir, 'show', `${cs.branch}:pages/contact-us.md`)).toBe(`${page.text}unfinished\n`);
    await git(t.siteDir, ['fsck', '--no-progress']);
    // And saving works again.
    app = createChangeSetRoutes({ repo, authorOf });
    const again = await load('anna', 'pages/contact-us.md');
    expect((await save('anna', 'pages/contact-us.md', `${again.text}done\n`, again.etag)).status).toBe(200);
  });

  it('makes again a change set whose worktree was removed', async () => {
    const cs = await repo.changeSetFor(BALA);
    const page = await load('bala', 'pages/contact-us.md');
    await save('bala', 'pages/contact-us.md', `${page.text}kept\n`, page.etag);
    await repo.close();
    await import('node:fs/promises').then((fs) => fs.rm(cs.dir, { recursive: true, force: true }));
    repo = await openSiteRepository({ siteDir: t.siteDir, dataDir: t.dataDir });
    expect(await readFile(path.join(cs.dir, 'pages/contact-us.md'), 'utf8')).toBe(`${page.text}kept\n`);
    expect((await out(cs.dir, 'symbolic-ref', 'HEAD')).trim()).toBe(`refs/heads/${cs.branch}`);
  });
});
